"""A lesson learned (Les): what a team found out in practice."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from leernetwerk.core.models import BasePage
from leernetwerk.sitesearch.analysis import plain_text

from ..api import TAXONOMY_API_FIELDS, TAXONOMY_PREFETCH, PageLinkSerializer, RichTextSerializer
from ..workflow import contribution_workflow
from .tagging import TaxonomyMixin

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# Where a lesson may have been learned: a leercirkel/session or a pilot page.
LEARNED_AT_APPS = {"learning", "pilots"}


class LesTag(TaggedItemBase):
    content_object = ParentalKey(
        "learning.Les", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Les(TaxonomyMixin, BasePage):
    summary = models.TextField(_("samenvatting"), max_length=600)
    context = RichTextField(_("situatie"), blank=True, features=TEXT_FEATURES)
    approach = RichTextField(_("aanpak"), blank=True, features=TEXT_FEATURES)
    worked = RichTextField(_("wat werkte"), blank=True, features=TEXT_FEATURES)
    did_not_work = RichTextField(_("wat werkte niet"), blank=True, features=TEXT_FEATURES)
    tips = RichTextField(_("tips"), blank=True, features=TEXT_FEATURES)
    date = models.DateField(_("datum"), default=timezone.localdate)
    learned_at = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons_learned",
        verbose_name=_("geleerd tijdens"),
        help_text=_("Een leercirkel, verdiepings- of werksessie, of een pilot."),
    )
    tags = ClusterTaggableManager(through=LesTag, blank=True, verbose_name=_("thema's"))
    external_id = models.CharField(
        _("externe sleutel"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Vaste sleutel voor import en export."),
    )
    synthetic = models.BooleanField(
        _("synthetisch"), default=False, help_text=_("Gegenereerd voor metingen, geen echte les.")
    )
    # A lesson shared by a professional through "Les delen" (learning/contribute.py).
    contributed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributed_lessons",
        verbose_name=_("ingezonden door"),
    )
    contributed_at = models.DateTimeField(_("ingezonden op"), null=True, blank=True)
    credit_consent = models.BooleanField(
        _("naam vermelden"),
        default=False,
        help_text=_("De inzender gaf toestemming om naam en organisatie bij de les te tonen."),
    )
    credit_name = models.CharField(_("naam inzender"), max_length=150, blank=True)
    credit_organisation = models.CharField(_("organisatie inzender"), max_length=200, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("date"),
        MultiFieldPanel(
            [
                FieldPanel("context"),
                FieldPanel("approach"),
                FieldPanel("worked"),
                FieldPanel("did_not_work"),
                FieldPanel("tips"),
            ],
            heading=_("De les"),
        ),
        PageChooserPanel("learned_at"),
        *TaxonomyMixin.taxonomy_panels,
        MultiFieldPanel(
            [
                FieldPanel("contributed_by", read_only=True),
                FieldPanel("credit_consent"),
                FieldPanel("credit_name"),
                FieldPanel("credit_organisation"),
            ],
            heading=_("Ingezonden les"),
            classname="collapsed",
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("context"),
        index.SearchField("approach"),
        index.SearchField("worked"),
        index.SearchField("did_not_work"),
        index.SearchField("tips"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    parent_page_types = ["learning.KennisbankPage"]
    api_fields = [
        APIField("summary"),
        APIField("date"),
        APIField("context", serializer=RichTextSerializer()),
        APIField("approach", serializer=RichTextSerializer()),
        APIField("worked", serializer=RichTextSerializer()),
        APIField("did_not_work", serializer=RichTextSerializer()),
        APIField("tips", serializer=RichTextSerializer()),
        APIField("learned_at", serializer=PageLinkSerializer()),
        *TAXONOMY_API_FIELDS,
    ]
    API_PREFETCH = [*TAXONOMY_PREFETCH, "learned_at"]
    subpage_types: list = []

    search_kind = "les"
    accepts_reactions = True  # the reactions panel shows below it (PAGE_PANELS)

    class Meta:
        verbose_name = _("les")
        verbose_name_plural = _("lessen")

    def clean(self):
        super().clean()
        if self.learned_at_id:
            target = Page.objects.filter(pk=self.learned_at_id).select_related("content_type")
            target = target.first()
            if target is None or target.content_type.app_label not in LEARNED_AT_APPS:
                raise ValidationError(
                    {
                        "learned_at": _(
                            "Kies een leercirkel, verdiepings- of werksessie, of een pilot."
                        )
                    }
                )

    def get_workflow(self):
        """Lessons shared through "Les delen" go to the Moderators' review; others follow
        the page tree's workflow."""
        if self.contributed_at:
            return contribution_workflow() or super().get_workflow()
        return super().get_workflow()

    @property
    def credit_line(self):
        """ "Naam, Organisatie" when the contributor agreed to be named, else empty."""
        if not (self.credit_consent and self.credit_name):
            return ""
        return ", ".join(part for part in (self.credit_name, self.credit_organisation) if part)

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    def get_search_date(self):
        return self.date

    def search_text(self):
        parts = [
            self.summary,
            self.context,
            self.approach,
            self.worked,
            self.did_not_work,
            self.tips,
        ]
        return " ".join(plain_text(part) for part in parts if part)
