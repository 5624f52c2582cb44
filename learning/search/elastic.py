"""Elasticsearch backend (``ELASTICSEARCH_URL``), built with ``elasticsearch.dsl``.

The index has a Dutch analyser (lower case, folded diacritics, Dutch stop words and
stemmer) and, at query time only, the editors' synonyms, so a synonym edit needs no
reindex. Facets are aggregations (disjunctive: each facet ignores its own filter),
snippets come from ES highlighting and "did you mean" from the term suggester.

It indexes kennisbank pages only; site-wide searches and every failure (server
down, timeout, missing index) are answered by the database backend, with a quiet
notice. Failed index updates wait in SearchOutbox until ``manage.py reindex``.
"""

import logging

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from elasticsearch import Elasticsearch
from elasticsearch import helpers as es_helpers
from elasticsearch.dsl import A, Q, Search

from .contract import FACETS, FacetCount, Hit, SearchResponse
from .database import DatabaseBackend
from .synonyms import synonym_groups

logger = logging.getLogger(__name__)

INDEX = "leernetwerk-kennisbank"
SEP = "\x1f"  # joins value and label in the *_kv fields used by the aggregations
FALLBACK_NOTICE = (
    "De uitgebreide zoekmachine is even niet bereikbaar; u ziet resultaten van de "
    "standaardzoekfunctie."
)


def synonym_rules():
    """Solr-style rules ('amv, alleenstaande minderjarige vreemdeling') from the snippet."""
    return [", ".join(term for term, _stems in group) for group in synonym_groups()]


def index_body():
    """Settings and mapping of the kennisbank index."""
    text = {"type": "text", "analyzer": "nl_index", "search_analyzer": "nl_search"}
    keyword = {"type": "keyword"}
    properties = {
        "title": {**text, "fields": {"raw": keyword}},
        "summary": text,
        "body": text,
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
                "filter": {
                    "nl_stop": {"type": "stop", "stopwords": "_dutch_"},
                    "nl_stemmer": {"type": "stemmer", "language": "dutch"},
                    "nl_synonyms": {
                        "type": "synonym_graph",
                        "synonyms": synonym_rules(),
                        "lenient": True,
                    },
                },
                "analyzer": {
                    "nl_index": {
                        "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding", "nl_stop", "nl_stemmer"],
                    },
                    "nl_search": {
                        "tokenizer": "standard",
                        "filter": [
                            "lowercase",
                            "asciifolding",
                            "nl_synonyms",
                            "nl_stop",
                            "nl_stemmer",
                        ],
                    },
                    "nl_plain": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
                },
            }
        },
        "mappings": {"properties": properties},
    }


def document_for(page):
    """The ES document of one live kennisbank page."""
    from .indexing import facet_rows

    doc = {
        "title": page.title,
        "summary": page.get_listing_summary(),
        "body": page.search_text(),
        "suggest_text": f"{page.title} {page.get_listing_summary()}",
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


def build_search(request, client=None):
    """The elasticsearch.dsl Search for a SearchRequest (kennisbank scope)."""
    search = Search(using=client, index=INDEX)
    if request.q:
        search = search.query(
            "multi_match",
            query=request.q,
            fields=["title^3", "summary^2", "body"],
            operator="and",
        )
        search = search.highlight(
            "summary", "body", fragment_size=200, number_of_fragments=1, no_match_size=200
        ).highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
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
    hits = []
    for item in raw["hits"]["hits"]:
        source = item["_source"]
        fragments = item.get("highlight", {})
        snippet = (fragments.get("body") or fragments.get("summary") or [""])[0]
        hits.append(
            Hit(
                title=source["title"],
                url=source["url"],
                type=source["type"],
                type_label=source.get("type_label", ""),
                summary=source.get("summary", ""),
                highlight=mark_safe(snippet),  # noqa: S308 - ES escapes with encoder=html
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
        self.client = Elasticsearch(url, request_timeout=2, max_retries=0, retry_on_timeout=False)

    def search(self, request):
        if request.scope != "kennisbank":
            return DatabaseBackend().search(request)
        try:
            raw = build_search(request, self.client).execute().to_dict()
            response = parse_response(request, raw)
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
        if recreate and self.client.indices.exists(index=INDEX):
            self.client.indices.delete(index=INDEX)
        if not self.client.indices.exists(index=INDEX):
            self.client.indices.create(index=INDEX, body=index_body())

    def index_page_id(self, page_id):
        from wagtail.models import Page

        from .indexing import is_indexable

        page = Page.objects.filter(pk=page_id).first()
        page = page.specific if page else None
        if page is None or not page.live or not is_indexable(page):
            return self.delete_page_id(page_id)
        self.client.index(index=INDEX, id=str(page_id), document=document_for(page))

    def delete_page_id(self, page_id):
        self.client.options(ignore_status=404).delete(index=INDEX, id=str(page_id))

    def rebuild(self, ids, progress=lambda it, n: it):
        """Recreate the index with every page in ``ids``, then replay the outbox."""
        from wagtail.models import Page

        from learning.models import SearchOutbox

        self.ensure_index(recreate=True)

        def actions():
            for start in range(0, len(ids), 500):
                for page in Page.objects.filter(pk__in=ids[start : start + 500]).specific():
                    yield {"_index": INDEX, "_id": str(page.pk), "_source": document_for(page)}

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
