"""Elasticsearch backend (``ELASTICSEARCH_URL``), built with ``elasticsearch.dsl``.

Dutch analysis is the project's own (``leernetwerk.sitesearch.analysis``: folded
case and diacritics, Dutch stop words, Snowball Dutch stems via PyStemmer), done in
Python at index time and at query time, exactly as on the database backends; the
index stores those terms in ``*_terms`` fields with a whitespace analyser. So every
backend stems, folds and expands the editors' synonyms (at query time, through
``query.expand``: a synonym edit needs no reindex) identically. ES's own Dutch
snowball filter is not used: the backends would drift apart, and the in-memory test
peer (osmem) indexes it as empty terms.

Elasticsearch does the matching and BM25 ranking, the facets (aggregations,
disjunctive: each facet ignores its own filter), sorting and paging, and "did you
mean" (term suggester; from the content's vocabulary when the server has none).
Snippets are marked with the shared highlighter, so both backends mark the same words.

It indexes kennisbank pages only; site-wide searches and every failure (server
down, timeout, missing index) are answered by the database backend, with a quiet
notice. Failed index updates wait in SearchOutbox until ``manage.py reindex``.
"""

import logging

from django.conf import settings
from django.utils.translation import gettext as _
from elasticsearch import BadRequestError
from elasticsearch import helpers as es_helpers
from elasticsearch.dsl import A, Q, Search

from leernetwerk.sitesearch.analysis import analyse_to_text, stem

from .contract import FACETS, FacetCount, Hit, SearchResponse, sort_facet_counts
from .database import DatabaseBackend
from .es_client import make_client
from .highlight import highlight
from .query import combine, query_stems
from .suggest import suggest as vocabulary_suggest

logger = logging.getLogger(__name__)

SEP = "\x1f"  # joins value and label in the *_kv fields used by the aggregations
FALLBACK_NOTICE = (
    "De uitgebreide zoekmachine is even niet bereikbaar; u ziet resultaten van de "
    "standaardzoekfunctie."
)


def index_name():
    return settings.ELASTICSEARCH_INDEX


def index_body():
    """Settings and mapping of the kennisbank index."""
    terms = {"type": "text", "analyzer": "nl_terms"}
    stored = {"type": "text", "index": False}  # shown and highlighted, not searched
    keyword = {"type": "keyword"}
    properties = {
        "title": stored,
        "summary": stored,
        "body": stored,
        "title_terms": terms,
        "summary_terms": terms,
        "body_terms": terms,
        "suggest_text": {"type": "text", "analyzer": "nl_plain"},
        "url": {"type": "keyword", "index": False},
        "type_label": {"type": "keyword", "index": False},
        "date": {"type": "date"},
    }
    for name in FACETS:
        properties[name] = keyword
        properties[f"{name}_kv"] = keyword
    return {
        "settings": {
            "analysis": {
                "analyzer": {
                    # The terms arrive analysed (analysis.analyse_to_text): split only.
                    "nl_terms": {"type": "custom", "tokenizer": "whitespace"},
                    "nl_plain": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
                },
            }
        },
        "mappings": {"properties": properties},
    }


def document_for(page):
    """The ES document of one live kennisbank page."""
    from .indexing import facet_rows

    summary = page.get_listing_summary()
    body = page.search_text()
    doc = {
        "title": page.title,
        "summary": summary,
        "body": body,
        "title_terms": analyse_to_text(page.title),
        "summary_terms": analyse_to_text(summary),
        "body_terms": analyse_to_text(body),  # search_text() is plain text already
        "suggest_text": f"{page.title} {summary}",
        "url": page.url or "",
        "type": page._meta.model_name,
        "type_kv": f"{page._meta.model_name}{SEP}{str(page._meta.verbose_name).capitalize()}",
        "type_label": str(page._meta.verbose_name).capitalize(),
        "date": page.get_search_date(),
    }
    for facet, value, label in facet_rows(page):
        doc.setdefault(facet, []).append(value)
        doc.setdefault(f"{facet}_kv", []).append(f"{value}{SEP}{label}")
    return doc


def _facet_filter(name, values):
    return Q("terms", **{name: values})


def text_query(q):
    """Every word (or synonym expression) must match; a synonym group matches any of its
    expressions. None when no searchable word is left (only stop words)."""
    fields = ["title_terms^3", "summary_terms^2", "body_terms"]
    return combine(
        q,
        lambda alt: Q(
            "multi_match", query=" ".join(stem(w) for w in alt), fields=fields, operator="and"
        ),
        lambda options: Q("bool", should=options),
        lambda parts: Q("bool", must=parts),
    )


