"""RSS feeds of pages, dated by the content's own date.

A page's ``date`` (the lesson's, the news item's, the update's) is its publication
date in a feed, not the moment it was loaded into this site: content from 2019 stays
2019 after an import. Links are absolute from the Site record (``load_demo`` aligns it
with ``WAGTAILADMIN_BASE_URL``).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from wagtail.models import Site

# Content dates have no time of day; noon keeps the day the same in every time zone
# a reader's feed client may convert to.
NOON = datetime.time(12, 0)


def content_date(page):
    """The content's own date, or None: a page's ``date`` (lesson, news item, event,
    leercirkel, progress update), else what it gives the search (``get_search_date``:
    a richtlijn's adoption date, ...)."""
    day = getattr(page, "date", None)
    if day is None and callable(getattr(page, "get_search_date", None)):
        day = page.get_search_date()
    return day if isinstance(day, datetime.date) else None


def content_datetime(page):
    day = content_date(page)
    if isinstance(day, datetime.datetime):
        return day
    if isinstance(day, datetime.date):
        return timezone.make_aware(datetime.datetime.combine(day, NOON))
    return page.first_published_at


def sitemap_lastmod(page):
    """The sitemap's lastmod: the content's own date where the page has one, else when
    it was last published. A content date on the day of publication is that moment."""
    published = page.last_published_at or page.latest_revision_created_at
    day = content_date(page)
    if day is None:
        return published
    if isinstance(day, datetime.datetime):
        return day
    if published is not None and timezone.localtime(published).date() == day:
        return published
    return timezone.make_aware(datetime.datetime.combine(day, NOON))


class PageFeed(Feed):
    """Subclasses set ``title``, ``description`` and ``queryset()`` (pages, newest first)."""

    limit = 30
    language = "nl"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        site = Site.find_for_request(self.request)
        return site.root_url + "/" if site else "/"

    def queryset(self):
        raise NotImplementedError

    def items(self):
        return self.queryset().live().public().specific()[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        summary = item.get_listing_summary() if hasattr(item, "get_listing_summary") else ""
        return summary or item.search_description

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return content_datetime(item)

    def item_updateddate(self, item):
        return item.last_published_at
