from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from toolkit.factories import OpgeslagenToetsFactory
from toolkit.models import OpgeslagenToets

URL = reverse("toolkit:toets")


def _answers(steps, **overrides):
    """POST data with every question answered; ``overrides`` by question label."""
    data = {}
    for stap in steps:
        for vraag in stap.vragen.all():
            data[vraag.field_name] = overrides.get(vraag.label, f"Antwoord op {vraag.label}")
    return data


def test_anonymous_walks_all_four_steps_and_nothing_is_stored(client, toets_steps):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Stap 1" in response.content.decode()
    data = _answers(toets_steps)
    for number in (1, 2, 3):
        response = client.post(URL, {**data, "stap": number, "actie": "volgende"})
        assert response.status_code == 200
        assert response.context["step"].number == number + 1
    response = client.post(URL, {**data, "stap": 4, "actie": "onderbouwing"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Antwoord op Verplichte vraag 1" in html
    assert "Antwoord op Open vraag 4" in html
    assert OpgeslagenToets.objects.count() == 0
    assert not client.session.keys()  # no server-side state either


def test_previous_step_keeps_answers_without_validation(client, toets_steps):
    data = _answers(toets_steps, **{"Verplichte vraag 2": ""})
    response = client.post(URL, {**data, "stap": 2, "actie": "vorige"})
    assert response.status_code == 200
    assert response.context["step"].number == 1
    assert "Antwoord op Verplichte vraag 1" in response.content.decode()


def test_required_question_blocks_next_with_dutch_message(client, toets_steps):
    data = _answers(toets_steps, **{"Verplichte vraag 1": "  "})
    response = client.post(URL, {**data, "stap": 1, "actie": "volgende"})
    assert response.status_code == 400
    assert "Beantwoord de vraag" in response.content.decode()
    assert response.context["step"].number == 1


def test_too_long_answer_is_refused(client, toets_steps):
    data = _answers(toets_steps, **{"Open vraag 1": "x" * 4001})
    response = client.post(URL, {**data, "stap": 1, "actie": "volgende"})
    assert response.status_code == 400
    assert "Houd het antwoord korter dan 4000 tekens." in response.content.decode()


@pytest.mark.parametrize("bad", ["abc", "99", "-1", ""])
def test_bad_step_number_falls_back_to_step_one(client, toets_steps, bad):
    response = client.post(URL, {**_answers(toets_steps), "stap": bad, "actie": "aanpassen"})
    assert response.status_code in (200, 400)
    assert response.context["step"].number == 1


@pytest.mark.parametrize(
    ("text", "warning"),
    [("Haar bsn is 123456782.", "burgerservicenummer"), ("Geboren 12-03-2005.", "geboortedatum")],
)
def test_personal_data_warns_until_confirmed(client, toets_steps, text, warning):
    data = _answers(toets_steps, **{"Open vraag 1": text})
    response = client.post(URL, {**data, "stap": 1, "actie": "volgende"})
    html = response.content.decode()
    assert response.status_code == 400
    assert warning in html
    assert 'name="geen_persoonsgegevens"' in html
    confirmed = {**data, "stap": 1, "actie": "volgende", "geen_persoonsgegevens": "on"}
    response = client.post(URL, confirmed)
    assert response.status_code == 200
    assert response.context["step"].number == 2


def test_personal_data_in_an_earlier_step_is_reported_too(client, toets_steps):
    data = _answers(toets_steps, **{"Open vraag 1": "bsn 111222333"})
    response = client.post(URL, {**data, "stap": 3, "actie": "volgende"})
    assert response.status_code == 400
    assert "Stap 1" in response.content.decode()


def test_anonymous_cannot_save(client, toets_steps):
    response = client.post(URL, {**_answers(toets_steps), "stap": 2, "actie": "opslaan"})
    assert response.status_code == 400
    assert "Log in om de toets op te slaan" in response.content.decode()
    assert OpgeslagenToets.objects.count() == 0


def test_professional_saves_and_continues_later(client, user, toets_steps):
    client.force_login(user)
    data = _answers(toets_steps)
    response = client.post(
        URL, {**data, "stap": 2, "actie": "opslaan", "omschrijving": "Casus begeleiding werk"}
    )
    saved = OpgeslagenToets.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("toolkit:toets_opgeslagen", args=[saved.pk])
    assert saved.owner == user and saved.step == 2
    assert saved.answers[str(toets_steps[0].vragen.first().pk)] == "Antwoord op Verplichte vraag 1"
    response = client.get(response.url)
    assert response.context["step"].number == 2
    assert "Antwoord op Verplichte vraag 1" in response.content.decode()
    # saving again updates the same record
    client.post(
        reverse("toolkit:toets_opgeslagen", args=[saved.pk]),
        {**data, "stap": 3, "actie": "opslaan", "omschrijving": "Casus begeleiding werk"},
    )
    assert OpgeslagenToets.objects.get().step == 3
    listing = client.get(reverse("toolkit:toets_lijst")).content.decode()
    assert "Casus begeleiding werk" in listing


def test_saving_with_personal_data_in_description_is_refused(client, user, toets_steps):
    client.force_login(user)
    data = {**_answers(toets_steps), "stap": 1, "actie": "opslaan", "omschrijving": "bsn 123456782"}
    response = client.post(URL, data)
    assert response.status_code == 400
    assert OpgeslagenToets.objects.count() == 0


def test_saved_toets_is_404_for_others(client, user, other_user, toets_steps):
    saved = OpgeslagenToetsFactory(owner=user)
    url = reverse("toolkit:toets_opgeslagen", args=[saved.pk])
    assert client.get(url).status_code == 404  # anonymous
    client.force_login(other_user)
    assert client.get(url).status_code == 404
    assert client.post(url, {"stap": 1, "actie": "opslaan"}).status_code == 404
    delete = reverse("toolkit:toets_verwijderen", args=[saved.pk])
    assert client.post(delete).status_code == 404
    assert OpgeslagenToets.objects.filter(pk=saved.pk).exists()
    assert "Toets" not in client.get(reverse("toolkit:toets_lijst")).context["items"].__repr__()


def test_owner_deletes_saved_toets(client, user, toets_steps):
    saved = OpgeslagenToetsFactory(owner=user)
    client.force_login(user)
    response = client.post(reverse("toolkit:toets_verwijderen", args=[saved.pk]))
    assert response.status_code == 302
    assert not OpgeslagenToets.objects.exists()


def test_saved_list_requires_login(client):
    response = client.get(reverse("toolkit:toets_lijst"))
    assert response.status_code == 302
    assert "/account/inloggen/" in response.url


def test_pdf_renders_answers_on_a4(client, toets_steps, tagged_pdf):
    data = _answers(toets_steps, **{"Verplichte vraag 4": "Artikel 2.3.5 Wmo 2015 als instrument"})
    response = client.post(reverse("toolkit:toets_pdf"), {**data, "stap": 4})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = tagged_pdf(response.content)
    reader = PdfReader(BytesIO(response.content))
    assert "Artikel 2.3.5 Wmo 2015 als instrument" in text
    assert "Onderbouwing" in text
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4 portrait in points
    assert OpgeslagenToets.objects.count() == 0


def test_pdf_with_missing_required_answer_returns_to_wizard(client, toets_steps):
    data = _answers(toets_steps, **{"Verplichte vraag 4": ""})
    response = client.post(reverse("toolkit:toets_pdf"), {**data, "stap": 4})
    assert response.status_code == 400
    assert "Beantwoord de vraag" in response.content.decode()


def test_pdf_only_accepts_post(client, toets_steps):
    assert client.get(reverse("toolkit:toets_pdf")).status_code == 405


def test_wizard_never_asks_for_names_or_bsn(client, toets_steps):
    html = client.get(URL).content.decode().lower()
    assert 'name="naam"' not in html and 'name="bsn"' not in html
    assert "vul geen namen, burgerservicenummers of geboortedata in" in html


def test_pdf_failure_shows_a_dutch_page_not_a_500(client, toets_steps, monkeypatch):
    import weasyprint

    def broken(*args, **kwargs):
        raise ValueError("kapotte CSS")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", broken)
    response = client.post(reverse("toolkit:toets_pdf"), {**_answers(toets_steps), "stap": 4})
    assert response.status_code == 503
    assert "Het PDF-bestand kon niet worden gemaakt" in response.content.decode()


def test_saved_list_query_count_does_not_grow(client, user, toets_steps):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(user)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("toolkit:toets_lijst")).status_code == 200
        return len(ctx.captured_queries)

    OpgeslagenToetsFactory.create_batch(2, owner=user)
    count()
    few = count()
    OpgeslagenToetsFactory.create_batch(8, owner=user)
    assert count() == few


def test_a_step_links_to_the_texts_of_its_laws(client, toets_steps):
    from toolkit.models import Financieringsbron

    jeugdwet = Financieringsbron.objects.create(
        name="Jeugdwet", law_url="https://wetten.overheid.nl/BWBR0034925"
    )
    eigen = Financieringsbron.objects.create(name="Gemeentelijke verordening")
    toets_steps[1].laws.set([jeugdwet, eigen])
    data = _answers(toets_steps)
    first = client.get(URL).content.decode()
    assert "Wetteksten om na te lezen" not in first
    html = client.post(URL, {**data, "stap": 1, "actie": "volgende"}).content.decode()
    assert (
        "Wetteksten om na te lezen: Gemeentelijke verordening, "
        '<a href="https://wetten.overheid.nl/BWBR0034925" rel="external">Jeugdwet</a>.' in html
    )
