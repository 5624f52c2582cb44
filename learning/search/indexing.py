"""Keep the denormalised search tables (SearchEntry, FacetValue) in step with pages.

Called on publish/unpublish/delete and by ``manage.py reindex``. A page type
takes part when it defines ``search_kind`` and ``get_search_date``.
"""

from django.db import transaction

from learning.models import FacetValue, SearchEntry
from leernetwerk.taxonomy.models import Kennisbron, Levensgebied


def is_indexable(page):
    return hasattr(page, "search_kind") and hasattr(page, "get_search_date")


def facet_rows(page):
    """(facet, value, label) for every facet value of ``page``."""
    domain_ids = [d.pk for d in page.levensgebieden.all()]
    domains = (
        Levensgebied.objects.filter(pk__in=domain_ids).with_equivalents() if domain_ids else []
    )
    return facet_rows_from(
        domains=domains,
        doelgroepen=page.doelgroepen.all(),
        sectoren=page.sectoren.all(),
        regio=page.regio if page.regio_id else None,
        kennisbronnen=page.kennisbronnen,
        tags=page.tags.all(),
        date=page.get_search_date(),
    )


def facet_rows_from(*, domains, doelgroepen, sectoren, regio, kennisbronnen, tags, date):
    """The facet rows from values already at hand; the bulk importer calls this
    directly with ``domains`` already expanded to both schemes."""
    rows = [("levensgebied", d.slug, str(d)) for d in domains]
    rows += [("doelgroep", d.slug, d.name) for d in doelgroepen]
    rows += [("sector", s.slug, s.name) for s in sectoren]
    if regio is not None:
        rows.append(("regio", regio.slug, regio.name))
    labels = dict(Kennisbron.choices)
    rows += [("kennisbron", k, str(labels.get(k, k))) for k in kennisbronnen]
    rows += [("thema", t.slug, t.name) for t in tags]
    if date:
        rows.append(("jaar", str(date.year), str(date.year)))
    return rows


def facet_value_row(page_id, facet, value, label):
    """(page_id, facet, value, label) of a FacetValue row, cut to the column sizes."""
    return (page_id, facet, value[:150], label[:255])


def facet_value(page_id, facet, value, label):
    """An unsaved FacetValue row, cut to the column sizes."""
    page_id, facet, value, label = facet_value_row(page_id, facet, value, label)
    return FacetValue(page_id=page_id, facet=facet, value=value, label=label)


def sync_page(page):
    """Rewrite the search rows of one (specific) page."""
    page = page.specific
    if not is_indexable(page):
        return
    with transaction.atomic():
        FacetValue.objects.filter(page_id=page.pk).delete()
        if not page.live:
            SearchEntry.objects.filter(page_id=page.pk).delete()
            return
        SearchEntry.objects.update_or_create(
            page_id=page.pk, defaults={"kind": page.search_kind, "date": page.get_search_date()}
        )
        FacetValue.objects.bulk_create(facet_value(page.pk, *row) for row in facet_rows(page))


def remove_page(page_id):
    FacetValue.objects.filter(page_id=page_id).delete()
    SearchEntry.objects.filter(page_id=page_id).delete()
