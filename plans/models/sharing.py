"""Who may see a plan: memberships with a role, and single-use e-mail invitations."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_VALID_DAYS = 7


class Role(models.TextChoices):
    EIGENAAR = "eigenaar", _("Eigenaar")
    BEWERKER = "bewerker", _("Bewerker")
    LEZER = "lezer", _("Lezer")


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class Membership(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_memberships"
    )
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices)
    created_at = models.DateTimeField(_("sinds"), default=timezone.now)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "user"],
                condition=models.Q(revoked_at__isnull=True),
                name="plans_one_active_membership",
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.role}"


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(
            used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """Only the token's hash is stored: a leaked database cannot be used to join a plan."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mailadres"))
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self):
        return f"uitnodiging {self.pk}"

    @classmethod
    def issue(cls, plan, email, role, invited_by):
        """Create an invitation; returns it with the clear-text token (sent once, by e-mail)."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            plan=plan,
            email=email,
            role=role,
            token_hash=hash_token(token),
            invited_by=invited_by,
            expires_at=timezone.now() + timedelta(days=INVITATION_VALID_DAYS),
        )
        return invitation, token

    @property
    def status(self):
        if self.used_at:
            return _("gebruikt")
        if self.revoked_at:
            return _("ingetrokken")
        if self.expires_at <= timezone.now():
            return _("verlopen")
        return _("open")
