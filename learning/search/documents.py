"""What the full-text index reads of a page: four weighted fields.

* ``title``: the page title;
* ``summary``: the text shown in listings (``get_listing_summary()``);
* ``taxonomy``: the labels of its levensgebieden (both schemes), doelgroepen,
  sectoren, regio, kennisbronnen and themes;
* ``body``: the rest of its text (``search_text()`` of kennisbank pages, otherwise
  the text of the page type's other Wagtail ``search_fields``).

Every page type is indexed, so the site-wide search (/zoeken/) finds news, pilots
and personas too; the kennisbank's own types define ``search_text`` and
``search_kind``.
"""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from wagtail.search import index

from leernetwerk.sitesearch.analysis import plain_text

from .indexing import facet_rows, is_indexable

# Fields shown elsewhere in the document (title, summary) or not text at all.
SKIPPED_FIELDS = {"title", "listing_summary", "search_description", "summary"}


@dataclass(frozen=True)
class Document:
    title: str
    summary: str
    taxonomy: str
    body: str


def document_for(page):
    """The indexed fields of a (specific) page."""
    summary = page.get_listing_summary() if hasattr(page, "get_listing_summary") else ""
    summary = summary or getattr(page, "search_description", "") or ""
    if is_indexable(page):
        labels = [label for facet, _value, label in facet_rows(page) if facet != "jaar"]
        return Document(page.title, plain_text(summary), " ; ".join(labels), page.search_text())
    return Document(page.title, plain_text(summary), _tags(page), _body_text(page))


def _tags(page):
    tags = getattr(page, "tags", None)
    if tags is None or not hasattr(tags, "all"):
        return ""
    return " ; ".join(tag.name for tag in tags.all())


def _body_text(page):
    """The text of the page's other search fields (rich text and StreamFields as text)."""
    texts = []
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name in SKIPPED_FIELDS:
            continue
        try:
            model_field = page._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            model_field = None  # a method or property: modelsearch reads it
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            value = getattr(page, field.field_name)
            texts.extend(str(text) for text in model_field.get_searchable_content(value))
            continue
        value = field.get_value(page)
        if isinstance(value, list | tuple):
            texts.extend(str(item) for item in value if item)
        elif value:
            texts.append(str(value))
    return " ".join(plain_text(text) for text in texts)
