"""The database search backend (SQLite and PostgreSQL alike).

Query count per search is constant: the snapshot's token (1, plus 2 when the
snapshot is rebuilt after a change, and 1 for the vocabulary then), the posting
lists of the query's terms (1, with words), the hits (one per page type on the
page), editors' picks (1-2). Filters, totals, facet counts, scores and ordering are
array operations on the in-memory snapshot (snapshot.py, scoring.py).
"""

from types import SimpleNamespace

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from wagtail.models import Page, get_page_models

from . import plan as planning
from . import results, scoring, snapshot, vocabulary
from .contract import FACETS, FacetCount, SearchResponse, sort_facet_counts

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
        plan = planning.build(request.q, vocabulary.current(snap.token)) if request.q else None
        selected = self.filter_masks(snap, request)
        found, scores = self.matching(snap, request, plan, selected)
        passing = self.passing(found, selected)
        total = int(np.count_nonzero(passing))
        window = self.window(snap, passing, scores, request)
        facets = self.facets(snap, found, selected, request) if total or request.filters else None
        return SearchResponse(
            request=request,
            total=total,
            hits=results.hits(window, plan.terms() if plan else set()),
            facets=facets or self.empty_facets(),
            suggestion=plan.suggestion if plan else None,
            plan=plan,
        )

    def matching(self, snap, request, plan, selected):
        """(mask of the pages that match the words, their scores by position or None);
        see scoring.py. Whether the minimum of concepts is relaxed depends on the
        pages that the filters (``selected``) let through, as on Elasticsearch."""
        base = self.scope(snap, request)
        if not request.q:
            return base, None
        if not plan.concepts:  # only stop words or punctuation
            return np.zeros(snap.size, dtype=bool), None
        scored = scoring.score(plan, snap, base, allowed=self.passing(base, selected))
        return scored.mask, scored.scores

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

    def window(self, snap, passing, scores, request):
        """One page of results, in order, as (pk, content type, ``_score``) stand-ins:
        ``results.hits`` reads the pages themselves, so no query is needed here."""
        positions = np.flatnonzero(passing)  # in date order (see snapshot.py)
        start, stop = request.offset, request.offset + request.page_size
        if request.effective_sort == "datum" or scores is None:
            chosen = positions[start:stop]
        else:
            best = scoring.relevance_order(scores[positions], stop)
            chosen = positions[best[start:stop]]
        return [
            SimpleNamespace(
                pk=int(snap.pks[p]),
                content_type_id=snap.content_types[snap.ct_codes[p]],
                _score=float(scores[p]) if scores is not None else None,
            )
            for p in chosen.tolist()
        ]

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
