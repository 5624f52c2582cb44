"""Elasticsearch backend (``ELASTICSEARCH_URL``), built with ``elasticsearch.dsl``: a
complete peer of the database backend, not a layer on top of it.

It indexes every live, public page below the home page (both search scopes) and
answers searches itself: matching, scoring, facets (aggregations, disjunctive: each
facet ignores its own filter), sorting and paging. What it shares with the database
backend is the *definition* of a search, so both rank alike:

* the Dutch analysis (``leernetwerk.sitesearch.analysis``) runs in Python at index
  and query time; a document carries its ``terms`` (keywords) and their BM25F
  ``impacts`` as a ``rank_features`` field, computed by postings.py exactly as the
  database stores them;
* a query is the plan of plan.py (concepts with whole and part alternatives,
  lexicon, typo candidates from the content's vocabulary), scored as scoring.py
  scores it: ``rank_feature`` queries (linear, boosted by the idf) inside a
  ``dis_max`` per concept, a ``dis_max`` of ``constant_score`` clauses for its
  credit, a minimum of concepts that is relaxed when nothing qualifies;
* the idf comes from the index itself: a first request counts the documents of
  the scope and, per concept, those matching it (a ``filters`` aggregation).

Elasticsearch's own analysers are deliberately not used: the backends would drift
apart, and the in-memory test peer (osmem) indexes the Dutch snowball filter as
empty terms. Every failure (server down, timeout, missing index) is answered by the
database backend, with a quiet notice. Failed index updates wait in SearchOutbox
until ``manage.py reindex``.
"""

import logging

from django.conf import settings
from django.utils.translation import gettext as _
from elasticsearch import helpers as es_helpers
from elasticsearch.dsl import A, Q, Search
from wagtail.models import Page

from learning.models import SearchOutbox

from . import plan as planning
from . import postings, snapshot, vocabulary
from .contract import FACETS, FacetCount, Hit, SearchResponse, sort_facet_counts
from .database import KENNISBANK_MODELS, DatabaseBackend
from .documents import document_for as indexed_fields
from .es_client import make_client
from .highlight import highlight
from .indexing import facet_rows, is_indexable
from .scoring import idf

logger = logging.getLogger(__name__)

SEP = "\x1f"  # joins value and label in the *_kv fields used by the aggregations
FALLBACK_NOTICE = (
    "De uitgebreide zoekmachine is even niet bereikbaar; je ziet resultaten van de "
    "standaardzoekfunctie."
)
KENNISBANK_TYPES = [label.split(".")[1] for label in KENNISBANK_MODELS]


def index_name():
    return settings.ELASTICSEARCH_INDEX


def index_body():
    """Settings and mapping of the index."""
    stored = {"type": "text", "index": False}  # shown and highlighted, not searched
    keyword = {"type": "keyword"}
    properties = {
        "title": stored,
        "summary": stored,
        "body": stored,
        "terms": keyword,
        "impacts": {"type": "rank_features"},
        "page_id": {"type": "long"},
        "url": {"type": "keyword", "index": False},
        "type_label": {"type": "keyword", "index": False},
        "date": {"type": "date"},
    }
    for name in FACETS:
        properties[name] = keyword
        properties[f"{name}_kv"] = keyword
    return {"mappings": {"properties": properties}}


def document_for(page, average_lengths=None):
    """The ES document of one live (specific) page."""
    fields = indexed_fields(page)
    analysed = postings.analyse_document(fields)
    if average_lengths is None:
        average_lengths = postings.average_lengths()
    weights = postings.impacts(analysed, average_lengths).tolist()
    label = str(page._meta.verbose_name).capitalize()
    date = page.get_search_date() if hasattr(page, "get_search_date") else None
    if date is None and page.first_published_at:
        date = page.first_published_at.date()
    doc = {
        "title": page.title,
        "summary": fields.summary,
        "body": page.search_text() if hasattr(page, "search_text") else fields.body,
        "terms": analysed.terms,
        # rank_features takes positive values only; an impact is never zero.
        "impacts": {t: w for t, w in zip(analysed.terms, weights, strict=True) if w > 0},
        "page_id": page.pk,
        "url": page.url or "",
        "type": page._meta.model_name,
        "type_kv": f"{page._meta.model_name}{SEP}{label}",
        "type_label": label,
        "date": date,
    }
    if is_indexable(page):
        for facet, value, label in facet_rows(page):
            doc.setdefault(facet, []).append(value)
            doc.setdefault(f"{facet}_kv", []).append(f"{value}{SEP}{label}")
    return doc


def scope_filter(request):
    if request.scope == "kennisbank":
        return Q("terms", type=KENNISBANK_TYPES)
    return Q("match_all")


def _facet_filter(name, values):
    return Q("terms", **{name: values})


def _present(term):
    return Q("term", terms=term)


