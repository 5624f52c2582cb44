"""The shared vocabulary every section tags its content with.

Life domains exist in two schemes: the eight levensgebieden of the toekomstplan
and the "Big 5" some regions use. Each domain maps to its counterparts in the
other scheme, so content tagged in one scheme is found when filtering on the other.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Kennisbron(models.TextChoices):
    ERVARING = "ervaringskennis", _("Ervaringskennis")
    WETENSCHAP = "wetenschappelijke_kennis", _("Wetenschappelijke kennis")
    PROFESSIONEEL = "professionele_kennis", _("Professionele kennis")


class LevensgebiedQuerySet(models.QuerySet):
    def levensgebieden(self):
        return self.filter(scheme=Levensgebied.Scheme.LEVENSGEBIEDEN)

    def big5(self):
        return self.filter(scheme=Levensgebied.Scheme.BIG5)

    def with_equivalents(self):
        """These domains plus their counterparts in the other scheme (for filtering)."""
        ids = set(self.values_list("pk", flat=True))
        ids |= set(
            Levensgebied.equivalents.through.objects.filter(
                from_levensgebied_id__in=ids
            ).values_list("to_levensgebied_id", flat=True)
        )
        return Levensgebied.objects.filter(pk__in=ids)


class Levensgebied(index.Indexed, ClusterableModel):
    class Scheme(models.TextChoices):
        LEVENSGEBIEDEN = "levensgebieden", _("Acht levensgebieden")
        BIG5 = "big5", _("Big 5")

    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    scheme = models.CharField(_("indeling"), max_length=20, choices=Scheme.choices)
    description = models.TextField(_("toelichting"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    equivalents = ParentalManyToManyField(
        "self",
        symmetrical=True,
        blank=True,
        verbose_name=_("komt overeen met"),
        help_text=_("De levensgebieden in de andere indeling die dit gebied dekken."),
    )

    objects = LevensgebiedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("scheme"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("equivalents"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("scheme")]

    class Meta:
        ordering = ["scheme", "sort_order", "name"]
        verbose_name = _("levensgebied")
        verbose_name_plural = _("levensgebieden")

    def __str__(self):
        if self.scheme == self.Scheme.BIG5:
            return f"{self.name} (Big 5)"
        return self.name


class SectorGroep(models.Model):
    """One of the four sector groups; a pilot needs at least two different ones."""

    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("omvat"), blank=True)

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["number"]
        verbose_name = _("sectorgroep")
        verbose_name_plural = _("sectorgroepen")

    def __str__(self):
        return self.name


class Doelgroep(models.Model):
    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("toelichting"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self):
        return self.name


class Provincie(models.TextChoices):
    DRENTHE = "NL-DR", "Drenthe"
    FLEVOLAND = "NL-FL", "Flevoland"
    FRIESLAND = "NL-FR", "Fryslân"
    GELDERLAND = "NL-GE", "Gelderland"
    GRONINGEN = "NL-GR", "Groningen"
    LIMBURG = "NL-LI", "Limburg"
    NOORD_BRABANT = "NL-NB", "Noord-Brabant"
    NOORD_HOLLAND = "NL-NH", "Noord-Holland"
    OVERIJSSEL = "NL-OV", "Overijssel"
    UTRECHT = "NL-UT", "Utrecht"
    ZEELAND = "NL-ZE", "Zeeland"
    ZUID_HOLLAND = "NL-ZH", "Zuid-Holland"


class Regio(index.Indexed, ClusterableModel):
    """A municipality or a group of them (youth-care, labour-market region, province)."""

    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        JEUGDREGIO = "jeugdregio", _("Jeugdregio")
        ARBEIDSMARKTREGIO = "arbeidsmarktregio", _("Arbeidsmarktregio")
        PROVINCIE = "provincie", _("Provincie")

    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    province = models.CharField(_("provincie"), max_length=5, choices=Provincie.choices, blank=True)
    cbs_code = models.CharField(
        _("CBS-code"), max_length=12, blank=True, help_text=_("Bijvoorbeeld GM0983 of AM11.")
    )
    latitude = models.DecimalField(
        _("breedtegraad"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("lengtegraad"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    municipalities = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="part_of",
        limit_choices_to={"kind": "gemeente"},
        verbose_name=_("gemeenten"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("province"),
        FieldPanel("cbs_code"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
        FieldPanel("municipalities"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("kind")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        constraints = [
            models.UniqueConstraint(
                fields=["cbs_code"],
                condition=~models.Q(cbs_code=""),
                name="taxonomy_regio_unique_cbs_code",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display().lower()})"


class Herindeling(models.Model):
    """A former municipality and the one it merged into, so an old CBS code still
    finds the region it became (imports and pickers look here)."""

    old_code = models.CharField(_("oude CBS-code"), max_length=12, unique=True)
    old_name = models.CharField(_("oude naam"), max_length=150)
    regio = models.ForeignKey(
        Regio,
        on_delete=models.CASCADE,
        related_name="herindelingen",
        verbose_name=_("opgegaan in"),
    )
    date = models.DateField(_("datum"), null=True, blank=True)

    panels = [
        FieldPanel("old_code"),
        FieldPanel("old_name"),
        FieldPanel("regio"),
        FieldPanel("date"),
    ]

    class Meta:
        ordering = ["old_name"]
        verbose_name = _("herindeling")
        verbose_name_plural = _("herindelingen")

    def __str__(self):
        return f"{self.old_name} ({self.old_code}) → {self.regio.name}"
