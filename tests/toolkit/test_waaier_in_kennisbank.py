"""Arrangements appear in the kennisbank search, with their life domains and sectors as facets."""

import pytest

from learning.search import SearchRequest, search
from leernetwerk.core.factories import add_page
from leernetwerk.taxonomy.models import Levensgebied, SectorGroep
from toolkit.models import ArrangementPage, ToolPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def arrangement(tool_index):
    waaier = add_page(
        tool_index, ToolPage, title="Arrangementenwaaier", tool=ToolPage.Tool.ARRANGEMENTENWAAIER
    )
    page = add_page(
        waaier,
        ArrangementPage,
        title="Wonen en leren in één traject",
        summary="Een kamer met begeleiding, gecombineerd met een opleiding in het mbo.",
    )
    page.levensgebieden.set(Levensgebied.objects.filter(slug="wonen"))
    page.sectorgroepen.set(SectorGroep.objects.filter(slug="onderwijs"))
    page.save_revision().publish()
    return page


def test_arrangement_is_found_in_the_kennisbank_with_facets(arrangement):
    response = search(SearchRequest(q="woningen opleiding"))
    assert [hit.title for hit in response.hits] == ["Wonen en leren in één traject"]
    by_type = {facet.value: facet.count for facet in response.facets["type"]}
    assert by_type.get("arrangementpage") == 1


def test_arrangement_matches_the_big5_filter_through_the_mapping(arrangement):
    response = search(SearchRequest(filters={"levensgebied": ["big5-wonen"]}))
    assert "Wonen en leren in één traject" in [hit.title for hit in response.hits]
    response = search(SearchRequest(filters={"sector": ["welzijn"]}))
    assert response.total == 0


def test_unpublished_arrangement_leaves_the_kennisbank(arrangement):
    arrangement.unpublish()
    assert search(SearchRequest(q="opleiding")).total == 0


def test_reindex_restores_the_arrangement_facets(arrangement):
    from django.core.management import call_command

    from learning.models import FacetValue

    FacetValue.objects.all().delete()
    call_command("reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = search(SearchRequest(filters={"levensgebied": ["big5-wonen"]}))
    assert [hit.title for hit in response.hits] == ["Wonen en leren in één traject"]
