"""Persona overview (filters, query counts), persona page, region picker and downloads."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leernetwerk.taxonomy.models import Levensgebied
from personas.demo import portrait_image
from personas.models import PersonaSituation


def situation(persona, slug, text="Situatie"):
    PersonaSituation.objects.create(
        persona=persona, levensgebied=Levensgebied.objects.get(slug=slug), text=text
    )


def test_index_lists_personas_and_filters(client, make_persona, kenmerken, persona_index):
    sanne = make_persona("Sanne", kenmerken=[kenmerken[0]])
    milan = make_persona("Milan", kenmerken=[kenmerken[1]])
    situation(sanne, "wonen")
    situation(milan, "werk")
    response = client.get("/personas/")
    assert response.status_code == 200
    assert "Sanne" in response.text and "Milan" in response.text
    by_kenmerk = client.get("/personas/", {"kenmerk": "NEET"}).text
    assert "Milan" in by_kenmerk and "Sanne" not in by_kenmerk
    by_domain = client.get("/personas/", {"levensgebied": "wonen"}).text
    assert "Sanne" in by_domain and "Milan" not in by_domain
    # The Big 5 counterpart finds the same persona.
    big5 = client.get("/personas/", {"levensgebied": "big5-wonen"}).text
    assert "Sanne" in big5 and "Milan" not in big5


def test_index_ignores_unknown_filter_values(client, make_persona):
    make_persona("Sanne")
    response = client.get("/personas/", {"kenmerk": "ONBEKEND", "levensgebied": "<script>"})
    assert response.status_code == 200
    assert "Sanne" in response.text


def test_index_query_count_does_not_grow(client, make_persona, kenmerken, persona_index):
    def count(n_new):
        for i in range(n_new):
            number = persona_index.get_children_count() + i
            persona = make_persona(
                f"Persona {number}",
                kenmerken=kenmerken[:2],
                portrait=portrait_image(f"P{number}", 19, number),
            )
            situation(persona, "werk")
        client.get("/personas/")  # warm up renditions and caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/personas/").status_code == 200
        return len(queries)

    small = count(3)
    large = count(12)
    assert large == small


def test_persona_page_shows_story_and_figures(client, imported, kenmerken, regions, make_persona):
    persona = make_persona(
        "Sanne",
        kenmerken=kenmerken[:2],
        dataset=imported,
        region=regions["leiden"],
        helps="<p>Eén vaste coach</p>",
    )
    situation(persona, "wonen", "Slaapt bij vrienden")
    response = client.get(persona.url)
    html = response.text
    assert response.status_code == 200
    assert "Slaapt bij vrienden" in html and "Eén vaste coach" in html
    assert "Fictieve gegevens" in html or "fictieve gegevens" in html
    assert 'value="leiden" selected' in html  # the persona's own region first
    assert "Nederland" in html
    # Headline: 40 of 1050 have both characteristics.
    assert "<strong>40</strong> van de 1.050" in html and "3,8%" in html
    assert f"/personas/grafiek/{persona.pk}/leiden.svg" in html
    assert f"/personas/grafiek/{persona.pk}/nederland.png" in html


def test_region_picker_switches_and_rejects_unknown(
    client, imported, kenmerken, regions, make_persona
):
    persona = make_persona("Sanne", kenmerken=kenmerken[:2], dataset=imported)
    html = client.get(persona.url, {"regio": "venlo"}).text
    assert 'value="venlo" selected' in html
    response = client.get(persona.url, {"regio": "bestaat-niet"})
    assert response.status_code == 200
    assert "Voor deze regio zijn geen cijfers" in response.text


def test_small_headline_is_suppressed(client, dataset, kenmerken, regions, make_persona):
    from personas import importer
    from personas.factories import csv_from_cells

    cells = {(): 900, ("GSQ",): 60, ("NEET",): 50, ("GSQ", "NEET"): 3}
    text = csv_from_cells({"NL": cells, "GM0983": cells}, ["GSQ", "NEET"])
    importer.save(importer.validate(text, dataset), dataset)
    dataset.refresh_from_db()
    persona = make_persona("Sanne", kenmerken=kenmerken[:2], dataset=dataset)
    html = client.get(persona.url).text
    assert "Minder dan 10 van de" in html
    assert "<td>3</td>" not in html and "<td>&lt;10</td>" in html
    # "only GSQ" (60) and the GSQ total (63) together would give the 3 away.
    assert not ("<td>60</td>" in html and "<td>63</td>" in html)
    assert not ("<td>50</td>" in html and "<td>53</td>" in html)
    csv = client.get(f"/personas/grafiek/{persona.pk}/venlo.csv").content.decode()
    assert ",3," not in csv and "<10" in csv


@pytest.mark.parametrize(
    "fmt,content_type",
    [("svg", "image/svg+xml"), ("png", "image/png"), ("csv", "text/csv; charset=utf-8")],
)
def test_chart_downloads(client, imported, kenmerken, regions, make_persona, fmt, content_type):
    persona = make_persona("Sanne", kenmerken=kenmerken[:2], dataset=imported)
    response = client.get(f"/personas/grafiek/{persona.pk}/venlo.{fmt}", {"download": 1})
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert "attachment" in response["Content-Disposition"]


def test_chart_download_errors_are_404(client, imported, kenmerken, regions, make_persona):
    persona = make_persona("Sanne", kenmerken=kenmerken[:2], dataset=imported)
    assert client.get(f"/personas/grafiek/{persona.pk}/venlo.gif").status_code == 404
    assert client.get(f"/personas/grafiek/{persona.pk}/rivierenland.svg").status_code == 404
    assert client.get(f"/personas/grafiek/{persona.pk + 999}/venlo.svg").status_code == 404
    persona.unpublish()
    assert client.get(f"/personas/grafiek/{persona.pk}/venlo.svg").status_code == 404


def test_persona_without_dataset_has_no_figures_section(client, make_persona, kenmerken):
    persona = make_persona("Sanne", kenmerken=kenmerken[:2])
    html = client.get(persona.url).text
    assert "Hoeveel jongeren" not in html


def test_age_outside_16_to_27_is_refused(persona_index):
    from django.core.exceptions import ValidationError

    from personas.models import PersonaPage

    for age in (15, 28):
        page = PersonaPage(
            title="Te oud", slug=f"te-oud-{age}", age=age, quote="x", story="<p>x</p>"
        )
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "age" in error.value.message_dict


def draftail(text):
    """Rich text as the Draftail editor posts it."""
    import json

    block = {
        "key": "a",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def test_editor_creates_persona_in_admin_with_errors_first(client, persona_index, kenmerken):
    from django.contrib.auth.models import Group

    from leernetwerk.core.factories import UserFactory
    from personas.models import PersonaPage

    editor = UserFactory(username="redacteur")
    editor.groups.add(Group.objects.get(name="Redactie NJi"))
    client.force_login(editor)
    url = f"/cms/pages/add/personas/personapage/{persona_index.pk}/"
    data = {
        "title": "Nieuwe persona",
        "slug": "nieuwe-persona",
        "age": "40",
        "quote": "Dit is mijn verhaal.",
        "story": draftail("Verhaal"),
        "helps": draftail("Een vaste coach"),
        "does_not_help": draftail("Wachtlijsten"),
        "kenmerken": [kenmerken[0].pk],
        "situations-TOTAL_FORMS": "0",
        "situations-INITIAL_FORMS": "0",
        "situations-MIN_NUM_FORMS": "0",
        "situations-MAX_NUM_FORMS": "1000",
        "related_pages-TOTAL_FORMS": "0",
        "related_pages-INITIAL_FORMS": "0",
        "related_pages-MIN_NUM_FORMS": "0",
        "related_pages-MAX_NUM_FORMS": "1000",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # form shown again with the error
    assert not PersonaPage.objects.filter(slug="nieuwe-persona").exists()
    data["age"] = "20"
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    assert PersonaPage.objects.get(slug="nieuwe-persona").age == 20
