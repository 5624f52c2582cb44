"""What makes a lesson a record professionals know from the NJi and Movisie databanks:
sources, recognition level, target age and lessons that belong together."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable

from ..page_forms import link_problem

AGE_MIN, AGE_MAX = 12, 30
SOURCE_YEAR_MIN = 1900


class Erkenningsniveau(models.TextChoices):
    """Modelled on the levels of the Dutch erkenningstraject for interventions."""

    PRAKTIJK = "praktijkervaring", _("Ervaring uit de praktijk")
    BESCHREVEN = "goed_beschreven", _("Goed beschreven")
    ONDERBOUWD = "goed_onderbouwd", _("Goed onderbouwd")
    EERSTE = "effectief_eerste", _("Effectief: eerste aanwijzingen")
    GOEDE = "effectief_goede", _("Effectief: goede aanwijzingen")
    STERKE = "effectief_sterke", _("Effectief: sterke aanwijzingen")


EVIDENCE_HELP = _(
    "Hoe sterk is wat deze les zegt? Ervaring uit de praktijk: een team zag het werken. "
    "Goed beschreven: doel, doelgroep en aanpak staan op papier. Goed onderbouwd: er is "
    "ook uitgelegd waarom het werkt. Effectief: onderzoek liet een effect zien, met eerste, "
    "goede of sterke aanwijzingen."
)

https_only = URLValidator(
    schemes=["https"], message=_("Geef een volledig webadres dat met https:// begint.")
)


def age_range_errors(age_from, age_to):
    """Dutch messages for a target age outside 12-30 or a 'from' above the 'to'."""
    errors = {}
    for name, value in (("target_age_from", age_from), ("target_age_to", age_to)):
        if value is not None and not AGE_MIN <= value <= AGE_MAX:
            errors[name] = _("Kies een leeftijd van %(min)s tot en met %(max)s jaar.") % {
                "min": AGE_MIN,
                "max": AGE_MAX,
            }
    if not errors and age_from is not None and age_to is not None and age_from > age_to:
        errors["target_age_to"] = _("De leeftijd 'tot' mag niet lager zijn dan 'vanaf'.")
    return errors


def age_range_label(age_from, age_to):
    """'16 tot 23 jaar', 'vanaf 16 jaar', 'tot 23 jaar' or ''."""
    if age_from is not None and age_to is not None:
        if age_from == age_to:
            return _("%(age)s jaar") % {"age": age_from}
        return _("%(from)s tot %(to)s jaar") % {"from": age_from, "to": age_to}
    if age_from is not None:
        return _("vanaf %(age)s jaar") % {"age": age_from}
    if age_to is not None:
        return _("tot %(age)s jaar") % {"age": age_to}
    return ""


class LesBron(Orderable):
    """A source or piece of literature the lesson rests on."""

    les = ParentalKey("learning.Les", on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("titel"), max_length=300)
    author = models.CharField(
        _("auteur of organisatie"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: Nederlands Jeugdinstituut, of Jansen, P. en De Vries, A."),
    )
    year = models.PositiveSmallIntegerField(
        _("jaar"), null=True, blank=True, validators=[MinValueValidator(SOURCE_YEAR_MIN)]
    )
    url = models.URLField(
        _("webadres"),
        max_length=500,
        blank=True,
        validators=[https_only],
        help_text=_("Alleen een vast adres dat met https:// begint; laat leeg als er geen is."),
    )

    panels = [FieldPanel("title"), FieldPanel("author"), FieldPanel("year"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.year and self.year > timezone.localdate().year + 1:
            raise ValidationError({"year": _("Dit jaar ligt te ver in de toekomst.")})


class LesVerwant(Orderable):
    """A lesson that belongs with this one; shown on both lessons."""

    les = ParentalKey("learning.Les", on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(
        "learning.Les",
        on_delete=models.CASCADE,
        related_name="linked_from",
        verbose_name=_("les"),
    )

    panels = [PageChooserPanel("related", page_type="learning.Les")]

    class Meta(Orderable.Meta):
        verbose_name = _("verwante les")
        verbose_name_plural = _("verwante lessen")

    def clean(self):
        super().clean()
        if self.les_id and (message := link_problem(self.related_id, self.les_id)):
            raise ValidationError({"related": message})
