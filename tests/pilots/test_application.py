"""The pilot application: window, the two-sector-group rule, storage, mail, spam and abuse."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from leernetwerk.taxonomy.models import SectorGroep
from pilots.factories import application_data, make_oproep
from pilots.models import Aanmelding, AanmeldingOrganisatie

pytestmark = pytest.mark.django_db

TWO_GROUPS_MESSAGE = "ten minste twee verschillende sectorgroepen"


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def oproep(index):
    return make_oproep(index)


def _post_data(applicant, organisations, **overrides):
    data = application_data(applicant.pk, organisations)
    data.update(overrides)
    return data


def _submit(client, oproep, data):
    return client.post(oproep.url, data)


def test_form_renders_when_open(client, oproep):
    html = client.get(oproep.url).content.decode()
    assert "Aanmeldformulier" in html
    assert 'name="org-0-sector"' in html
    assert 'name="website"' in html  # honeypot present, hidden


@pytest.mark.parametrize(
    ("organisations", "valid"),
    [
        ([], False),  # 0 groups
        ([("Jongerenwerk Noord", "welzijn")], False),  # 1 group
        ([("Jongerenwerk", "welzijn"), ("Wijkteam", "welzijn")], False),  # duplicates of one
        ([("Jongerenwerk", "welzijn"), ("Mbo-college", "onderwijs")], True),  # 2 groups
        (
            [
                ("Jongerenwerk", "welzijn"),
                ("Jeugdhulp Oost", "jeugdhulp"),
                ("Werkplein", "werk-inkomen"),
                ("Praktijkschool", "onderwijs"),
                ("Wijkteam", "welzijn"),
            ],
            True,
        ),  # all 4 groups, with a duplicate
    ],
)
def test_sector_group_rule(client, oproep, regio_a, organisations, valid):
    response = _submit(client, oproep, _post_data(regio_a, organisations))
    if valid:
        assert response.status_code == 302
        aanmelding = Aanmelding.objects.get()
        assert aanmelding.organisations.count() == len(organisations)
        assert aanmelding.status == "ontvangen"
    else:
        assert response.status_code == 400
        assert TWO_GROUPS_MESSAGE in response.content.decode()
        assert not Aanmelding.objects.exists()
        assert not AanmeldingOrganisatie.objects.exists()


def test_single_group_message_names_the_group(client, oproep, regio_a):
    organisations = [("Jongerenwerk", "welzijn"), ("Wijkteam", "welzijn")]
    html = _submit(client, oproep, _post_data(regio_a, organisations)).content.decode()
    assert "Alle organisaties horen nu bij dezelfde sectorgroep (Welzijn)" in html


def test_incomplete_organisation_rows_and_fields_give_dutch_errors(client, oproep, regio_a):
    data = _post_data(
        regio_a,
        [("Jongerenwerk", "welzijn"), ("Zonder sector", None)],
        **{"org-2-sector": SectorGroep.objects.get(slug="onderwijs").pk},
        contact_email="geen-adres",
        motivation="Te kort.",
        regio="999999",
    )
    response = _submit(client, oproep, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kies de sectorgroep van deze organisatie." in html
    assert "Vul de naam van de organisatie in." in html
    assert "Vul een geldig e-mailadres in" in html
    assert "Onbekende regio &#x27;999999&#x27;." in html
    assert "ten minste 50 tekens" in html
    assert not Aanmelding.objects.exists()


def test_tampered_or_missing_formset_is_rejected_without_500(client, oproep, regio_a):
    data = _post_data(regio_a, [("A", "welzijn"), ("B", "onderwijs")])
    del data["org-TOTAL_FORMS"]
    response = _submit(client, oproep, data)
    assert response.status_code == 400
    data = _post_data(regio_a, [("A", "welzijn"), ("B", "onderwijs")], **{"org-0-sector": "xx"})
    assert _submit(client, oproep, data).status_code == 400
    assert client.post(oproep.url, {}).status_code == 400
    assert not Aanmelding.objects.exists()


def test_valid_application_is_stored_and_confirmed(client, oproep, regio_a):
    organisations = [("Jongerenwerk Alfa", "welzijn"), ("Mbo Alfa", "onderwijs")]
    response = _submit(client, oproep, _post_data(regio_a, organisations))
    assert response.status_code == 302
    assert response["Location"].endswith("/bedankt/")
    assert "Bedankt voor uw aanmelding" in client.get(response["Location"]).content.decode()
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.regio == regio_a and aanmelding.oproep.pk == oproep.pk
    assert aanmelding.sector_groups_display() == "Welzijn, Onderwijs"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fatima@gemeente.example"]
    assert "Jongerenwerk Alfa (Welzijn)" in message.body


def test_mail_failure_keeps_the_application(client, oproep, regio_a, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("smtp weg")

    monkeypatch.setattr("pilots.views.send_email", broken)
    data = _post_data(regio_a, [("A", "welzijn"), ("B", "onderwijs")])
    assert _submit(client, oproep, data).status_code == 302
    assert Aanmelding.objects.count() == 1


@pytest.mark.parametrize("days", [-1, +1])
def test_closed_window_rejects(client, index, regio_a, days):
    today = timezone.localdate()
    if days < 0:  # closed yesterday
        oproep = make_oproep(
            index, today - datetime.timedelta(days=30), today + datetime.timedelta(days)
        )
        message = "De aanmelding is gesloten"
    else:  # opens tomorrow
        oproep = make_oproep(
            index, today + datetime.timedelta(days), today + datetime.timedelta(30)
        )
        message = "nog gesloten"
    page = client.get(oproep.url)
    assert message in page.content.decode()
    assert 'name="org-0-name"' not in page.content.decode()
    data = _post_data(regio_a, [("A", "welzijn"), ("B", "onderwijs")])
    response = _submit(client, oproep, data)
    assert response.status_code == 403
    assert message in response.content.decode()
    assert not Aanmelding.objects.exists()


def test_window_includes_first_and_last_day(index):
    today = timezone.localdate()
    assert make_oproep(index, today, today, title="Eén dag").window_state() == "open"


def test_honeypot_pretends_success_but_stores_nothing(client, oproep, regio_a):
    data = _post_data(regio_a, [("A", "welzijn"), ("B", "onderwijs")], website="http://spam")
    response = _submit(client, oproep, data)
    assert response.status_code == 302
    assert not Aanmelding.objects.exists()
    assert mail.outbox == []


def test_rate_limit_per_address(client, oproep, regio_a):
    data = _post_data(regio_a, [("A", "welzijn"), ("B", "onderwijs")])
    for _ in range(5):
        assert _submit(client, oproep, data).status_code == 302
    response = _submit(client, oproep, data)
    assert response.status_code == 429
    assert "Probeer het later opnieuw" in response.content.decode()
    assert Aanmelding.objects.count() == 5


def test_closing_before_opening_is_invalid(index):
    from django.core.exceptions import ValidationError

    today = timezone.localdate()
    oproep = make_oproep(index, today, today + datetime.timedelta(5), title="Fout")
    oproep.closes_on = today - datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        oproep.full_clean()


def test_admin_listing_and_csv_export(client, superuser, oproep, regio_a):
    _submit(client, oproep, _post_data(regio_a, [("Alfa Welzijn", "welzijn"), ("B", "onderwijs")]))
    client.force_login(superuser)
    listing = client.get("/cms/snippets/pilots/aanmelding/")
    assert listing.status_code == 200
    assert "Fatima de Vries" in listing.content.decode()
    export = client.get("/cms/snippets/pilots/aanmelding/?export=csv")
    assert export.status_code == 200
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "Fatima de Vries" in body and "Alfa Welzijn (Welzijn)" in body


def test_admin_listing_is_for_editors_only(client, user, oproep):
    client.force_login(user)
    assert client.get("/cms/snippets/pilots/aanmelding/").status_code in (302, 403)
