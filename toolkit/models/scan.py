"""Participatiescan: editor-maintained themes and success factors, and the scans that
regions fill in as a group (coordinator plus invited participants)."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

SCORE_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class ScanThema(ClusterableModel):
    name = models.CharField(_("naam"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("sort_order"),
        InlinePanel("factoren", label=_("Succesfactoren"), min_num=1),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("thema van de participatiescan")
        verbose_name_plural = _("thema's van de participatiescan")

    def __str__(self):
        return self.name


class ScanFactor(Orderable):
    thema = ParentalKey(ScanThema, on_delete=models.CASCADE, related_name="factoren")
    name = models.CharField(_("succesfactor"), max_length=160)
    norm = models.TextField(_("normstelling"))

    panels = [FieldPanel("name"), FieldPanel("norm")]

    class Meta(Orderable.Meta):
        verbose_name = _("succesfactor")
        verbose_name_plural = _("succesfactoren")

    def __str__(self):
        return self.name


class OrganisatieType(models.TextChoices):
    VSO_PRO = "vso_pro", _("VSO/PRO")
    SOCIALE_DIENST = "sociale_dienst", _("Sociale dienst/werkbedrijf")
    LEERPLICHT_RMC = "leerplicht_rmc", _("Leerplicht/RMC")
    WERKGEVERS = "werkgevers", _("Werkgevers")
    ZORG = "zorg", _("Zorg")
    OVERIG = "overig", _("Overig")


class ScanQuerySet(models.QuerySet):
    def connected(self, user):
        """Scans the user coordinates or takes part in; everyone else gets nothing."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(coordinator=user) | Q(deelnemers__user=user)).distinct()

    def closed(self):
        return self.filter(closed_at__isnull=False)


class Scan(models.Model):
    title = models.CharField(_("titel"), max_length=160)
    regio = models.ForeignKey(
        "taxonomy.Regio",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "arbeidsmarktregio"},
        verbose_name=_("arbeidsmarktregio"),
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("coördinator"),
    )
    created_at = models.DateTimeField(_("gestart"), auto_now_add=True)
    closed_at = models.DateTimeField(_("afgesloten"), null=True, blank=True)

    objects = ScanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("participatiescan")
        verbose_name_plural = _("participatiescans")

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.closed_at is None


def _token():
    return secrets.token_urlsafe(24)


class Deelnemer(models.Model):
    """A participant of a (group) scan; the coordinator takes part as one too."""

    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="deelnemers")
    email = models.EmailField(_("e-mailadres"))
    organisatie_type = models.CharField(
        _("soort organisatie"), max_length=20, choices=OrganisatieType.choices
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("account"),
    )
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    algemeen_beeld = models.PositiveSmallIntegerField(
        _("algemeen beeld"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    invited_at = models.DateTimeField(_("uitgenodigd"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("ingevuld"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.UniqueConstraint(fields=["scan", "email"], name="toolkit_deelnemer_unique_email")
        ]

    def __str__(self):
        return self.email


class Antwoord(models.Model):
    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="antwoorden")
    factor = models.ForeignKey(ScanFactor, on_delete=models.CASCADE, related_name="+")
    # None: "weet niet". Such an answer counts in no score, spread or average.
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, validators=SCORE_VALIDATORS
    )

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(
                fields=["deelnemer", "factor"], name="toolkit_antwoord_unique_factor"
            )
        ]


class Actiepunt(models.Model):
    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="actiepunten")
    factor = models.ForeignKey(
        ScanFactor, on_delete=models.CASCADE, related_name="+", verbose_name=_("succesfactor")
    )
    description = models.TextField(_("actie"), max_length=1000)
    trekker = models.CharField(_("trekker"), max_length=120)
    trekker_email = models.EmailField(_("e-mailadres trekker"))
    deadline = models.DateField(_("uiterlijk klaar op"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")

    def __str__(self):
        return self.description[:60]
