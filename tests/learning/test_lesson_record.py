"""Lessons and guidelines as databank records: sources, contact, target age, evidence
level, related lessons on both sides, recommendations, change log and their PDFs."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from learning.factories import add_les, add_richtlijn
from learning.models import (
    Les,
    LesBron,
    LesVerwant,
    Richtlijn,
    RichtlijnAanbeveling,
    RichtlijnWijziging,
)

pytestmark = pytest.mark.django_db


def _record(les):
    """Give ``les`` every new field and publish it."""
    les.author = "Team 12, gemeente Venlo"
    les.last_reviewed = datetime.date(2024, 3, 5)
    les.target_age_from, les.target_age_to = 16, 23
    les.evidence_level = "goed_beschreven"
    les.contact_name = "Sanne de Wit"
    les.contact_organisation = "Nederlands Jeugdinstituut"
    les.contact_email = "kennisbank@voorbeeld.test"
    les.sources = [
        LesBron(title="Jeugdwet", author="Rijksoverheid", year=2015),
        LesBron(title="Databank Effectieve jeugdinterventies", url="https://www.nji.nl"),
    ]
    les.save_revision().publish()
    return Les.objects.get(pk=les.pk)


def _link(les, *targets):
    les.related_links = [LesVerwant(related=target) for target in targets]
    les.save_revision().publish()


# Validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age_from", "age_to", "field"),
    [(11, 20, "target_age_from"), (16, 31, "target_age_to"), (23, 16, "target_age_to")],
)
def test_target_age_must_lie_within_12_to_30_and_run_upwards(content, age_from, age_to, field):
    les = content["wonen"]
    les.target_age_from, les.target_age_to = age_from, age_to
    with pytest.raises(ValidationError) as raised:
        les.full_clean()
    assert field in raised.value.message_dict
    assert (
        "jaar" in raised.value.message_dict[field][0]
        or "lager" in raised.value.message_dict[field][0]
    )


def test_target_age_reads_as_dutch(content):
    les = content["wonen"]
    for age_from, age_to, label in [
        (16, 23, "16 tot 23 jaar"),
        (18, None, "vanaf 18 jaar"),
        (None, 27, "tot 27 jaar"),
        (18, 18, "18 jaar"),
        (None, None, ""),
    ]:
        les.target_age_from, les.target_age_to = age_from, age_to
        les.full_clean()
        assert str(les.target_age_label) == label


def test_source_url_must_be_https_and_year_not_far_ahead(content):
    source = LesBron(les=content["wonen"], title="Onderzoek", url="http://www.nji.nl")
    with pytest.raises(ValidationError) as raised:
        source.full_clean()
    assert "https://" in raised.value.message_dict["url"][0]
    future = LesBron(les=content["wonen"], title="Onderzoek", year=datetime.date.today().year + 5)
    with pytest.raises(ValidationError) as raised:
        future.full_clean()
    assert "toekomst" in raised.value.message_dict["year"][0]
    LesBron(
        les=content["wonen"], title="Onderzoek", url="https://www.nji.nl", year=2020
    ).full_clean()


def test_a_lesson_cannot_link_to_itself(content):
    les = content["wonen"]
    with pytest.raises(ValidationError) as raised:
        LesVerwant(les=les, related=les).full_clean()
    assert "zichzelf" in raised.value.message_dict["related"][0]


def test_guideline_versions_are_unique(content):
    guideline = content["guideline"]
    guideline.changes = [
        RichtlijnWijziging(version="1.0", date=datetime.date(2019, 1, 1), description="Eerste"),
        RichtlijnWijziging(version="1.0", date=datetime.date(2020, 1, 1), description="Nog eens"),
    ]
    with pytest.raises(ValidationError) as raised:
        guideline.full_clean()
    assert "1.0" in str(raised.value)


def _lesson_form(les, related):
    return nested_form_data(
        {
            "title": les.title,
            "slug": les.slug,
            "summary": les.summary,
            "date": "2019-05-01",
            "context": rich_text(""),
            "approach": rich_text(""),
            "worked": rich_text(""),
            "did_not_work": rich_text(""),
            "tips": rich_text(""),
            "tags": "",
            "sources": inline_formset([]),
            "related_links": inline_formset([{"related": page.pk} for page in related]),
            "target_age_from": "16",
            "target_age_to": "23",
        }
    )


def test_cms_refuses_a_self_link_and_a_double_link_at_the_row(client, superuser, content):
    les, other = content["wonen"], content["werk"]
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:edit", args=(les.pk,))
    revisions = les.revisions.count()
    for related, message in [([les], "zichzelf"), ([other, other], "al in de lijst")]:
        response = client.post(url, _lesson_form(les, related))
        assert response.status_code == 200  # the form again, with the message
        assert message in response.content.decode()
        assert les.revisions.count() == revisions  # nothing saved
    response = client.post(url, _lesson_form(les, [other]))
    assert response.status_code == 302
    saved = Les.objects.get(pk=les.pk).get_latest_revision_as_object()
    assert [link.related_id for link in saved.related_links.all()] == [other.pk]
    assert (saved.target_age_from, saved.target_age_to) == (16, 23)


def test_cms_refuses_a_version_twice(client, superuser, content):
    guideline = content["guideline"]
    client.force_login(superuser)
    change = {"date": "2020-01-01", "description": "Aangepast"}
    data = nested_form_data(
        {
            "title": guideline.title,
            "slug": guideline.slug,
            "kind": "richtlijn",
            "status": "vastgesteld",
            "version": "2.0",
            "responsible": "NJi",
            "summary": guideline.summary,
            "body": "[]",
            "body-count": "0",
            "verantwoording": rich_text(""),
            "recommendations": inline_formset([]),
            "changes": inline_formset([{**change, "version": "1.0"}, {**change, "version": "1.0"}]),
            "documents": inline_formset([]),
            "related_lessons": inline_formset([]),
            "tags": "",
        }
    )
    url = reverse("wagtailadmin_pages:edit", args=(guideline.pk,))
    revisions = guideline.revisions.count()
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Versie 1.0 staat al in de wijzigingen" in response.content.decode()
    assert guideline.revisions.count() == revisions


# The lesson page ------------------------------------------------------------------------


def test_lesson_page_shows_the_facts_block(client, content):
    les = _record(content["wonen"])
    html = client.get(les.url).content.decode()
    for text in [
        "Over deze les",
        "16 tot 23 jaar",
        "Goed beschreven",
        "Team 12, gemeente Venlo",
        "5 maart 2024",
        "Sanne de Wit, Nederlands Jeugdinstituut",
        'href="mailto:kennisbank@voorbeeld.test"',
        "Rijksoverheid (2015). <cite>Jeugdwet</cite>",
        '<a href="https://www.nji.nl">Databank Effectieve jeugdinterventies</a>',
        f'href="{les.url}factsheet/"',
    ]:
        assert text in html, text


def test_lesson_without_details_shows_only_the_factsheet(client, content):
    html = client.get(content["werk"].url).content.decode()
    assert "Over deze les" in html and "factsheet/" in html
    assert "Leeftijd" not in html and "mailto:" not in html and "Verwante lessen" not in html


def test_related_lessons_show_on_both_sides_with_constant_queries(client, content, kennisbank):
    les, other = content["wonen"], content["werk"]
    _link(les, other)
    assert "Verwante lessen" in client.get(les.url).content.decode()
    back = client.get(other.url).content.decode()
    assert "Verwante lessen" in back and "Een eigen woning vinden" in back

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(les.url).status_code == 200
        return len(ctx.captured_queries)

    count()
    small = count()
    extra = [add_les(kennisbank, f"Extra les {i}") for i in range(5)]
    _link(les, other, *extra[:3])
    for page in extra[3:]:
        _link(page, les)  # linking to it: shown on this lesson too
    html = client.get(les.url).content.decode()
    assert all(page.title in html for page in extra)
    assert count() == small


def test_unpublished_related_lessons_are_hidden(client, content):
    les, other = content["wonen"], content["werk"]
    _link(les, other)
    other.unpublish()
    assert "Verwante lessen" not in client.get(les.url).content.decode()


# PDFs -----------------------------------------------------------------------------------


def test_factsheet_is_a_tagged_pdf_with_the_lesson(client, content, tagged_pdf):
    les = _record(content["wonen"])
    response = client.get(f"{les.url}factsheet/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "factsheet-een-eigen-woning-vinden.pdf" in response["Content-Disposition"]
    text = tagged_pdf(response.content)
    for words in ["Een eigen woning vinden", "16 tot 23 jaar", "Jeugdwet", "Goed beschreven"]:
        assert words in text, words


def test_factsheet_is_made_once_per_publication(client, content, monkeypatch):
    from learning import pdf

    les = content["wonen"]
    made = []
    real = pdf.render_pdf_bytes
    monkeypatch.setattr(pdf, "render_pdf_bytes", lambda *a: made.append(1) or real(*a))
    client.get(f"{les.url}factsheet/")
    client.get(f"{les.url}factsheet/")
    assert len(made) == 1
    les.save_revision().publish()
    client.get(f"{les.url}factsheet/")
    assert len(made) == 2


def test_uploaded_factsheet_replaces_the_generated_one(client, content):
    les = content["wonen"]
    doc = get_document_model().objects.create(title="Factsheet (eigen)")
    doc.file.save("factsheet.pdf", ContentFile(b"%PDF-1.4 eigen"), save=True)
    les.factsheet_document = doc
    les.save_revision().publish()
    response = client.get(f"{les.url}factsheet/")
    assert response.status_code == 302 and response["Location"] == doc.url
    assert f'href="{doc.url}"' in client.get(les.url).content.decode()


def test_a_failing_pdf_gives_a_dutch_page_not_a_500(client, content, monkeypatch):
    from learning import pdf
    from leernetwerk.core.pdf import PdfError

    def fail(*args):
        raise PdfError("kapot")

    monkeypatch.setattr(pdf, "render_pdf_bytes", fail)
    response = client.get(f"{content['wonen'].url}factsheet/")
    assert response.status_code == 503
    assert "De PDF is nu niet beschikbaar" in response.content.decode()


def _guideline_record(guideline):
    guideline.recommendations = [
        RichtlijnAanbeveling(
            text="Begin uiterlijk op zestien jaar met het toekomstplan.",
            strength="sterk",
            justification="<p>Jongeren die vroeg begonnen, hadden minder breuken in hun hulp.</p>",
        ),
        RichtlijnAanbeveling(text="Nodig het netwerk uit bij elk gesprek.", strength="consensus"),
    ]
    guideline.verantwoording = "<p>Geschreven door een werkgroep met ervaringsdeskundigen.</p>"
    guideline.changes = [
        RichtlijnWijziging(
            version="1.0", date=datetime.date(2019, 11, 1), description="Eerste versie."
        ),
        RichtlijnWijziging(
            version="1.1", date=datetime.date(2021, 4, 1), description="Netwerk toegevoegd."
        ),
    ]
    guideline.save_revision().publish()
    return Richtlijn.objects.get(pk=guideline.pk)


def test_guideline_page_shows_recommendations_justification_and_changes(client, content):
    guideline = _guideline_record(content["guideline"])
    html = client.get(guideline.url).content.decode()
    for text in [
        "Aanbevelingen",
        "Begin uiterlijk op zestien jaar met het toekomstplan.",
        "Sterke aanbeveling",
        "Goede praktijk (consensus in het veld)",
        "minder breuken in hun hulp",
        "Verantwoording",
        "werkgroep met ervaringsdeskundigen",
        "Wijzigingen per versie",
        f'href="{guideline.url}pdf/"',
    ]:
        assert text in html, text
    assert html.index("Netwerk toegevoegd.") < html.index("Eerste versie.")  # newest first


def test_guideline_pdf_is_tagged_and_has_the_recommendations(client, content, tagged_pdf):
    guideline = _guideline_record(content["guideline"])
    response = client.get(f"{guideline.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = tagged_pdf(response.content)
    for words in [
        "Richtlijn overgang naar volwassenheid",
        "Begin uiterlijk op zestien",
        "Verantwoording",
        "1.1",
    ]:
        assert words in text, words


# Search and API -------------------------------------------------------------------------


def test_recommendations_and_source_titles_are_searchable_without_queries(content):
    les = _record(content["wonen"])
    guideline = _guideline_record(content["guideline"])
    les = Les.objects.get(pk=les.pk)
    guideline = Richtlijn.objects.get(pk=guideline.pk)
    with CaptureQueriesContext(connection) as ctx:
        assert "Databank Effectieve jeugdinterventies" in les.search_text()
        assert "Nodig het netwerk uit" in guideline.search_text()
        assert "ervaringsdeskundigen" in guideline.search_text()
    assert not ctx.captured_queries


def test_kennisbank_search_finds_a_source_title_and_a_recommendation(client, content):
    _record(content["wonen"])
    _guideline_record(content["guideline"])
    found = client.get("/api/search/", {"q": "jeugdinterventies"}).json()["results"]
    assert [hit["title"] for hit in found] == ["Een eigen woning vinden"]
    found = client.get("/api/search/", {"q": "netwerk uitnodigen gesprek"}).json()["results"]
    assert "Richtlijn overgang naar volwassenheid" in [hit["title"] for hit in found]


def _api(client, type_, **params):
    response = client.get("/api/v2/pages/", {"type": type_, "fields": "*", **params})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_api_lesson_and_guideline_fields(client, content):
    les = _record(content["wonen"])
    _link(content["werk"], les)
    _guideline_record(content["guideline"])
    [item] = _api(client, "learning.Les", title="Een eigen woning vinden")
    assert item["author"] == "Team 12, gemeente Venlo"
    assert item["last_reviewed"] == "2024-03-05"
    assert item["evidence_level"] == {"value": "goed_beschreven", "label": "Goed beschreven"}
    assert item["details"] == {
        "target_age": {"from": 16, "to": 23, "label": "16 tot 23 jaar"},
        "contact": {
            "name": "Sanne de Wit",
            "organisation": "Nederlands Jeugdinstituut",
            "email": "kennisbank@voorbeeld.test",
        },
        "factsheet_url": f"{les.url}factsheet/",
    }
    assert item["sources"][0] == {
        "title": "Jeugdwet",
        "author": "Rijksoverheid",
        "year": 2015,
        "url": "",
    }
    assert [link["title"] for link in item["related_lessons"]] == ["Van school naar werk"]

    [guideline] = _api(client, "learning.Richtlijn")
    assert guideline["recommendations"][0]["strength"] == {
        "value": "sterk",
        "label": "Sterke aanbeveling",
    }
    assert "minder breuken" in guideline["recommendations"][0]["justification"]
    assert "werkgroep" in guideline["verantwoording"]
    assert [change["version"] for change in guideline["changes"]] == ["1.1", "1.0"]


def test_api_lesson_listing_query_count_does_not_grow(client, kennisbank):
    def add(start, n):
        for i in range(start, start + n):
            les = add_les(kennisbank, f"Les {i}")
            les.sources = [LesBron(title=f"Bron {i}")]
            les.related_links = [LesVerwant(related=Les.objects.order_by("pk").first())]
            les.save_revision().publish()

    def count():
        with CaptureQueriesContext(connection) as ctx:
            _api(client, "learning.Les", limit=20)
        return len(ctx.captured_queries)

    add_les(kennisbank, "Basisles")
    add(0, 2)
    count()
    small = count()
    add(2, 6)
    assert count() == small


def test_guideline_listing_with_records_keeps_its_query_count(client, kennisbank):
    def add(start, n):
        for i in range(start, start + n):
            _guideline_record(add_richtlijn(kennisbank, f"Richtlijn {i}"))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            _api(client, "learning.Richtlijn", limit=20)
        return len(ctx.captured_queries)

    add(0, 2)
    count()
    small = count()
    add(2, 4)
    assert count() == small
