"""A lesson learned (Les): what a team found out in practice."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from leernetwerk.core.models import BasePage
from leernetwerk.sitesearch.analysis import plain_text

from ..api import (
    TAXONOMY_API_FIELDS,
    TAXONOMY_PREFETCH,
    ChoiceSerializer,
    LessonDetailsSerializer,
    PageLinkSerializer,
    RelatedLessonsSerializer,
    RichTextSerializer,
    SourcesSerializer,
)
from ..page_forms import LesPageForm
from ..pdf import page_pdf
from ..workflow import contribution_workflow
from .les_details import (
    EVIDENCE_HELP,
    Erkenningsniveau,
    age_range_errors,
    age_range_label,
)
from .tagging import TaxonomyMixin

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# Where a lesson may have been learned: a leercirkel/session or a pilot page.
LEARNED_AT_APPS = {"learning", "pilots"}


class LesTag(TaggedItemBase):
    content_object = ParentalKey(
        "learning.Les", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Les(RoutablePageMixin, TaxonomyMixin, BasePage):
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
    # About this lesson: the facts block of the page, the factsheet and the API.
    author = models.CharField(
        _("auteur"),
        max_length=200,
        blank=True,
        help_text=_("Wie schreef de les op: een persoon, team of organisatie."),
    )
    last_reviewed = models.DateField(
        _("laatst beoordeeld"),
        null=True,
        blank=True,
        help_text=_("Wanneer de redactie de les voor het laatst inhoudelijk controleerde."),
    )
    target_age_from = models.PositiveSmallIntegerField(
        _("leeftijd vanaf"), null=True, blank=True, help_text=_("Van 12 tot en met 30 jaar.")
    )
    target_age_to = models.PositiveSmallIntegerField(
        _("leeftijd tot"), null=True, blank=True, help_text=_("Van 12 tot en met 30 jaar.")
    )
    evidence_level = models.CharField(
        _("erkenningsniveau"),
        max_length=30,
        blank=True,
        choices=Erkenningsniveau.choices,
        help_text=EVIDENCE_HELP,
    )
    contact_name = models.CharField(_("naam contactpersoon"), max_length=150, blank=True)
    contact_organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("e-mailadres"),
        blank=True,
        help_text=_("Bij voorkeur een algemeen adres van de organisatie, geen privéadres."),
    )
    factsheet_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("eigen factsheet"),
        help_text=_("Een geüploade PDF vervangt de factsheet die de site zelf van deze les maakt."),
    )
    # The sources' titles as one text, kept on save so search_text() needs no query.
    search_extra = models.TextField(editable=False, blank=True, default="")

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
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("last_reviewed"),
                FieldRowPanel([FieldPanel("target_age_from"), FieldPanel("target_age_to")]),
                FieldPanel("evidence_level"),
                FieldPanel("factsheet_document"),
            ],
            heading=_("Over deze les"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_organisation"),
                FieldPanel("contact_email"),
            ],
            heading=_("Contactpersoon"),
        ),
        InlinePanel("sources", label=_("Bronnen en literatuur")),
        InlinePanel("related_links", label=_("Verwante lessen")),
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
        # The sources' titles, kept on the page: no query per lesson when indexing.
        index.SearchField("search_extra"),
        index.FilterField("date"),
    ]
    base_form_class = LesPageForm
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
        APIField("author"),
        APIField("last_reviewed"),
        APIField("evidence_level", serializer=ChoiceSerializer(Erkenningsniveau)),
        APIField("details", serializer=LessonDetailsSerializer(source="*")),
        APIField("sources", serializer=SourcesSerializer()),
        APIField("related_lessons", serializer=RelatedLessonsSerializer(source="*")),
        *TAXONOMY_API_FIELDS,
    ]
    API_PREFETCH = [
        *TAXONOMY_PREFETCH,
        "learned_at",
        "sources",
        "related_links__related",
        "linked_from__les",
        "factsheet_document",
    ]
    subpage_types: list = []

    search_kind = "les"
    accepts_reactions = True  # the reactions panel shows below it (PAGE_PANELS)

    class Meta:
        verbose_name = _("les")
        verbose_name_plural = _("lessen")

    def clean(self):
        super().clean()
        if errors := age_range_errors(self.target_age_from, self.target_age_to):
            raise ValidationError(errors)
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

    def save(self, *args, **kwargs):
        self.search_extra = " ; ".join(source.title for source in self.sources.all())
        return super().save(*args, **kwargs)

    @property
    def target_age_label(self):
        return age_range_label(self.target_age_from, self.target_age_to)

    def related_lessons(self):
        """Live lessons this one links to and lessons that link to it, in one query."""
        return (
            Les.objects.live()
            .filter(Q(linked_from__les=self) | Q(related_links__related=self))
            .exclude(pk=self.pk)
            .distinct()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sources"] = list(self.sources.all())
        context["related_lessons"] = list(self.related_lessons())
        return context

    @path("factsheet/", name="factsheet")
    def factsheet(self, request):
        """The lesson as a one- or two-page PDF; an uploaded factsheet replaces it."""
        if self.factsheet_document_id:
            return redirect(self.factsheet_document.url)
        context = {"page": self, "sources": list(self.sources.all())}
        return page_pdf(request, self, "learning/pdf/factsheet.html", context, "factsheet")

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
        text = " ".join(plain_text(part) for part in parts if part)
        return f"{text} {self.search_extra}" if self.search_extra else text