def presence(concept):
    """The query of the pages that match ``concept`` in any way but by a lone word of
    an expression (scoring.py): those pages give the concept its idf."""
    ways = [
        Q("bool", filter=[_present(t) for t in alt.terms])
        for alt in concept.wholes
        if not alt.backoff
    ]
    if concept.leaves:
        leaves = [_present(t) for t in concept.leaves]
        ways.append(Q("bool", should=leaves, minimum_should_match=concept.need))
    if not ways:
        return Q("match_none")
    return Q("bool", should=ways, minimum_should_match=1)


def _backoffs_of(i, concept):
    return ((i, j, alt) for j, alt in enumerate(concept.wholes) if alt.backoff)


def _backoffs(plan):
    """(concept index, alternative index, alternative) of every lone word of an
    expression: each has an idf of its own."""
    for i, concept in enumerate(plan.concepts):
        yield from _backoffs_of(i, concept)


def build_df_search(request, plan, client=None):
    """Counts the scope's documents and, per concept of ``plan``, those matching it:
    the concept's idf, as scoring.py computes it."""
    search = Search(using=client, index=index_name()).filter(scope_filter(request))
    search = search.extra(size=0, track_total_hits=True)
    filters = {str(i): presence(c) for i, c in enumerate(plan.concepts)}
    for i, j, alternative in _backoffs(plan):
        filters[f"{i}.{j}"] = Q("bool", filter=[_present(t) for t in alternative.terms])
    search.aggs.bucket("concepts", "filters", filters=filters)
    return search


def parse_df(raw):
    """(documents in scope, key -> documents matching it): the key is a concept's
    index, or (concept index, alternative index) for a lone word of an expression."""
    total = raw["hits"]["total"]
    total = total["value"] if isinstance(total, dict) else total
    buckets = raw.get("aggregations", {}).get("concepts", {}).get("buckets", {})
    df = {}
    for key, bucket in buckets.items():
        concept, _dot, alternative = key.partition(".")
        index = (int(concept), int(alternative)) if alternative else int(concept)
        df[index] = bucket["doc_count"]
    return total, df


def _feature(term, boost):
    return Q("rank_feature", field=f"impacts.{term}", linear={}, boost=boost)


def concept_queries(concept, concept_idf, own_idfs=None):
    """(score query, credit query) of one concept. The credit query matches when the
    concept does and is worth COORDINATION times the weight of its best matching
    alternative; see scoring.py for the same arithmetic. ``own_idfs``: alternative
    index -> idf of a lone word of an expression, capped by the concept's."""
    scores, credits = [], []
    for j, alternative in enumerate(concept.wholes):
        weight_idf = concept_idf
        if alternative.backoff:
            own = (own_idfs or {}).get(j)
            if own is None:
                continue
            weight_idf = min(own, concept_idf) if concept_idf else own
        elif not concept_idf:
            continue
        share = weight_idf * alternative.weight / len(alternative.terms)
        scores.append(Q("bool", must=[_feature(t, share) for t in alternative.terms]))
        present = Q("bool", filter=[_present(t) for t in alternative.terms])
        credits.append(
            Q("constant_score", filter=present, boost=planning.COORDINATION * alternative.weight)
        )
    if concept.leaves and concept_idf:
        each = concept_idf * planning.PARTS_WEIGHT / len(concept.leaves)
        scores.append(
            Q(
                "bool",
                should=[_feature(t, each) for t in concept.leaves],
                minimum_should_match=concept.need,
            )
        )
        present = Q(
            "bool", should=[_present(t) for t in concept.leaves], minimum_should_match=concept.need
        )
        credits.append(
            Q("constant_score", filter=present, boost=planning.COORDINATION * planning.PARTS_CREDIT)
        )
    return Q("dis_max", queries=scores), Q("dis_max", queries=credits)


def text_query(plan, n, df, least):
    """The scoring query: every concept's score, plus its credit; a page must match
    at least ``least`` concepts. ``df``: concept index -> pages matching it."""
    queries = []
    for i, concept in enumerate(plan.concepts):
        concept_idf = idf(df[i], n) if df.get(i) else None
        own = {j: idf(df[(i, j)], n) for _i, j, _a in _backoffs_of(i, concept) if df.get((i, j))}
        if concept_idf or own:
            queries.append(concept_queries(concept, concept_idf, own))
    if not queries:
        return Q("match_none")
    return Q(
        "bool",
        must=[Q("bool", should=[credit for _s, credit in queries], minimum_should_match=least)],
        should=[score for score, _credit in queries],
    )


def build_search(request, plan=None, n=0, df=None, least=1, client=None):
    """The elasticsearch.dsl Search for a SearchRequest."""
    search = Search(using=client, index=index_name()).filter(scope_filter(request))
    if plan is not None:
        search = search.query(text_query(plan, n, df or {}, least))
    filters = {name: _facet_filter(name, values) for name, values in request.filters.items()}
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    for name in FACETS:
        others = [query for other, query in filters.items() if other != name]
        agg = A("filter", Q("bool", filter=others)) if others else A("filter", Q("match_all"))
        agg.bucket("values", "terms", field=f"{name}_kv", size=500)
        search.aggs.bucket(name, agg)
    by_date = [{"date": {"order": "desc", "missing": "_last"}}, {"page_id": {"order": "desc"}}]
    if request.effective_sort == "datum" or plan is None:
        search = search.sort(*by_date)
    else:
        search = search.sort("_score", *by_date).extra(track_scores=True)
    search = search.extra(track_total_hits=True)
    return search[request.offset : request.offset + request.page_size]


