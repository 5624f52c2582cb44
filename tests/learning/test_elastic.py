"""Elasticsearch backend: index mapping, query building and response parsing; index
maintenance (publish, unpublish, reindex, outbox replay) against the in-memory osmem
peer; and the fallback/outbox behaviour when the server is unreachable. The search
behaviour itself is the contract suite (test_search_contract.py), run on ES too."""

import io
import logging

import pytest
from django.core.management import CommandError, call_command

from learning.factories import add_les
from learning.models import SearchOutbox, Synoniemgroep
from learning.search import SearchRequest, search
from learning.search.elastic import (
    FALLBACK_NOTICE,
    KENNISBANK_TYPES,
    SEP,
    build_search,
    document_for,
    index_body,
    parse_response,
)
from learning.search.plan import Plan
from learning.search.plan import build as build_plan
from learning.search.scoring import idf
from learning.search.vocabulary import Vocabulary
from leernetwerk.sitesearch.analysis import tokens

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: connection refused at once


def test_index_stores_terms_impacts_and_facet_keywords(db):
    props = index_body()["mappings"]["properties"]
    assert props["impacts"] == {"type": "rank_features"}
    assert props["terms"] == {"type": "keyword"}
    assert props["body"]["index"] is False
    assert props["levensgebied"] == {"type": "keyword"}


def test_document_carries_the_database_impacts_and_facets(content):
    from learning.search import fulltext, postings
    from learning.search.documents import document_for as fields

    fulltext.rebuild()  # impacts from the same average field lengths
    page = content["wonen"]
    doc = document_for(page)
    assert doc["type"] == "les" and doc["page_id"] == page.pk
    assert set(doc["levensgebied"]) == {"wonen", "big5-wonen"}
    assert f"big5-wonen{SEP}Wonen (Big 5)" in doc["levensgebied_kv"]
    assert doc["regio"] == ["venlo"]
    assert "coördinatie" in doc["body"]
    # Terms of the shared Dutch analysis (folded, stemmed), with the very impacts
    # the database's posting lists hold for this page.
    assert {"coordineer", "woon", "vind"} <= set(doc["terms"])
    stored = postings.read(doc["terms"])
    for term, impact in doc["impacts"].items():
        ids, impacts = stored[term]
        assert impact == pytest.approx(float(impacts[list(ids).index(page.pk)]), rel=1e-6)
    analysed = postings.analyse_document(fields(page))
    assert sorted(doc["terms"]) == sorted(analysed.terms)


