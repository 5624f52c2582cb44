"""The database search backend (SQLite and PostgreSQL, Dutch analysis of the foundation).

Query count per search is constant: restrictions (1), candidate pages (1), the
full-text match with scores (1, with words), one set of page ids per selected facet
(1 each), facet values (1 + one per selected facet, for disjunctive counts), the
hits (1 + one per page type on the page), editors' picks (1-2). Type counts,
totals and ordering are computed in Python from the candidates (see matching.py).
"""

from collections import Counter
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from . import matching
from .contract import FACETS, FacetCount, Hit, SearchResponse, sort_facet_counts
from .highlight import highlight
from .query import build_query, query_stems
from .suggest import suggest

MANY_MATCHES = 2000
KENNISBANK_MODELS = (
    "learning.les",
    "learning.leercirkel",
    "learning.richtlijn",
    "toolkit.arrangementpage",  # the arrangementenwaaier is searchable in the kennisbank
)


def page_type_map():
    """model_name -> (ContentType, label) for every page type (ContentType is cached)."""
    result = {}
    for model in get_page_models():
        if model._meta.abstract or model is Page:
            continue
        ct = ContentType.objects.get_for_model(model)
        result[model._meta.model_name] = (ct, str(model._meta.verbose_name).capitalize())
    return result


class DatabaseBackend:
    name = "database"

    def base_queryset(self, request):
        queryset = Page.objects.live().public()
        if request.scope == "kennisbank":
            types = page_type_map()
            queryset = queryset.filter(
                content_type__in=[types[label.split(".")[1]][0] for label in KENNISBANK_MODELS]
            )
        else:
            queryset = queryset.filter(depth__gt=2)  # not the tree root or the home page
        return queryset

    def search(self, request):
        with matching.without_gc_pauses():
            found, has_query = self.matching(request)
            selected = self.filter_sets(request)
            results = self.passing(found, selected)
            window = self.window(results, request)
            facets = self.facets(found, selected, request) if results or request.filters else None
            total = len(results)
            del found, results  # free the candidates before the collector is back on
        promoted = self.promotions(request) if has_query and request.page == 1 else []
        promoted_ids = {p.pk for p in promoted}
        pages = [p for p in window if p.pk not in promoted_ids]
        hits = self.hits(request, promoted, promoted=True) + self.hits(request, pages)
        suggestion = suggest(request.q) if has_query else None
        return SearchResponse(
            request=request,
            total=total,
            hits=hits,
            facets=facets or self.empty_facets(),
            suggestion=suggestion,
        )

    def matching(self, request):
        """(pk -> Candidate of the pages that match the words, has_query): the
        full-text match runs once here; see matching.py."""
        base = self.base_queryset(request)
        query = build_query(request.q) if request.q else None
        if request.q and query is None:
            return {}, True
        if query is None:
            return matching.candidates(base), False
        scores = matching.scores(base, query)
        if not scores:
            return {}, True
        # Few matches: read only their pages. Many: reading every candidate page
        # and dropping the rest in Python is cheaper than sending the ids along.
        few = len(scores) <= MANY_MATCHES
        found = matching.candidates(base, only=scores if few else None)
        for pk in list(found):
            if pk in scores:
                found[pk].score = scores[pk]
            else:
                del found[pk]
        return found, True

    def filter_sets(self, request):
        """facet -> the set of page ids (or, for type, content type ids) it allows."""
        from learning.models import FacetValue

        types = page_type_map()
        selected = {}
        for name, values in request.filters.items():
            if name == "type":
                selected[name] = {types[v][0].pk for v in values if v in types}
            else:
                rows = FacetValue.objects.filter(facet=name, value__in=values)
                selected[name] = set(rows.values_list("page_id", flat=True))
        return selected

    @classmethod
    def passing(cls, found, selected, skip=None):
        """The candidates that every selected facet except ``skip`` allows."""
        if not any(name != skip for name in selected):
            return list(found.values())  # nothing to check: skip 20,000 calls
        return [c for c in found.values() if cls.passes(c, selected, skip)]

    @staticmethod
    def passes(candidate, selected, skip=None):
        for name, allowed in selected.items():
            if name == skip:
                continue
            key = candidate.content_type_id if name == "type" else candidate.pk
            if key not in allowed:
                return False
        return True

    def window(self, results, request):
        """One page of results, in order, as (pk, ``_score``) stand-ins: ``hits``
        reads the pages themselves, so no query is needed here."""
        chosen = matching.ordered(
            results, request.effective_sort, request.offset, request.page_size
        )
        return [SimpleNamespace(pk=c.pk, _score=c.score) for c in chosen]

    def promotions(self, request):
        # Look up without Query.get(), which would create a row on every search.
        query = Query.objects.filter(query_string=normalise_query_string(request.q)).first()
        if query is None:
            return []
        picks = query.editors_picks.filter(page__live=True).select_related("page")
        return [pick.page for pick in picks.order_by("sort_order")]

    def hits(self, request, pages, promoted=False):
        if not pages:
            return []
        specific = Page.objects.filter(pk__in=[p.pk for p in pages]).specific().in_bulk()
        stems = query_stems(request.q) if request.q else set()
        hits = []
        for page in pages:
            item = specific.get(page.pk)
            if item is None:
                continue
            summary = item.get_listing_summary() if hasattr(item, "get_listing_summary") else ""
            text = item.search_text() if hasattr(item, "search_text") else summary
            score = getattr(page, "_score", None)
            date = item.get_search_date() if hasattr(item, "get_search_date") else None
            hits.append(
                Hit(
                    title=item.title,
                    url=item.url or "",
                    type=item._meta.model_name,
                    type_label=str(item._meta.verbose_name).capitalize(),
                    summary=summary,
                    highlight=highlight(text, stems, fallback=summary),
                    score=round(abs(score), 4) if score is not None else None,
                    date=date
                    or (item.first_published_at.date() if item.first_published_at else None),
                    promoted=promoted,
                )
            )
        return hits

    def empty_facets(self):
        return {name: [] for name in FACETS}

    def facets(self, found, selected, request):
        facets = self.empty_facets()
        # Disjunctive counts: a selected facet counts as if its own filter were off,
        # so the other values of that facet stay visible and choosable.
        passes = [None] + [name for name in request.filters if name != "type"]
        for skip in passes:
            ids = [c.pk for c in self.passing(found, selected, skip=skip)]
            if not ids:
                continue
            for row in matching.facet_counts(ids, facet=skip):
                if row["facet"] == skip or (skip is None and row["facet"] not in request.filters):
                    facets[row["facet"]].append(
                        FacetCount(row["value"], row["label"], row["count"])
                    )
        by_ct = {ct.pk: (name, label) for name, (ct, label) in page_type_map().items()}
        type_counts = Counter(c.content_type_id for c in self.passing(found, selected, "type"))
        for ct_id, count in type_counts.items():
            name, label = by_ct.get(ct_id, (None, None))
            if name:
                facets["type"].append(FacetCount(name, label, count))
        for name, counts in facets.items():
            selected_values = set(request.filters.get(name, []))
            for count in counts:
                count.selected = count.value in selected_values
            sort_facet_counts(name, counts)
        return facets
