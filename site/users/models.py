from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Custom user from the first migration, so fields can be added without pain later."""

    class Professional(models.TextChoices):
        GEEN = "geen", _("Geen professional (bijvoorbeeld uitgenodigd voor een plan)")
        WACHT = "wacht", _("Wacht op goedkeuring")
        GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd als professional")

    email = models.EmailField(_("e-mailadres"), unique=True)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    function = models.CharField(_("functie"), max_length=150, blank=True)
    region = models.ForeignKey(
        "taxonomy.Regio",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("regio"),
    )
    professional = models.CharField(
        _("professional"), max_length=12, choices=Professional.choices, default=Professional.GEEN
    )
    approved_at = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("goedgekeurd door"),
    )
    # Consent at registration: which privacy statement was live, and the age rule.
    privacy_statement_version = models.CharField(
        _("versie privacyverklaring"), max_length=20, blank=True
    )
    privacy_accepted_at = models.DateTimeField(_("privacyverklaring geaccepteerd op"), null=True)
    under_16 = models.BooleanField(_("jonger dan 16 bij registratie"), default=False)
    parental_consent_name = models.CharField(_("naam ouder of voogd"), max_length=100, blank=True)
    parental_consent_at = models.DateTimeField(
        _("toestemming ouder of voogd op"), null=True, blank=True
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_professional(self):
        return self.professional == self.Professional.GOEDGEKEURD


def cms_access_q(prefix=""):
    """Users who can reach the Wagtail admin (superusers, or through a permission)."""
    codename = "access_admin"
    return (
        Q(**{f"{prefix}is_superuser": True})
        | Q(**{f"{prefix}groups__permissions__codename": codename})
        | Q(**{f"{prefix}user_permissions__codename": codename})
    )


class FrontendAccountManager(UserManager):
    """Only front-end accounts: never a superuser, staff or anyone with CMS access."""

    def get_queryset(self):
        cms = User.objects.filter(cms_access_q()).values("pk")
        return super().get_queryset().filter(is_staff=False).exclude(pk__in=cms)


class FrontendAccount(User):
    """The accounts that "Beheer accounts" manages in the CMS (a proxy: same table)."""

    objects = FrontendAccountManager()

    class Meta:
        proxy = True
        verbose_name = _("account")
        verbose_name_plural = _("accounts")


class OrganisationDomain(models.Model):
    """E-mail domains of organisations whose professionals are approved automatically."""

    domain = models.CharField(
        _("e-maildomein"),
        max_length=253,
        unique=True,
        help_text=_("Bijvoorbeeld wijkteam-noord.nl (zonder @). Subdomeinen tellen niet mee."),
    )
    organisation = models.CharField(_("organisatie"), max_length=200)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["domain"]
        verbose_name = _("organisatiedomein")
        verbose_name_plural = _("organisatiedomeinen")

    def __str__(self):
        return f"{self.domain} ({self.organisation})"

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)

    @classmethod
    def approves(cls, email):
        domain = email.rsplit("@", 1)[-1].strip().lower()
        return bool(domain) and cls.objects.filter(domain=domain).exists()
