"""RSS feed of the sent issues (the archive)."""

from html import unescape

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.html import strip_tags

from .models import NewsletterIssue


class IssuesFeed(Feed):
    title = "Nieuwsbrief Leernetwerk 16-27"
    description = "Alle verzonden nieuwsbrieven van het Leernetwerk 16-27."
    limit = 20

    def link(self):
        return reverse("newsletter:archive")

    def items(self):
        return NewsletterIssue.objects.sent().only("pk", "subject", "intro", "sent_at")[
            : self.limit
        ]

    def item_title(self, item):
        return item.subject

    def item_description(self, item):
        return unescape(strip_tags(item.intro))

    def item_pubdate(self, item):
        return item.sent_at
