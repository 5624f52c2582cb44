"""News adds its three most recent items to the home page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from leernetwerk.core.hooks import (
    FEEDS,
    HOME_SECTIONS,
    SITE_SECTIONS,
    SITE_URLS,
    HomeSection,
    SiteSection,
)

from .feeds import NewsFeed
from .models import NewsPage


@hooks.register(HOME_SECTIONS)
def recent_news(home, request):
    items = (
        NewsPage.objects.live()
        .public()
        .descendant_of(home)
        .select_related("listing_image")
        .order_by("-date", "-pk")[:3]
    )
    return HomeSection(
        "nieuws",
        _("Recent nieuws"),
        list(items),
        empty_text=_("Er is nog geen nieuws."),
        order=10,
    )


@hooks.register(SITE_SECTIONS)
def news_section():
    return SiteSection(
        "news.NewsIndexPage",
        "nieuws",
        "Nieuws",
        "Nieuws uit het leernetwerk en de pilotregio's.",
        menu_order=90,
    )


@hooks.register(SITE_URLS)
def news_urls():
    return [path("feeds/nieuws/", NewsFeed(), name="news_feed")]


@hooks.register(FEEDS)
def news_feeds():
    return [("Nieuws van Leernetwerk 16-27", reverse("news_feed"))]
