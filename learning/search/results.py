"""What every backend shares around its results: the hits of pages read from the
database (for the database backend, and for editors' picks on every backend) and
the editors' picks themselves."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.search_promotions.models import Query
from wagtail.search.utils import normalise_query_string

from .contract import Hit
from .highlight import highlight


def specific_pages(pages):
    """pk -> specific page for ``pages`` (anything with ``pk`` and ``content_type_id``):
    one query per page type, as the types are known already."""
    by_type = defaultdict(list)
    for page in pages:
        by_type[page.content_type_id].append(page.pk)
    result = {}
    for ct_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is not None:  # None: the type's app was removed
            # Unordered: in_bulk() keeps the default order by path, which took
            # half of the time for ten lessons.
            result.update((page.pk, page) for page in model.objects.filter(pk__in=pks).order_by())
    return result


def hits(pages, terms, promoted=False):
    """Hits for ``pages`` (pages or stand-ins with pk, content_type_id and an
    optional ``_score``), in order, with the words of ``terms`` marked."""
    if not pages:
        return []
    specific = specific_pages(pages)
    found = []
    for page in pages:
        item = specific.get(page.pk)
        if item is None:
            continue
        summary = item.get_listing_summary() if hasattr(item, "get_listing_summary") else ""
        text = item.search_text() if hasattr(item, "search_text") else summary
        score = getattr(page, "_score", None)
        date = item.get_search_date() if hasattr(item, "get_search_date") else None
        found.append(
            Hit(
                title=item.title,
                url=item.url or "",
                type=item._meta.model_name,
                type_label=str(item._meta.verbose_name).capitalize(),
                summary=summary,
                highlight=highlight(text, terms, fallback=summary),
                score=round(float(score), 4) if score is not None else None,
                date=date or (item.first_published_at.date() if item.first_published_at else None),
                promoted=promoted,
            )
        )
    return found


def promotions(q):
    """The live pages editors picked for the query ``q``, in their order."""
    # Looked up without Query.get(), which would create a row on every search.
    query = Query.objects.filter(query_string=normalise_query_string(q)).first()
    if query is None:
        return []
    picks = query.editors_picks.filter(page__live=True).select_related("page")
    return [pick.page for pick in picks.order_by("sort_order")]


def with_promotions(response):
    """Editors' picks first on the first page of a search with words, each once."""
    request = response.request
    if not request.q or request.page != 1:
        return response
    promoted = promotions(request.q)
    if promoted:
        terms = response.plan.terms() if response.plan else set()
        picked = hits(promoted, terms, promoted=True)
        urls = {hit.url for hit in picked}
        response.hits = picked + [hit for hit in response.hits if hit.url not in urls]
    return response
