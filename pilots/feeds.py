"""RSS and Atom feeds of progress updates: per pilot and for all pilots of the section."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Page

from leernetwerk.core.feeds import content_datetime

from .models import VoortgangsberichtPage


class _UpdatesFeed(Feed):
    limit = 30

    def __init__(self, page):
        super().__init__()
        self.page = page

    def link(self):
        return self.page.get_full_url()

    def queryset(self):
        return (
            VoortgangsberichtPage.objects.live()
            .public()
            .descendant_of(self.page)
            .order_by("-date", "-pk")
        )

    def items(self):
        return self.queryset()[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url()

    def item_pubdate(self, item):
        return content_datetime(item)  # the update's own date, not when it was loaded

    def item_updateddate(self, item):
        return item.last_published_at


class PilotRssFeed(_UpdatesFeed):
    def title(self):
        return _("Voortgang van pilot %(title)s") % {"title": self.page.title}

    def description(self):
        return _("Nieuwe voortgangsberichten van deze pilot.")


class PilotAtomFeed(PilotRssFeed):
    feed_type = Atom1Feed
    subtitle = PilotRssFeed.description


class AllPilotsRssFeed(_UpdatesFeed):
    def title(self):
        return _("Voortgang van alle pilots")

    def description(self):
        return _("Nieuwe voortgangsberichten uit alle pilotregio's.")

    def items(self):
        """The updates, each knowing its pilot's title (one query for all pilots)."""
        items = list(super().items())
        parent_paths = {item.path[: -Page.steplen] for item in items}
        titles = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
        for item in items:
            item.pilot_title = titles.get(item.path[: -Page.steplen], "")
        return items

    def item_title(self, item):
        # In a feed of all pilots, a title alone does not say which pilot it is about.
        if not item.pilot_title:
            return item.title
        return f"{item.pilot_title}: {item.title}"


class AllPilotsAtomFeed(AllPilotsRssFeed):
    feed_type = Atom1Feed
    subtitle = AllPilotsRssFeed.description