def build_search(request, client=None, with_suggest=True):
    """The elasticsearch.dsl Search for a SearchRequest (kennisbank scope)."""
    search = Search(using=client, index=index_name())
    if request.q:
        search = search.query(text_query(request.q) or Q("match_none"))
        if with_suggest:
            search = search.suggest("spelling", request.q, term={"field": "suggest_text"})
    filters = {name: _facet_filter(name, values) for name, values in request.filters.items()}
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    for name in FACETS:
        others = [query for other, query in filters.items() if other != name]
        agg = A("filter", Q("bool", filter=others)) if others else A("filter", Q("match_all"))
        agg.bucket("values", "terms", field=f"{name}_kv", size=500)
        search.aggs.bucket(name, agg)
    if request.effective_sort == "datum":
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    return search[request.offset : request.offset + request.page_size]


def parse_response(request, raw):
    """A SearchResponse from ES's JSON answer."""
    stems = query_stems(request.q) if request.q else set()
    hits = []
    for item in raw["hits"]["hits"]:
        source = item["_source"]
        summary = source.get("summary", "")
        hits.append(
            Hit(
                title=source["title"],
                url=source["url"],
                type=source["type"],
                type_label=source.get("type_label", ""),
                summary=summary,
                highlight=highlight(source.get("body", ""), stems, fallback=summary),
                score=item.get("_score"),
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
    suggestion = None
    options = [
        (entry["text"], entry["options"][0]["text"])
        for entry in raw.get("suggest", {}).get("spelling", [])
        if entry.get("options")
    ]
    if options:
        corrected = request.q.lower()
        for original, better in options:
            corrected = corrected.replace(original, better)
        suggestion = corrected if corrected != request.q.lower() else None
    total = raw["hits"]["total"]
    total = total["value"] if isinstance(total, dict) else total
    return SearchResponse(
        request=request,
        total=total,
        hits=hits,
        facets=facets,
        suggestion=suggestion,
        backend="elasticsearch",
    )


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url):
        self.url = url
        self.client = make_client(url)

    def _execute(self, request):
        try:
            raw = build_search(request, self.client).execute().to_dict()
        except BadRequestError as exc:
            if "suggest" not in str(exc):
                raise
            # A peer without the term suggester (OpenSearch-likes, the in-memory test
            # server): search without it and suggest from the content's vocabulary.
            raw = build_search(request, self.client, with_suggest=False).execute().to_dict()
            response = parse_response(request, raw)
            response.suggestion = vocabulary_suggest(request.q) if request.q else None
            return response
        return parse_response(request, raw)

    def search(self, request):
        if request.scope != "kennisbank":
            return DatabaseBackend().search(request)
        try:
            response = self._execute(request)
        except Exception as exc:  # unreachable, timeout, missing index: never fail a search
            logger.warning("Elasticsearch niet bruikbaar (%s); zoeken via de database", exc)
            response = DatabaseBackend().search(request)
            response.notice = _(FALLBACK_NOTICE)
            return response
        if request.q and request.page == 1:
            database = DatabaseBackend()
            promoted = database.promotions(request)
            urls = {p.url for p in promoted}
            response.hits = database.hits(request, promoted, promoted=True) + [
                hit for hit in response.hits if hit.url not in urls
            ]
        return response

    # Index maintenance -------------------------------------------------------------

    def ensure_index(self, recreate=False):
        index = index_name()
        if recreate and self.client.indices.exists(index=index):
            self.client.indices.delete(index=index)
        if not self.client.indices.exists(index=index):
            self.client.indices.create(index=index, body=index_body())

    def index_page_id(self, page_id):
        from wagtail.models import Page

        from .indexing import is_indexable

        page = Page.objects.filter(pk=page_id).first()
        page = page.specific if page else None
        if page is None or not page.live or not is_indexable(page):
            return self.delete_page_id(page_id)
        self.client.index(index=index_name(), id=str(page_id), document=document_for(page))

    def delete_page_id(self, page_id):
        self.client.options(ignore_status=404).delete(index=index_name(), id=str(page_id))

    def rebuild(self, ids, progress=lambda it, n: it):
        """Recreate the index with every page in ``ids``, then replay the outbox."""
        from wagtail.models import Page

        from learning.models import SearchOutbox

        self.ensure_index(recreate=True)

        index = index_name()

        def actions():
            for start in range(0, len(ids), 500):
                for page in Page.objects.filter(pk__in=ids[start : start + 500]).specific():
                    yield {"_index": index, "_id": str(page.pk), "_source": document_for(page)}

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
        from learning.models import SearchOutbox

        replayed = 0
        for entry in SearchOutbox.objects.order_by("created_at", "pk"):
            if entry.action == SearchOutbox.Action.INDEX:
                self.index_page_id(entry.page_id)
            else:
                self.delete_page_id(entry.page_id)
            entry.delete()
            replayed += 1
        return replayed
