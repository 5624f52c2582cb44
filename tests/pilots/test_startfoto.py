"""The structured startfoto (figures, goals, owners, dates) and "gestart tijdens"."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.factories import add_leercirkel, add_les, make_kennisbank
from pilots.factories import make_pilot
from pilots.models import StartfotoCijfer, StartfotoDoel, StartfotoEigenaar

pytestmark = pytest.mark.django_db
D = datetime.date


def _figures(n):
    return [
        StartfotoCijfer(
            indicator=f"Indicator {i}",
            value=Decimal("41.50") if i == 0 else Decimal(100 + i),
            unit="%" if i == 0 else "jongeren",
            reference_date=D(2019, 1, 1),
            source=f"Bron {i}",
            sort_order=i,
        )
        for i in range(n)
    ]


def _startfoto(n=2):
    return {
        "startfoto_date": D(2019, 1, 24),
        "measurement_date": D(2019, 12, 12),
        "baseline_figures": _figures(n),
        "startfoto_goals": [
            StartfotoDoel(goal=f"Doel {i}", target=f"{50 + i}% heeft werk", sort_order=i)
            for i in range(n)
        ],
        "startfoto_owners": [
            StartfotoEigenaar(organisation=f"Organisatie {i}", role=f"Rol {i}", sort_order=i)
            for i in range(n)
        ],
    }


def test_pilot_page_shows_the_startfoto_as_tables_and_lists(client, index):
    pilot = make_pilot(
        index,
        "Pilot Alfa",
        startfoto=[("paragraph", "<p>De oude vrije tekst blijft als toelichting.</p>")],
        **_startfoto(),
    )
    html = client.get(pilot.url).content.decode()
    section = html[html.index('id="startfoto"') :]
    assert "24 januari 2019" in section and "12 december 2019" in section
    # Figures: indicator as row header, value without trailing zeros, with unit and source.
    assert '<th scope="row">Indicator 0</th><td>41,5 %</td>' in section
    assert "<td>101 jongeren</td>" in section and "Bron 1" in section
    assert '<th scope="row">Doel 1</th><td>51% heeft werk</td>' in section
    assert "<dt>Organisatie 0</dt><dd>Rol 0</dd>" in section
    assert "De oude vrije tekst blijft als toelichting." in section
    assert section.index("Indicator 0") < section.index("Indicator 1")  # editor's order


def test_pilot_without_startfoto_has_no_empty_section(client, index):
    pilot = make_pilot(index, "Pilot Leeg")
    assert 'id="startfoto"' not in client.get(pilot.url).content.decode()


def test_startfoto_is_searchable_by_its_indicators(index):
    pilot = make_pilot(index, "Pilot Alfa", **_startfoto())
    assert pilot.baseline_figures.get(sort_order=0).indicator == "Indicator 0"
    names = {f.field_name for f in type(pilot).get_search_fields()}
    assert {"baseline_figures", "startfoto_goals"} <= names


def test_measurement_before_startfoto_is_refused_in_dutch(index):
    pilot = make_pilot(index, "Pilot Alfa")
    pilot.startfoto_date = D(2020, 1, 1)
    pilot.measurement_date = D(2019, 1, 1)
    with pytest.raises(ValidationError) as error:
        pilot.full_clean()
    assert "vóór de datum van de startfoto" in str(error.value.message_dict["measurement_date"])


def test_query_count_does_not_grow_with_startfoto_rows(client, index):
    def count(pilot):
        client.get(pilot.url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(pilot.url).status_code == 200
        return len(ctx.captured_queries)

    few = count(make_pilot(index, "Pilot Weinig", **_startfoto(1)))
    many = count(make_pilot(index, "Pilot Veel", **_startfoto(12)))
    assert many == few, (few, many)


# --- Gestart tijdens ------------------------------------------------------------------


def test_started_at_must_be_a_leercirkel(home, index):
    kennisbank = make_kennisbank(home)
    les = add_les(kennisbank, "Een les")
    pilot = make_pilot(index, "Pilot Alfa")
    pilot.started_at = les
    with pytest.raises(ValidationError) as error:
        pilot.full_clean()
    assert "Kies een leercirkel" in str(error.value.message_dict["started_at"])
    pilot.started_at = add_leercirkel(kennisbank, "Tweede leercirkel")
    pilot.full_clean()  # no error


def test_pilot_and_leercirkel_link_to_each_other(client, home, index):
    kennisbank = make_kennisbank(home)
    cirkel = add_leercirkel(kennisbank, "Tweede leercirkel")
    started = [make_pilot(index, f"Pilot {n}", started_at=cirkel) for n in "ABC"]
    make_pilot(index, "Pilot Elders")
    draft = make_pilot(index, "Pilot Concept", started_at=cirkel, live=False)

    html = client.get(started[0].url).content.decode()
    assert re.search(r"<dt>Gestart tijdens</dt><dd><a href=\"[^\"]*tweede-leercirkel/\">", html)

    html = client.get(cirkel.url).content.decode()
    panel = html[html.index('id="gestarte-pilots"') :]
    for pilot in started:
        assert f'href="{pilot.url}"' in panel
    assert "Pilot Elders" not in panel and draft.title not in panel


def test_leercirkel_without_started_pilots_has_no_panel(client, home, index):
    cirkel = add_leercirkel(make_kennisbank(home), "Eerste leercirkel")
    assert "gestarte-pilots" not in client.get(cirkel.url).content.decode()


def test_leercirkel_panel_query_count_does_not_grow(client, home, index):
    cirkel = add_leercirkel(make_kennisbank(home), "Tweede leercirkel")

    def count():
        client.get(cirkel.url)
        with CaptureQueriesContext(connection) as ctx:
            client.get(cirkel.url)
        return len(ctx.captured_queries)

    make_pilot(index, "Pilot 0", started_at=cirkel)
    few = count()
    for i in range(1, 8):
        make_pilot(index, f"Pilot {i}", started_at=cirkel)
    assert count() == few