def test_query_building(db):
    Synoniemgroep.objects.create(terms="AMV\nalleenstaande minderjarige vreemdeling")
    request = SearchRequest(
        q="woningen AMV", filters={"levensgebied": ["wonen"], "thema": ["a"]}, sort="datum", page=2
    )
    plan = build_plan(request.q, Vocabulary([], {}, {}, frozenset({"woon", "amv"})))
    body = build_search(request, plan, n=10, df={0: 2, 1: 1}, least=1).to_dict()
    query = body["query"]["bool"]  # the scope filter and the text query in one bool
    assert query["filter"] == [{"terms": {"type": KENNISBANK_TYPES}}]
    credits = query["must"][0]["bool"]
    assert credits["minimum_should_match"] == 1 and len(credits["should"]) == 2
    woning, amv = query["should"]
    feature = woning["dis_max"]["queries"][0]["bool"]["must"][0]["rank_feature"]
    assert feature["field"] == "impacts.woon"  # stemmed like the database backend
    assert feature["boost"] == pytest.approx(idf(2, 10))
    expressions = [
        [f["rank_feature"]["field"] for f in q["bool"]["must"]] for q in amv["dis_max"]["queries"]
    ]
    expansion = [f"impacts.{t.term}" for t in tokens("alleenstaande minderjarige vreemdeling")]
    assert expressions[0] == ["impacts.amv"] and expansion in expressions
    assert body["from"] == 10 and body["size"] == 10
    assert body["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    post = body["post_filter"]["bool"]["filter"]
    assert {"terms": {"levensgebied": ["wonen"]}} in post
    # A facet's aggregation ignores its own filter but applies the others.
    own = body["aggs"]["levensgebied"]["filter"]["bool"]["filter"]
    assert own == [{"terms": {"thema": ["a"]}}]
    assert body["aggs"]["regio"]["aggs"]["values"]["terms"]["field"] == "regio_kv"


def test_parse_response():
    request = SearchRequest(q="wonign", filters={"type": ["les"]})
    plan = Plan([], suggestion="woning")
    raw = {
        "hits": {
            "total": {"value": 1},
            "hits": [
                {
                    "_score": 2.5,
                    "_source": {
                        "title": "Een eigen woning",
                        "url": "/kennisbank/woning/",
                        "type": "les",
                        "type_label": "Les",
                        "summary": "Samenvatting",
                        "body": "Een woning & meer",
                    },
                }
            ],
        },
        "aggregations": {
            "type": {"values": {"buckets": [{"key": f"les{SEP}Les", "doc_count": 1}]}}
        },
    }
    response = parse_response(request, raw, plan)
    assert response.total == 1
    assert response.hits[0].highlight == "Samenvatting"  # no query word in the text
    assert response.hits[0].score == 2.5
    assert response.facets["type"][0].label == "Les"
    assert response.facets["type"][0].selected
    assert response.suggestion == "woning"
    assert response.backend == "elasticsearch"


def test_unreachable_server_falls_back_to_database_with_notice(content, settings, caplog):
    settings.ELASTICSEARCH_URL = UNREACHABLE
    with caplog.at_level(logging.WARNING):
        response = search(SearchRequest(q="woning"))
    assert response.total == 1 and response.backend == "database"
    assert response.notice == FALLBACK_NOTICE
    assert "Elasticsearch niet bruikbaar" in caplog.text


def test_kennisbank_page_shows_quiet_notice(client, content, settings):
    settings.ELASTICSEARCH_URL = UNREACHABLE
    html = client.get("/kennisbank/", {"q": "woning"}).content.decode()
    assert "1 resultaat" in html
    assert "even niet bereikbaar" in html


def test_publishing_works_while_es_is_down_and_is_queued(content, settings):
    settings.ELASTICSEARCH_URL = UNREACHABLE
    page = content["werk"]
    page.title = "Van school naar een baan"
    page.save_revision().publish()
    page.unpublish()
    actions = list(SearchOutbox.objects.values_list("page_id", "action"))
    assert actions == [(page.pk, "index"), (page.pk, "delete")]


def test_reindex_keeps_the_outbox_when_es_is_down(content, settings):
    settings.ELASTICSEARCH_URL = UNREACHABLE
    SearchOutbox.objects.create(page_id=content["werk"].pk, action="index")
    with pytest.raises(CommandError, match="niet bereikbaar"):
        call_command("reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SearchOutbox.objects.count() == 1


# Index maintenance against the in-memory osmem peer ------------------------------


def _indexed_titles(backend, kind="les"):
    """Titles of the indexed pages of one type (every public page is indexed)."""
    from learning.search.elastic import index_name

    backend.client.indices.refresh(index=index_name())
    hits = backend.client.search(index=index_name(), size=100)["hits"]["hits"]
    return sorted(hit["_source"]["title"] for hit in hits if hit["_source"]["type"] == kind)


def test_publishing_and_unpublishing_update_the_index(osmem_es, kennisbank):
    first = add_les(kennisbank, "Een eigen woning vinden", summary="Met een vaste coach.")
    add_les(kennisbank, "Van school naar werk", summary="Een coach tot de eerste baan.")
    assert _indexed_titles(osmem_es) == ["Een eigen woning vinden", "Van school naar werk"]
    first.title = "Een eigen kamer vinden"
    first.save_revision().publish()
    assert _indexed_titles(osmem_es) == ["Een eigen kamer vinden", "Van school naar werk"]
    first.unpublish()
    assert _indexed_titles(osmem_es) == ["Van school naar werk"]
    assert SearchOutbox.objects.count() == 0


def test_missed_updates_are_replayed_by_reindex_when_es_returns(osmem_es, content, settings):
    url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = UNREACHABLE
    page = content["werk"]
    page.title = "Van school naar een baan"
    page.save_revision().publish()  # publishing still works; the update waits
    content["amv"].unpublish()
    assert SearchOutbox.objects.count() == 2

    settings.ELASTICSEARCH_URL = url
    out = io.StringIO()
    call_command("reindex", stdout=out)
    assert "naar Elasticsearch gestuurd; wachtrij leeg" in out.getvalue()
    assert SearchOutbox.objects.count() == 0
    titles = _indexed_titles(osmem_es)
    assert "Van school naar een baan" in titles
    assert "Toekomstplan met alleenstaande minderjarige vreemdelingen" not in titles
    response = search(SearchRequest(q="baan"))
    assert response.backend == "elasticsearch"
    assert [hit.title for hit in response.hits] == ["Van school naar een baan"]


def test_drain_outbox_replays_in_order(osmem_es, content):
    page = content["werk"]
    SearchOutbox.objects.create(page_id=page.pk, action="delete")
    SearchOutbox.objects.create(page_id=page.pk, action="index")
    assert osmem_es.drain_outbox() == 2
    assert "Van school naar werk" in _indexed_titles(osmem_es)
    assert SearchOutbox.objects.count() == 0


def test_client_sends_plain_json_media_types():
    from learning.search.es_client import _VENDOR_MIMETYPE

    vendor = "application/vnd.elasticsearch+json; compatible-with=8"
    assert _VENDOR_MIMETYPE.sub(r"application/\1", vendor) == "application/json"
    ndjson = "application/vnd.elasticsearch+x-ndjson; compatible-with=8"
    assert _VENDOR_MIMETYPE.sub(r"application/\1", ndjson) == "application/x-ndjson"
