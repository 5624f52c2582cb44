"""Keep the denormalised search tables (SearchEntry, FacetValue) in step with pages.

Called on publish/unpublish/delete and by ``manage.py reindex``. A page type
takes part when it defines ``search_kind`` and ``get_search_date``.
"""

from django.db import transaction

from leernetwerk.taxonomy.models import Kennisbron, Levensgebied


def is_indexable(page):
    return hasattr(page, "search_kind") and hasattr(page, "get_search_date")


def facet_rows(page):
    """(facet, value, label) for every facet value of ``page``."""
    rows = []
    domain_ids = [d.pk for d in page.levensgebieden.all()]
    if domain_ids:
        for domain in Levensgebied.objects.filter(pk__in=domain_ids).with_equivalents():
            rows.append(("levensgebied", domain.slug, str(domain)))
    rows += [("doelgroep", d.slug, d.name) for d in page.doelgroepen.all()]
    rows += [("sector", s.slug, s.name) for s in page.sectoren.all()]
    if page.regio_id:
        rows.append(("regio", page.regio.slug, page.regio.name))
    labels = dict(Kennisbron.choices)
    rows += [("kennisbron", k, str(labels.get(k, k))) for k in page.kennisbronnen]
    rows += [("thema", t.slug, t.name) for t in page.tags.all()]
    date = page.get_search_date()
    if date:
        rows.append(("jaar", str(date.year), str(date.year)))
    return rows


def sync_page(page):
    """Rewrite the search rows of one (specific) page."""
    from learning.models import FacetValue, SearchEntry

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
        FacetValue.objects.bulk_create(
            FacetValue(page_id=page.pk, facet=f, value=v[:150], label=label[:255])
            for f, v, label in facet_rows(page)
        )


def remove_page(page_id):
    from learning.models import FacetValue, SearchEntry

    FacetValue.objects.filter(page_id=page_id).delete()
    SearchEntry.objects.filter(page_id=page_id).delete()
