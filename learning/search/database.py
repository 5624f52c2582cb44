"""The database search backend (SQLite and PostgreSQL, Dutch analysis of the foundation).

Query count per search is constant: restrictions (1), matching count (1), one
page of hits (1 + one per page type on the page), facet values (1 + one per
selected facet, for disjunctive counts), type counts (1), editors' picks (2).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, DateField, F
from django.db.models.functions import Cast, Coalesce
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from .contract import FACETS, FacetCount, Hit, SearchResponse
from .highlight import highlight
from .query import build_query, query_stems
from .suggest import suggest

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

    def matching(self, request):
        """(queryset of matching pages, has_query). On PostgreSQL the queryset carries
        a ``_score`` annotation; on SQLite ``self.ranked`` ranks the page of hits."""
        self.ranked = None
        base = self.base_queryset(request)
        query = build_query(request.q) if request.q else None
        if request.q and query is None:
            return base.none(), True
        if query is None:
            return base, False
        if connection.vendor == "sqlite":
            from .sqlite_rank import ranked_entries

            self.ranked = ranked_entries(base.search(query, order_by_relevance=False))
            ids = self.ranked.values("index_entry__object_id")
            return base.filter(pk__in=ids), True
        results = base.search(query, order_by_relevance=request.effective_sort == "relevantie")
        return results.annotate_score("_score").get_queryset(), True

    def window(self, results, request, has_query):
        """One page of pages, in order, each with ``_score`` when there is a query."""
        end = request.offset + request.page_size
        if self.ranked is None or request.effective_sort != "relevantie":
            pages = list(results[request.offset : end])
            if self.ranked is not None:
                self._attach_scores(pages)
            return pages
        rows = list(
            self.ranked.filter(index_entry__object_id__in=results.order_by().values("pk"))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", "score")[request.offset : end]
        )
        by_pk = Page.objects.in_bulk([int(pk) for pk, _score in rows])
        pages = []
        for pk, score in rows:
            page = by_pk.get(int(pk))
            if page is not None:
                page._score = score
                pages.append(page)
        return pages

    def _attach_scores(self, pages):
        scores = dict(
            self.ranked.filter(index_entry__object_id__in=[str(p.pk) for p in pages]).values_list(
                "index_entry__object_id", "score"
            )
        )
        for page in pages:
            page._score = scores.get(str(page.pk))

    def filtered(self, queryset, request, skip=None):
        types = page_type_map()
        for name, values in request.filters.items():
            if name == skip:
                continue
            if name == "type":
                queryset = queryset.filter(
                    content_type__in=[types[v][0] for v in values if v in types]
                )
            else:
                from learning.models import FacetValue

                queryset = queryset.filter(
                    pk__in=FacetValue.objects.filter(facet=name, value__in=values).values("page_id")
                )
        return queryset

    def search(self, request):
        matched, has_query = self.matching(request)
        results = self.filtered(matched, request)
        if request.effective_sort == "datum" or not has_query:
            results = results.annotate(
                sort_date=Coalesce(F("search_entry__date"), Cast("first_published_at", DateField()))
            ).order_by(F("sort_date").desc(nulls_last=True), "-pk")
        total = results.count()
        window = self.window(results, request, has_query)
        facets = self.facets(matched, request) if total or request.filters else self.empty_facets()
        promoted = self.promotions(request) if has_query and request.page == 1 else []
        promoted_ids = {p.pk for p in promoted}
        pages = [p for p in window if p.pk not in promoted_ids]
        hits = self.hits(request, promoted, promoted=True) + self.hits(request, pages)
        suggestion = suggest(request.q) if has_query else None
        return SearchResponse(
            request=request, total=total, hits=hits, facets=facets, suggestion=suggestion
        )

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

    def facets(self, matched, request):
        from learning.models import FacetValue

        facets = self.empty_facets()
        # Disjunctive counts: a selected facet counts as if its own filter were off,
        # so the other values of that facet stay visible and choosable.
        passes = [None] + [name for name in request.filters if name != "type"]
        for skip in passes:
            queryset = self.filtered(matched, request, skip=skip).order_by().values("pk")
            rows = (
                FacetValue.objects.filter(page_id__in=queryset)
                .values("facet", "value", "label")
                .annotate(count=Count("id"))
                .order_by()
            )
            if skip is not None:
                rows = rows.filter(facet=skip)
            for row in rows:
                if row["facet"] == skip or (skip is None and row["facet"] not in request.filters):
                    facets[row["facet"]].append(
                        FacetCount(row["value"], row["label"], row["count"])
                    )
        type_rows = (
            self.filtered(matched, request, skip="type")
            .order_by()
            .values("content_type")
            .annotate(count=Count("pk"))
        )
        by_ct = {ct.pk: (name, label) for name, (ct, label) in page_type_map().items()}
        for row in type_rows:
            name, label = by_ct.get(row["content_type"], (None, None))
            if name:
                facets["type"].append(FacetCount(name, label, row["count"]))
        for name, counts in facets.items():
            selected = set(request.filters.get(name, []))
            for count in counts:
                count.selected = count.value in selected
            if name == "jaar":
                counts.sort(key=lambda c: c.value, reverse=True)
            else:
                counts.sort(key=lambda c: (-c.count, c.label.lower()))
        return facets
