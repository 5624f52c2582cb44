from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .base import SavedResult


class WielOnderdeel(models.Model):
    """An item on one of the participatiewiel's three rings."""

    class Ring(models.TextChoices):
        DOEL = "doel", _("Doel (binnenste ring)")
        ACTIVITEIT = "activiteit", _("Activiteit (middelste ring)")
        KADER = "kader", _("Wettelijk kader (buitenste ring)")

    ring = models.CharField(_("ring"), max_length=12, choices=Ring.choices)
    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("toelichting"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("ring"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["ring", "sort_order", "name"]
        verbose_name = _("onderdeel van het participatiewiel")
        verbose_name_plural = _("onderdelen van het participatiewiel")
        constraints = [
            models.UniqueConstraint(fields=["ring", "name"], name="toolkit_wiel_unique_name")
        ]

    def __str__(self):
        return f"{self.name} ({self.get_ring_display()})"


class OpgeslagenWiel(SavedResult):
    """A saved participatiewiel.

    ``data`` = {"doelen": {"<doel id>": {"score": 0-10, "activiteiten": [ids]}},
    "kaders": {"<activiteit id>": <kader id>}}; names are looked up at display time
    so editors can rename ring items.
    """

    data = models.JSONField(_("ingevulde gegevens"), default=dict)

    class Meta(SavedResult.Meta):
        verbose_name = _("opgeslagen participatiewiel")
        verbose_name_plural = _("opgeslagen participatiewielen")
