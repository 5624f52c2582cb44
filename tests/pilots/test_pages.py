import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pilots.factories import make_pilot, make_programma, make_regio, make_update
from pilots.models import PilotPage

pytestmark = pytest.mark.django_db


def test_pilot_page_shows_facts_sections_and_timeline(client, index, regio_a):
    pilot = make_pilot(
        index,
        "Pilot Alfa",
        regions=[regio_a],
        sectors=("welzijn", "onderwijs"),
        goal="<p>Een stabiele basis voor jongeren.</p>",
        startfoto=[("paragraph", "<p>De startfoto van de regio.</p>")],
        plan_van_aanpak=[("paragraph", "<p>Ons plan op maat.</p>")],
    )
    make_update(pilot, "Oud bericht", date=datetime.date(2020, 1, 1))
    make_update(pilot, "Nieuw bericht", date=datetime.date(2021, 1, 1), lessons=["Les uit 2021"])
    html = client.get(pilot.url).content.decode()
    assert "Een stabiele basis voor jongeren." in html
    assert "De startfoto van de regio." in html and "Ons plan op maat." in html
    assert "Welzijn" in html and "Onderwijs" in html and "Regio Alfa" in html
    # Timeline: newest first, with its lessons.
    assert html.index("Nieuw bericht") < html.index("Oud bericht")
    assert "Les uit 2021" in html


def test_update_page_shows_lessons_and_pilot(client, index):
    pilot = make_pilot(index, "Pilot Alfa")
    update = make_update(pilot, "Tussenstand", lessons=["Praat met jongeren, niet over hen"])
    html = client.get(update.url).content.decode()
    assert "Praat met jongeren, niet over hen" in html
    assert pilot.title in html


def test_anonymous_cannot_reach_drafts(client, index):
    draft = make_pilot(index, "Geheime pilot", live=False)
    assert client.get(f"/pilots/{draft.slug}/").status_code == 404
    assert "Geheime pilot" not in client.get(index.url).content.decode()
    live = make_pilot(index, "Open pilot")
    update = make_update(live, "Conceptbericht")
    update.unpublish()
    assert client.get(f"/pilots/{live.slug}/{update.slug}/").status_code == 404
    assert "Conceptbericht" not in client.get(live.url).content.decode()


def test_update_only_under_pilot_and_pilot_only_under_index():
    from pilots.models import PilotIndexPage, VoortgangsberichtPage

    assert VoortgangsberichtPage.parent_page_types == ["pilots.PilotPage"]
    assert PilotPage in PilotIndexPage.allowed_subpage_models()
    assert VoortgangsberichtPage not in PilotIndexPage.allowed_subpage_models()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Zuid lopend", "Limburg afgerond"}),
        ("?status=lopend", {"Zuid lopend"}),
        ("?provincie=NL-LI", {"Limburg afgerond"}),
        ("?sector=onderwijs", {"Limburg afgerond"}),
        ("?programma=personas", {"Limburg afgerond"}),
        ("?status=lopend&sector=onderwijs", set()),
        # Unknown values are ignored, never an error page.
        ("?status=onzin&provincie=XX&sector=%00", {"Zuid lopend", "Limburg afgerond"}),
    ],
)
def test_overview_filters(client, index, regio_a, regio_b, query, expected):
    make_pilot(index, "Zuid lopend", regions=[regio_a], sectors=("welzijn", "jeugdhulp"))
    make_pilot(
        index,
        "Limburg afgerond",
        regions=[regio_b, make_regio("Venlo-test", province="NL-LI")],
        sectors=("onderwijs", "welzijn", "onderwijs"),
        status="afgerond",
        programma=make_programma("Persona's"),
    )
    response = client.get(index.url + query)
    assert response.status_code == 200
    shown = {p.title for p in response.context["pilots"]}
    assert shown == expected
    html = response.content.decode()
    # The same pilots appear in the list and as map markers.
    for title in expected:
        assert f">{title}</a></h3>" in html
        assert re.search(rf'aria-label="\d+\. {re.escape(title)} \(', html)


def _count_queries(client, url):
    client.get(url)  # warm per-process caches (site root, settings) first
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_overview_query_count_does_not_grow(client, index, regio_a, regio_b):
    def add(n, start):
        for i in range(start, start + n):
            pilot = make_pilot(
                index,
                f"Pilot {i}",
                regions=[regio_a, regio_b],
                sectors=("welzijn", "jeugdhulp", "onderwijs"),
            )
            make_update(pilot, f"Bericht {i}")

    add(2, 0)
    few = _count_queries(client, index.url)
    add(8, 2)
    many = _count_queries(client, index.url)
    assert many == few, (few, many)
    assert _count_queries(client, index.url + "?provincie=NL-ZH&sector=welzijn") == few


def test_pilot_page_query_count_does_not_grow_with_updates(client, index, regio_a):
    pilot = make_pilot(index, "Pilot Alfa", regions=[regio_a])
    make_update(pilot, "Bericht 0")
    few = _count_queries(client, pilot.url)
    for i in range(1, 6):
        make_update(pilot, f"Bericht {i}", lessons=["a", "b"])
    assert _count_queries(client, pilot.url) == few


def test_lessons_are_searchable_on_the_update(index):
    from pilots.models import VoortgangsberichtPage

    pilot = make_pilot(index, "Pilot Alfa")
    make_update(pilot, "Bericht", lessons=["Betrek de woningcorporatie vroegtijdig"])
    names = {
        field.field_name
        for related in VoortgangsberichtPage.search_fields
        if related.field_name == "leerpunten"
        for field in related.fields
    }
    assert names == {"title", "text"}
    results = list(VoortgangsberichtPage.objects.live().search("woningcorporatie"))
    assert [page.title for page in results] == ["Bericht"]
