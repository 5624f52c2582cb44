from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from .base import SavedResult


class ToetsStap(ClusterableModel):
    """One of the four steps of the omgekeerde toets, with its questions."""

    number = models.PositiveSmallIntegerField(
        _("stap"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    title = models.CharField(_("titel"), max_length=120)
    explanation = models.TextField(_("uitleg"), blank=True)
    laws = models.ManyToManyField(
        "toolkit.Financieringsbron",
        blank=True,
        related_name="toets_stappen",
        verbose_name=_("wetten bij deze stap"),
        help_text=_("Hun wettekst op wetten.overheid.nl staat bij de stap, om na te lezen."),
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("explanation"),
        FieldPanel("laws"),
        InlinePanel("vragen", label=_("Vragen"), min_num=1),
    ]

    class Meta:
        ordering = ["number"]
        verbose_name = _("stap van de omgekeerde toets")
        verbose_name_plural = _("stappen van de omgekeerde toets")

    def __str__(self):
        return f"{self.number}. {self.title}"


class ToetsVraag(Orderable):
    stap = ParentalKey(ToetsStap, on_delete=models.CASCADE, related_name="vragen")
    label = models.CharField(_("vraag"), max_length=255)
    help_text = models.CharField(_("hulptekst"), max_length=255, blank=True)
    required = models.BooleanField(_("verplicht"), default=False)

    panels = [FieldPanel("label"), FieldPanel("help_text"), FieldPanel("required")]

    class Meta(Orderable.Meta):
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self):
        return self.label

    @property
    def field_name(self):
        return f"vraag_{self.pk}"


class OpgeslagenToets(SavedResult):
    """A logged-in professional's omgekeerde toets; answers keyed by question id."""

    answers = models.JSONField(_("antwoorden"), default=dict)
    step = models.PositiveSmallIntegerField(_("huidige stap"), default=1)

    class Meta(SavedResult.Meta):
        verbose_name = _("opgeslagen omgekeerde toets")
        verbose_name_plural = _("opgeslagen omgekeerde toetsen")