def parse_response(request, raw, plan=None):
    """A SearchResponse from ES's JSON answer."""
    terms = plan.terms() if plan else set()
    hits = []
    for item in raw["hits"]["hits"]:
        source = item["_source"]
        summary = source.get("summary", "")
        score = item.get("_score")
        hits.append(
            Hit(
                title=source["title"],
                url=source["url"],
                type=source["type"],
                type_label=source.get("type_label", ""),
                summary=summary,
                highlight=highlight(source.get("body", ""), terms, fallback=summary),
                score=round(float(score), 4) if score is not None and plan else None,
                date=source.get("date"),
            )
        )
    facets = {}
    for name in FACETS:
        buckets = raw.get("aggregations", {}).get(name, {}).get("values", {}).get("buckets", [])
        selected = set(request.filters.get(name, []))
        counts = []
        for bucket in buckets:
            value, _sep, label = bucket["key"].partition(SEP)
            counts.append(FacetCount(value, label or value, bucket["doc_count"], value in selected))
        sort_facet_counts(name, counts)
        facets[name] = counts
    total = raw["hits"]["total"]
    total = total["value"] if isinstance(total, dict) else total
    return SearchResponse(
        request=request,
        total=total,
        hits=hits,
        facets=facets,
        suggestion=plan.suggestion if plan else None,
        backend="elasticsearch",
        plan=plan,
    )


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url):
        self.url = url
        self.client = make_client(url)

    def _execute(self, request):
        if not request.q:
            raw = build_search(request, client=self.client).execute().to_dict()
            return parse_response(request, raw)
        plan = planning.build(request.q, vocabulary.current(snapshot.current_token()))
        if not plan.concepts:  # only stop words or punctuation
            raw = build_search(request, client=self.client).extra(size=0)
            raw = raw.query(Q("match_none")).execute().to_dict()
            return parse_response(request, raw, plan)
        n, df = parse_df(build_df_search(request, plan, self.client).execute().to_dict())
        # Relax rather than answer nothing: one concept suffices then (scoring.py).
        for level in dict.fromkeys((plan.minimum, 1)):
            search = build_search(request, plan, n, df, level, client=self.client)
            response = parse_response(request, search.execute().to_dict(), plan)
            if response.total:
                break
        return response

    def search(self, request):
        try:
            return self._execute(request)
        except Exception as exc:  # unreachable, timeout, missing index: never fail a search
            logger.warning("Elasticsearch niet bruikbaar (%s); zoeken via de database", exc)
            response = DatabaseBackend().search(request)
            response.notice = _(FALLBACK_NOTICE)
            return response

    # Index maintenance -------------------------------------------------------------

    def ensure_index(self, recreate=False):
        index = index_name()
        if recreate and self.client.indices.exists(index=index):
            self.client.indices.delete(index=index)
        if not self.client.indices.exists(index=index):
            self.client.indices.create(index=index, body=index_body())

    def index_page_id(self, page_id):
        page = Page.objects.filter(pk=page_id).first()
        page = page.specific if page else None
        if page is None or not page.live or page.depth <= 2 or page.get_view_restrictions():
            return self.delete_page_id(page_id)
        self.client.index(index=index_name(), id=str(page_id), document=document_for(page))

    def delete_page_id(self, page_id):
        self.client.options(ignore_status=404).delete(index=index_name(), id=str(page_id))

    def rebuild(self, ids, progress=lambda it, n: it):
        """Recreate the index with every page in ``ids`` that is public, then empty
        the outbox."""
        self.ensure_index(recreate=True)
        index = index_name()
        average = postings.average_lengths()

        def actions():
            for start in range(0, len(ids), 500):
                batch = Page.objects.filter(pk__in=ids[start : start + 500]).public().specific()
                for page in batch:
                    yield {
                        "_index": index,
                        "_id": str(page.pk),
                        "_source": document_for(page, average),
                    }

        done = 0
        for ok, _info in progress(
            es_helpers.streaming_bulk(self.client, actions(), raise_on_error=True), len(ids)
        ):
            done += int(ok)
        # Everything in the outbox is now covered by the full rebuild.
        SearchOutbox.objects.all().delete()
        return done

    def drain_outbox(self):
        """Replay missed updates in order; stop at the first failure (kept for next time)."""
        replayed = 0
        for entry in SearchOutbox.objects.order_by("created_at", "pk"):
            if entry.action == SearchOutbox.Action.INDEX:
                self.index_page_id(entry.page_id)
            else:
                self.delete_page_id(entry.page_id)
            entry.delete()
            replayed += 1
        return replayed
