"""The kennisbank page types in the read-only Wagtail API v2 (/api/v2/pages/).

``?type=learning.Les&fields=*`` lists lessons with all their fields. Related data is
prefetched (``API_PREFETCH`` on each model, applied by the project's pages endpoint),
so a listing costs the same number of queries whatever its length.
"""

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.rich_text import expand_db_html

from leernetwerk.core.feeds import content_date
from leernetwerk.taxonomy.models import Kennisbron


class RichTextSerializer(serializers.Field):
    """Rich text with internal links and embeds expanded to plain HTML."""

    def to_representation(self, value):
        return expand_db_html(value) if value else ""


def _term(term):
    data = {"slug": term.slug, "name": term.name}
    if hasattr(term, "scheme"):  # levensgebieden: the eight domains or the Big 5
        data["scheme"] = term.scheme
    return data


class TermSerializer(serializers.Field):
    """One taxonomy term (region) as {"slug", "name"}."""

    def to_representation(self, term):
        return _term(term)


class TermListSerializer(serializers.Field):
    """Taxonomy terms (levensgebieden, doelgroepen, sectoren) as [{"slug", "name"}]."""

    def to_representation(self, manager):
        return [_term(term) for term in manager.all()]


class KennisbronSerializer(serializers.Field):
    def to_representation(self, values):
        labels = dict(Kennisbron.choices)
        return [{"value": value, "label": str(labels.get(value, value))} for value in values]


def _page_link(page, request):
    return {"id": page.pk, "title": page.title, "url": page.get_url(request)}


class PageLinkSerializer(serializers.Field):
    """A linked page as {"id", "title", "url"}; null when it is not live."""

    def to_representation(self, page):
        return _page_link(page, self.context.get("request")) if page.live else None


class LinkedPagesSerializer(serializers.Field):
    """The live pages of an inline list (``attr`` names the page on each row)."""

    def __init__(self, attr, **kwargs):
        self.attr = attr
        super().__init__(**kwargs)

    def to_representation(self, manager):
        request = self.context.get("request")
        pages = (getattr(row, self.attr) for row in manager.all())
        return [_page_link(page, request) for page in pages if page.live]


class DownloadsSerializer(serializers.Field):
    def to_representation(self, manager):
        return [
            {
                "title": row.document.title,
                "description": row.description,
                "url": row.document.url,
            }
            for row in manager.all()
        ]


class ChoiceSerializer(serializers.Field):
    """A choice as {"value", "label"}; null when empty."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices.choices)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return {"value": value, "label": str(self.labels.get(value, value))} if value else None


class LessonDetailsSerializer(serializers.Field):
    """A lesson's target age, contact and factsheet link (``source="*"``: the page)."""

    def to_representation(self, page):
        request = self.context.get("request")
        url = page.get_url(request)
        document = page.factsheet_document
        return {
            "target_age": {
                "from": page.target_age_from,
                "to": page.target_age_to,
                "label": str(page.target_age_label),
            },
            "contact": {
                "name": page.contact_name,
                "organisation": page.contact_organisation,
                "email": page.contact_email,
            },
            "factsheet_url": document.url if document else (f"{url}factsheet/" if url else None),
        }


class SourcesSerializer(serializers.Field):
    def to_representation(self, manager):
        return [
            {"title": row.title, "author": row.author, "year": row.year, "url": row.url}
            for row in manager.all()
        ]


class RelatedLessonsSerializer(serializers.Field):
    """The live lessons a lesson links to, then those that link to it, read from the
    prefetched ``related_links`` and ``linked_from`` (``source="*"``: the page)."""

    def to_representation(self, page):
        request = self.context.get("request")
        pages = [row.related for row in page.related_links.all()]
        pages += [row.les for row in page.linked_from.all()]
        seen, links = {page.pk}, []
        for other in pages:
            if other.live and other.pk not in seen:
                seen.add(other.pk)
                links.append(_page_link(other, request))
        return links


class RecommendationsSerializer(serializers.Field):
    def to_representation(self, manager):
        return [
            {
                "text": row.text,
                "strength": {"value": row.strength, "label": str(row.get_strength_display())},
                "justification": expand_db_html(row.justification) if row.justification else "",
            }
            for row in manager.all()
        ]


class ChangesSerializer(serializers.Field):
    """The change log, newest first."""

    def to_representation(self, manager):
        rows = sorted(manager.all(), key=lambda row: (row.date, row.sort_order or 0), reverse=True)
        return [
            {"version": row.version, "date": row.date.isoformat(), "description": row.description}
            for row in rows
        ]


class TagsSerializer(serializers.Field):
    """Theme names, sorted; read from the prefetched tags (Wagtail's own tag field
    queries once per page)."""

    def to_representation(self, manager):
        return sorted(tag.name for tag in manager.all())


class ContentDateSerializer(serializers.Field):
    """The content's own date (the lesson's, the session's, the guideline's adoption),
    the same date the sitemap and the feeds use; null when the page has none."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        day = content_date(page)
        return day.isoformat() if day else None


class LinesSerializer(serializers.Field):
    """A one-item-per-line text field as a list."""

    def to_representation(self, text):
        return [line.strip() for line in (text or "").splitlines() if line.strip()]


TAXONOMY_API_FIELDS = [
    APIField("content_date", serializer=ContentDateSerializer()),
    APIField("levensgebieden", serializer=TermListSerializer()),
    APIField("doelgroepen", serializer=TermListSerializer()),
    APIField("sectoren", serializer=TermListSerializer()),
    APIField("regio", serializer=TermSerializer()),
    APIField("kennisbronnen", serializer=KennisbronSerializer()),
    APIField("tags", serializer=TagsSerializer()),
]
TAXONOMY_PREFETCH = ["levensgebieden", "doelgroepen", "sectoren", "tags"]
