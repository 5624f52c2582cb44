from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from leernetwerk.core.blocks import BaseStreamBlock
from leernetwerk.core.models import BasePage, SectionIndexPage


class NewsIndexPage(SectionIndexPage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("nieuwsoverzicht")

    def get_listing_queryset(self, request):
        queryset = (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .select_related("listing_image")
            .order_by("-date", "-pk")
        )
        tag = request.GET.get("tag", "").strip()
        if tag:
            queryset = queryset.filter(tags__name__iexact=tag)
        return queryset

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tag"] = request.GET.get("tag", "").strip()
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    date = models.DateField(_("datum"), default=timezone.localdate)
    intro = models.TextField(_("inleiding"), max_length=500)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("inhoud"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")

    def get_listing_summary(self):
        return self.listing_summary or self.intro
