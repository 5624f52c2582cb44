"""The database search backend (SQLite and PostgreSQL, Dutch analysis of the foundation).

Query count per search is constant: the snapshot's token (1, plus 2 when the
snapshot is rebuilt after a change), the full-text match with scores (1, with
words; on PostgreSQL 1 more for words this process has not seen, see pg_match.py),
the hits (one per page type on the page), editors' picks (1-2).
Filters, totals, facet counts and ordering are array operations on the in-memory
snapshot (snapshot.py); the words are matched in the database (matching.py).
"""

from collections import defaultdict
from types import SimpleNamespace

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from . import matching, snapshot
from .contract import FACETS, FacetCount, Hit, SearchResponse, sort_facet_counts
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


class DatabaseBackend:
    """One instance per search (service.get_backend)."""

    name = "database"

    @staticmethod
    def types(snap):
        """page_type_map(), kept with the snapshot: building it cost about a
        millisecond per search (a label per page type)."""
        return snap.memo(("page_types", get_language()), page_type_map)

    def scope(self, snap, request):
        """Mask of the pages the request's scope covers."""
        if request.scope != "kennisbank":
            return snap.everything()
        return self.kennisbank(snap)

    def kennisbank(self, snap):
        """Mask of the kennisbank's pages."""
        types = self.types(snap)
        return snap.of_types([types[label.split(".")[1]][0].pk for label in KENNISBANK_MODELS])

    def popular(self, facet, limit):
        """[(value, label, count)] of the ``limit`` values of ``facet`` that most
        kennisbank pages have, most first (no query when the snapshot is current)."""
        snap = snapshot.current()
        counts = snap.value_counts(self.kennisbank(snap), facet=facet)
        counts.sort(key=lambda row: (-row[3], row[2]))
        return [(value, label, count) for _facet, value, label, count in counts[:limit]]

    def search(self, request):
        snap = snapshot.current()
        found, scores, has_query = self.matching(snap, request)
        selected = self.filter_masks(snap, request)
        results = self.passing(found, selected)
        total = int(np.count_nonzero(results))
        window = self.window(snap, results, scores, request)
        facets = self.facets(snap, found, selected, request) if total or request.filters else None
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

    def matching(self, snap, request):
        """(mask of the pages that match the words, their scores by position or None,
        has_query): the full-text match runs once here; see matching.py."""
        base = self.scope(snap, request)
        query = build_query(request.q) if request.q else None
        if request.q and query is None:
            return np.zeros(snap.size, dtype=bool), None, True
        if query is None:
            return base, None, False
        ids, values = matching.scores(Page.objects.all(), query, snap)
        positions, which = snap.positions(ids)
        found = np.zeros(snap.size, dtype=bool)
        found[positions] = True
        scores = np.full(snap.size, np.nan)
        scores[positions] = values[which]
        return found & base, scores, True

    def filter_masks(self, snap, request):
        """facet -> mask of the pages its selected values allow."""
        types = self.types(snap)
        selected = {}
        for name, values in request.filters.items():
            if name == "type":
                selected[name] = snap.of_types([types[v][0].pk for v in values if v in types])
            else:
                selected[name] = snap.with_values(name, values)
        return selected

    @staticmethod
    def passing(found, selected, skip=None):
        """Mask of the pages in ``found`` that every selected facet except ``skip``
        allows."""
        result = found
        for name, allowed in selected.items():
            if name != skip:
                result = result & allowed
        return result

    def window(self, snap, results, scores, request):
        """One page of results, in order, as (pk, content type, ``_score``) stand-ins:
        ``hits`` reads the pages themselves, so no query is needed here."""
        positions = np.flatnonzero(results)  # in date order (see snapshot.py)
        start, stop = request.offset, request.offset + request.page_size
        if request.effective_sort == "datum" or scores is None:
            chosen = positions[start:stop]
        else:
            best = matching.relevance_order(snap.pks[positions], scores[positions], stop)
            chosen = positions[best[start:stop]]
        return [
            SimpleNamespace(
                pk=int(snap.pks[p]),
                content_type_id=snap.content_types[snap.ct_codes[p]],
                _score=float(scores[p]) if scores is not None else None,
            )
            for p in chosen.tolist()
        ]

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
        specific = specific_pages(pages)
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

    def facets(self, snap, found, selected, request):
        facets = self.empty_facets()
        # Disjunctive counts: a selected facet counts as if its own filter were off,
        # so the other values of that facet stay visible and choosable.
        passes = [None] + [name for name in request.filters if name != "type"]
        for skip in passes:
            mask = self.passing(found, selected, skip=skip)
            for facet, value, label, count in snap.value_counts(mask, facet=skip):
                if facet == skip or (skip is None and facet not in request.filters):
                    facets[facet].append(FacetCount(value, label, count))
        by_ct = {ct.pk: (name, label) for name, (ct, label) in self.types(snap).items()}
        type_counts = snap.type_counts(self.passing(found, selected, "type"))
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
