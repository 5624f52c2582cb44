"""Elasticsearch backend without a server: index mapping, query building, response
parsing, and the fallback/outbox behaviour when the server is unreachable.
(No Elasticsearch server can run here; a live server is not exercised.)"""

import logging

import pytest
from django.core.management import CommandError, call_command

from learning.models import SearchOutbox, Synoniemgroep
from learning.search import SearchRequest, search
from learning.search.elastic import (
    FALLBACK_NOTICE,
    SEP,
    build_search,
    document_for,
    index_body,
    parse_response,
)

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: connection refused at once


def test_index_has_dutch_analysis_with_the_editors_synonyms(db):
    Synoniemgroep.objects.create(terms="AMV\nalleenstaande minderjarige vreemdeling")
    body = index_body()
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["nl_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["nl_synonyms"]["synonyms"] == [
        "AMV, alleenstaande minderjarige vreemdeling"
    ]
    assert "asciifolding" in analysis["analyzer"]["nl_index"]["filter"]
    assert "nl_synonyms" in analysis["analyzer"]["nl_search"]["filter"]
    props = body["mappings"]["properties"]
    assert props["title"]["search_analyzer"] == "nl_search"
    assert props["levensgebied"] == {"type": "keyword"}


def test_document_carries_facets_with_labels(content):
    doc = document_for(content["wonen"])
    assert doc["type"] == "les"
    assert set(doc["levensgebied"]) == {"wonen", "big5-wonen"}
    assert f"big5-wonen{SEP}Wonen (Big 5)" in doc["levensgebied_kv"]
    assert doc["regio"] == ["venlo"]
    assert "coördinatie" in doc["body"]


def test_query_building():
    request = SearchRequest(
        q="wonen", filters={"levensgebied": ["wonen"], "thema": ["a"]}, sort="datum", page=2
    )
    body = build_search(request).to_dict()
    assert body["query"]["multi_match"]["operator"] == "and"
    assert body["from"] == 10 and body["size"] == 10
    assert body["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert body["suggest"]["spelling"]["term"]["field"] == "suggest_text"
    post = body["post_filter"]["bool"]["filter"]
    assert {"terms": {"levensgebied": ["wonen"]}} in post
    # A facet's aggregation ignores its own filter but applies the others.
    own = body["aggs"]["levensgebied"]["filter"]["bool"]["filter"]
    assert own == [{"terms": {"thema": ["a"]}}]
    assert body["aggs"]["regio"]["aggs"]["values"]["terms"]["field"] == "regio_kv"


def test_parse_response():
    request = SearchRequest(q="wonign", filters={"type": ["les"]})
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
                    },
                    "highlight": {"body": ["een <mark>woning</mark> &amp; meer"]},
                }
            ],
        },
        "aggregations": {
            "type": {"values": {"buckets": [{"key": f"les{SEP}Les", "doc_count": 1}]}}
        },
        "suggest": {"spelling": [{"text": "wonign", "options": [{"text": "woning"}]}]},
    }
    response = parse_response(request, raw)
    assert response.total == 1
    assert response.hits[0].highlight == "een <mark>woning</mark> &amp; meer"
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
