"""A young person's plan and its parts. Plain models on purpose: nothing here is a
page or ``index.Indexed``, so no plan text can reach a search index."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .sharing import Membership

CONSENT_AGE = 16


class PlanQuerySet(models.QuerySet):
    def connected(self, user):
        """Plans ``user`` is an active member of; the only way views reach a plan."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(
            pk__in=Membership.objects.active().filter(user=user).values("plan_id")
        ).annotate(
            my_role=Subquery(
                Membership.objects.active()
                .filter(plan=OuterRef("pk"), user=user)
                .values("role")[:1]
            )
        )


class Plan(models.Model):
    class Status(models.TextChoices):
        ACTIEF = "actief", _("Actief")
        AFGESLOTEN = "afgesloten", _("Afgesloten")

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    template = models.ForeignKey(
        "plans.ToekomstplanTemplatePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sjabloon"),
    )
    # Profile: a first name or nickname only, and by design no BSN.
    first_name = models.CharField(_("voornaam of roepnaam"), max_length=60)
    date_of_birth = models.DateField(_("geboortedatum"), null=True, blank=True)
    dreams = models.TextField(_("mijn dromen"), blank=True)
    perspective = models.TextField(_("waar ik over een paar jaar wil staan"), blank=True)
    risks = models.TextField(_("risico's"), blank=True)
    safety = models.TextField(_("wat helpt als het misgaat"), blank=True)
    checklist = models.JSONField(_("18-checklist"), default=list, blank=True)
    answers = models.JSONField(_("antwoorden op vrije vragen"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIEF
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    # Retention of idle plans: the owner is warned before an unused plan is closed.
    idle_warning_sent_at = models.DateTimeField(
        _("waarschuwing inactiviteit verstuurd op"), null=True, blank=True
    )
    # Optimistic concurrency: a save must name the version it was based on.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Consent: given with a known version of the privacy statement.
    consent_at = models.DateTimeField(_("toestemming gegeven op"))
    privacy_statement_version = models.CharField(_("versie privacyverklaring"), max_length=20)
    under_16 = models.BooleanField(_("jonger dan 16 bij de start"), default=False)
    parental_consent_name = models.CharField(_("naam ouder of voogd"), max_length=100, blank=True)
    parental_consent_at = models.DateTimeField(
        _("toestemming ouder of voogd op"), null=True, blank=True
    )

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("toekomstplan")
        verbose_name_plural = _("toekomstplannen")

    def __str__(self):
        # Never the name: instances end up in error reports and log lines.
        return f"Toekomstplan {str(self.reference)[:8]}"

    def role_for(self, user):
        role = getattr(self, "my_role", None)
        if role is not None:
            return role
        membership = self.memberships.active().filter(user=user).first()
        return membership.role if membership else None

    @property
    def is_closed(self):
        return self.status == self.Status.AFGESLOTEN

    def age_on(self, day=None):
        if not self.date_of_birth:
            return None
        day = day or date.today()
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class PlanDomain(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="domains")
    levensgebied = models.ForeignKey(
        "taxonomy.Levensgebied", on_delete=models.PROTECT, related_name="+"
    )
    prompts = models.JSONField(default=list, blank=True)
    situation = models.TextField(_("hoe het nu gaat"), blank=True)
    goes_well = models.TextField(_("wat goed gaat"), blank=True)
    goal = models.TextField(_("mijn doel"), blank=True)
    support_needed = models.BooleanField(_("steun nodig"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "levensgebied"], name="plans_domain_once")
        ]

    def __str__(self):
        return f"levensgebied {self.levensgebied_id}"


class NetworkMember(models.Model):
    """A person in the young person's steuncirkel (not necessarily a site user)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="network")
    name = models.CharField(_("naam"), max_length=100)
    relation = models.CharField(_("relatie"), max_length=100)
    contact = models.CharField(_("contactgegevens"), max_length=150, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"netwerklid {self.pk}"


class Action(models.Model):
    class Who(models.TextChoices):
        JONGERE = "jongere", _("De jongere zelf")
        NETWERK = "netwerk", _("Iemand uit de steuncirkel")
        PROFESSIONAL = "professional", _("Een professional")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    domain = models.ForeignKey(
        PlanDomain, on_delete=models.CASCADE, related_name="actions", verbose_name=_("levensgebied")
    )
    what = models.CharField(_("wat gebeurt er"), max_length=300)
    who = models.CharField(_("wie doet het"), max_length=12, choices=Who.choices)
    network_member = models.ForeignKey(
        NetworkMember,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("persoon uit de steuncirkel"),
    )
    professional_name = models.CharField(_("naam professional"), max_length=100, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=150, blank=True)
    due_date = models.DateField(_("klaar voor"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=6, choices=Status.choices, default="open")

    class Meta:
        ordering = ["domain__sort_order", "due_date", "pk"]

    def __str__(self):
        return f"actie {self.pk}"

    @property
    def who_label(self):
        if self.who == self.Who.NETWERK and self.network_member_id:
            return f"{self.network_member.name} ({self.network_member.relation})"
        if self.who == self.Who.PROFESSIONAL:
            return f"{self.professional_name} ({self.organisation})"
        return self.get_who_display()


class ReviewEntry(models.Model):
    """The review log: what was evaluated and agreed, in order."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reviews")
    date = models.DateField(_("datum"), default=date.today)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("wat is besproken en afgesproken"))

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"evaluatie {self.pk}"
