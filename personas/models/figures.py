"""Characteristics (kenmerken), datasets and their imported counts per region.

A ``Figure`` holds how many young people in a region have *at least* the
characteristics of its combination (an intersection count); the empty
combination is the population of the age group. Only the importer writes
figures, so every dataset is complete and consistent.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

NATIONAL_CODE = "NL"
POPULATION = ""  # the combination key of the population row
COMBINATION_SEPARATOR = "+"


class Kenmerk(index.Indexed, models.Model):
    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9_-]+$", _("Alleen letters, cijfers, '-' en '_' (geen plusteken).")
            )
        ],
        help_text=_("Zoals in de CSV-bestanden, bijvoorbeeld NEET."),
    )
    label = models.CharField(_("naam"), max_length=120)
    definition = models.TextField(_("definitie"), blank=True)
    source = models.CharField(_("bron"), max_length=255, blank=True)

    panels = [
        FieldPanel("code"),
        FieldPanel("label"),
        FieldPanel("definition"),
        FieldPanel("source"),
    ]
    search_fields = [index.SearchField("label"), index.SearchField("code")]

    class Meta:
        ordering = ["label"]
        verbose_name = _("kenmerk")
        verbose_name_plural = _("kenmerken")

    def __str__(self):
        return self.label


class Dataset(models.Model):
    class Level(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        ARBEIDSMARKTREGIO = "arbeidsmarktregio", _("Arbeidsmarktregio")
        GEMENGD = "gemengd", _("Gemeenten en arbeidsmarktregio's")

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    year = models.PositiveSmallIntegerField(_("jaar"))
    source = models.CharField(_("bron"), max_length=255)
    region_level = models.CharField(_("regioniveau"), max_length=20, choices=Level.choices)
    is_fictional = models.BooleanField(
        _("fictieve gegevens"),
        default=False,
        help_text=_("Aanvinken voor verzonnen cijfers; elke grafiek meldt dat dan duidelijk."),
    )
    kenmerken = models.ManyToManyField(
        Kenmerk, blank=True, related_name="datasets", verbose_name=_("kenmerken"), editable=False
    )
    # Bumped on every save and import; part of every chart's cache key.
    version = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("year"),
        FieldPanel("source"),
        FieldPanel("region_level"),
        FieldPanel("is_fictional"),
    ]

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")
        permissions = [("import_figures", _("Kan cijfers importeren en exporteren"))]

    def __str__(self):
        return f"{self.name} ({self.year})"

    def save(self, *args, **kwargs):
        self.version = (self.version or 0) + 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version", "updated_at"}
        super().save(*args, **kwargs)

    def allows(self, region):
        if self.region_level == self.Level.GEMENGD:
            return region.kind in (self.Level.GEMEENTE, self.Level.ARBEIDSMARKTREGIO)
        return region.kind == self.region_level


class Figure(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="figures")
    region = models.ForeignKey(
        "taxonomy.Regio",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leeg voor heel Nederland."),
    )
    combination = models.CharField(max_length=255, blank=True)
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("cijfer")
        verbose_name_plural = _("cijfers")
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "region", "combination"],
                condition=models.Q(region__isnull=False),
                name="personas_figure_unique_regional",
            ),
            models.UniqueConstraint(
                fields=["dataset", "combination"],
                condition=models.Q(region__isnull=True),
                name="personas_figure_unique_national",
            ),
        ]


def combination_key(codes):
    """The stored key of a set of characteristic codes (order does not matter)."""
    return COMBINATION_SEPARATOR.join(sorted(codes))
