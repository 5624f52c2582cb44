"""The kennisbank page types in the read-only Wagtail API v2."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from learning.factories import add_leercirkel, add_les, add_richtlijn
from learning.models import Les, RichtlijnDocument, RichtlijnLes

pytestmark = pytest.mark.django_db


def _items(client, type_, **params):
    response = client.get("/api/v2/pages/", {"type": type_, "fields": "*", **params})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_lesson_fields(client, content):
    items = _items(client, "learning.Les", title="Een eigen woning vinden")
    assert len(items) == 1
    item = items[0]
    assert item["summary"].startswith("Jongeren vonden")
    assert item["date"] == "2019-05-01"
    assert "coördinatie" in item["context"]
    assert item["learned_at"] == {
        "id": content["cirkel"].pk,
        "title": "Tweede leercirkel",
        "url": content["cirkel"].url,
    }
    assert item["levensgebieden"] == [
        {"slug": "wonen", "name": "Wonen", "scheme": "levensgebieden"}
    ]
    assert item["sectoren"] == [{"slug": "welzijn", "name": "Welzijn"}]
    assert item["regio"] == {"slug": "venlo", "name": "Venlo"}
    assert item["kennisbronnen"] == [{"value": "ervaringskennis", "label": "Ervaringskennis"}]
    assert sorted(item["tags"]) == ["coaching", "wonen"]


def test_leercirkel_and_guideline_fields(client, content, kennisbank):
    guideline = content["guideline"]
    doc = get_document_model().objects.create(title="Richtlijn (pdf)")
    doc.file.save("richtlijn.pdf", ContentFile(b"%PDF-1.4"), save=True)
    RichtlijnDocument.objects.create(richtlijn=guideline, document=doc, description="Volledig")
    RichtlijnLes.objects.create(richtlijn=guideline, les=content["wonen"])
    RichtlijnLes.objects.create(richtlijn=guideline, les=content["werk"])
    content["werk"].unpublish()  # unpublished lessons are not linked

    [cirkel] = _items(client, "learning.Leercirkel")
    assert cirkel["kind"] == "leercirkel"
    assert cirkel["date"] == "2018-11-22"
    assert cirkel["theme"] == "Toekomstplan"
    assert cirkel["tags"] == ["netwerk"]

    [item] = _items(client, "learning.Richtlijn")
    assert item["status"] == "vastgesteld"
    assert item["adoption_date"] == "2019-11-01"
    assert item["responsible"] == "Nederlands Jeugdinstituut"
    assert item["documents"] == [
        {"title": "Richtlijn (pdf)", "description": "Volledig", "url": doc.url}
    ]
    assert [link["title"] for link in item["related_lessons"]] == ["Een eigen woning vinden"]


def test_drafts_are_not_in_the_api(client, kennisbank):
    draft = add_les(kennisbank, "Nog niet klaar")
    draft.unpublish()
    assert _items(client, "learning.Les") == []
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_api_is_read_only(client, content):
    response = client.post("/api/v2/pages/", {"title": "x"})
    assert response.status_code == 405


def test_bad_type_is_a_400_in_dutch(client):
    response = client.get("/api/v2/pages/", {"type": "learning.Bestaatniet"})
    assert response.status_code == 400
    assert response.json()["message"] == "Dit paginatype bestaat niet."
    assert response.json()["detail"] == "type doesn't exist"


BAD_REQUESTS = [
    ("/api/v2/pages/", {"limit": "-1"}, "limit moet een positief geheel getal zijn."),
    ("/api/v2/pages/", {"limit": "500"}, "limit mag niet hoger zijn dan 20."),
    ("/api/v2/pages/", {"offset": "x"}, "offset moet een positief geheel getal zijn."),
    ("/api/v2/pages/", {"child_of": "abc"}, "child_of moet een positief geheel getal zijn."),
    ("/api/v2/pages/", {"child_of": "999999"}, "De pagina in child_of bestaat niet."),
    ("/api/v2/pages/", {"descendant_of": "999999"}, "De pagina in descendant_of bestaat niet."),
    ("/api/v2/pages/", {"ancestor_of": "999999"}, "De pagina in ancestor_of bestaat niet."),
    ("/api/v2/pages/", {"order": "bestaatniet"}, "Sorteren op ‘bestaatniet’ kan niet: onbekend veld."),  # noqa: E501
    ("/api/v2/pages/", {"order": "random", "offset": "2"}, "Willekeurige volgorde (order=random) kan niet samen met offset."),  # noqa: E501
    ("/api/v2/pages/", {"onzin": "1"}, "Onbekende parameter: onzin. Gebruik een veld van dit type of een bewerking."),  # noqa: E501
    ("/api/v2/pages/", {"fields": "bestaatniet"}, "Onbekende velden in fields: bestaatniet."),
    ("/api/v2/pages/", {"fields": "title("}, "Fout in fields: de invoer houdt onverwacht op (ontbreekt er een sluithaakje?)."),  # noqa: E501
    ("/api/v2/pages/", {"fields": "*,title"}, "Fout in fields: naast ‘*’ hebben extra velden geen zin."),  # noqa: E501
    ("/api/v2/pages/", {"fields": "-*"}, "Fout in fields: ‘*’ kan niet worden uitgesloten."),
    ("/api/v2/pages/", {"fields": "title)"}, "Fout in fields: onverwacht teken ‘)’ op positie 5."),
    ("/api/v2/pages/", {"type": "learning.Les", "date": "gisteren"}, "Waarde van ‘gisteren’ heeft een ongeldige datumnotatie. De juiste notatie is YYYY-MM-DD."),  # noqa: E501
    ("/api/v2/images/", {"limit": "-5"}, "limit moet een positief geheel getal zijn."),
    ("/api/v2/documents/", {"order": "bestaatniet"}, "Sorteren op ‘bestaatniet’ kan niet: onbekend veld."),  # noqa: E501
]  # fmt: skip


@pytest.mark.parametrize(("url", "params", "message"), BAD_REQUESTS)
def test_bad_parameters_get_a_dutch_400(client, content, url, params, message):
    response = client.get(url, params)
    assert response.status_code == 400
    assert response.json()["message"] == message


def test_unknown_items_get_a_dutch_404(client):
    for url in ["/api/v2/pages/999999/", "/api/v2/images/999999/", "/api/v2/documents/9999/"]:
        response = client.get(url)
        assert response.status_code == 404
        assert "bestaat niet" in response.json()["message"]


def test_every_wagtail_api_message_has_a_dutch_text():
    """Each English message Wagtail's API can raise (read from its source, so a new
    Wagtail release with new messages fails here) matches one of our patterns."""
    import pathlib
    import re

    import wagtail.api.v2 as api

    from leernetwerk.core.api_errors import MESSAGES, in_dutch

    source = "".join(p.read_text() for p in pathlib.Path(api.__file__).parent.glob("*.py"))

    def raised(exception):
        return re.findall(exception + r"\(\s*f?\"([^\"]+)\"", source)

    general = in_dutch("iets onbekends")
    # The views prefix the parse errors of ?fields= with "fields error: ".
    messages = [m for m in raised("BadRequestError") if m != "fields error: %s"] + [
        "fields error: " + message for message in raised("FieldsParameterParseError")
    ]
    assert len(messages) > 25
    for message in messages:
        sample = re.sub(r"%d|\{[^}]*\}", "1", message).replace("%s", "x")
        assert in_dutch(sample) != general, message
    assert len({pattern for pattern, _dutch in MESSAGES}) == len(MESSAGES)  # no duplicates


@pytest.mark.parametrize("type_", ["learning.Les", "learning.Leercirkel", "learning.Richtlijn"])
def test_listing_query_count_does_not_grow(client, kennisbank, type_):
    def add(n, start):
        for i in range(start, start + n):
            if type_ == "learning.Les":
                add_les(kennisbank, f"Les {i}", domains=["werk"], tags=[f"t{i}"])
            elif type_ == "learning.Leercirkel":
                add_leercirkel(kennisbank, f"Sessie {i}", tags=[f"t{i}"])
            else:
                page = add_richtlijn(kennisbank, f"Richtlijn {i}", tags=[f"t{i}"])
                RichtlijnLes.objects.create(richtlijn=page, les=Les.objects.first())

    def count():
        with CaptureQueriesContext(connection) as ctx:
            _items(client, type_, limit=20)
        return len(ctx.captured_queries)

    add_les(kennisbank, "Basisles", date=datetime.date(2020, 1, 1))
    add(2, 0)
    count()  # warm per-process caches (content types, site root paths)
    small = count()
    add(6, 2)
    assert count() == small
