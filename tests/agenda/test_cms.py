"""Registrations in the CMS: who may see and export them (per role), the per-event and
status filters, and cells a spreadsheet would run as a formula escaped in the CSV."""

import pytest
from django.contrib.auth.models import Group

from agenda.factories import make_event
from agenda.models import Registration
from agenda.services import register
from leernetwerk.core.factories import UserFactory
from leernetwerk.core.roles import MODERATOR, PROFESSIONAL, REDACTIE

pytestmark = pytest.mark.django_db

LIST = "/cms/snippets/agenda/registration/"


def _member(group):
    user = UserFactory(username=f"lid-{group.lower().replace(' ', '-')}")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def registrations(event, index):
    register(event, name='=HYPERLINK("https://kwaad.example","klik")', email="a@example.org",
             organisation="@SUM(A1)")  # fmt: skip
    register(event, name="Gewone Naam", email="b@example.org", organisation="+31 wijkteam")
    other = make_event(index, "Andere werksessie", days=12, kind="werksessie")
    register(other, name="Andere Deelnemer", email="c@example.org")
    return event, other


def _csv(client, query=""):
    response = client.get(f"{LIST}?export=csv{query}")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def test_csv_export_escapes_formula_cells(client, superuser, registrations):
    client.force_login(superuser)
    body = _csv(client)
    assert "'=HYPERLINK" in body and "'@SUM(A1)" in body and "'+31 wijkteam" in body
    assert "\n=HYPERLINK" not in body and ",=HYPERLINK" not in body and ",@SUM" not in body
    assert body.splitlines()[0].startswith("Bijeenkomst,Begint op,Status,Naam,E-mailadres")


def test_export_filters_per_event_and_status(client, superuser, registrations):
    event, other = registrations
    client.force_login(superuser)
    body = _csv(client, f"&event={other.pk}")
    assert "Andere Deelnemer" in body and "Gewone Naam" not in body
    Registration.objects.filter(email="b@example.org").update(status="wachtlijst")
    body = _csv(client, "&status=wachtlijst")
    assert "Gewone Naam" in body and "Andere Deelnemer" not in body


def test_xlsx_export(client, superuser, registrations):
    client.force_login(superuser)
    response = client.get(f"{LIST}?export=xlsx")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"PK"  # a zip: the XLSX package


@pytest.mark.parametrize("group", [REDACTIE, MODERATOR])
def test_editors_and_moderators_view_and_export(client, registrations, group):
    client.force_login(_member(group))
    assert client.get(LIST).status_code == 200
    assert "Gewone Naam" in _csv(client)
    registration = Registration.objects.get(email="b@example.org")
    # View and export only: nobody edits or deletes personal data in the CMS.
    assert client.get(f"{LIST}edit/{registration.pk}/").status_code in (302, 403)
    assert client.post(f"{LIST}delete/{registration.pk}/").status_code in (302, 403)
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_professional_and_anonymous_see_nothing(client, registrations):
    anonymous = client.get(f"{LIST}?export=csv")
    assert anonymous.status_code == 302 and "Gewone Naam" not in anonymous.content.decode()
    client.force_login(_member(PROFESSIONAL))
    response = client.get(f"{LIST}?export=csv")
    assert response.status_code in (302, 403)
    assert not hasattr(response, "streaming_content")


def test_event_editor_opens_with_the_report_chooser_limited(client, superuser, event, index):
    client.force_login(superuser)
    add = client.get(f"/cms/pages/add/agenda/eventpage/{index.pk}/")
    assert add.status_code == 200
    edit = client.get(f"/cms/pages/{event.pk}/edit/")
    assert edit.status_code == 200
    html = edit.content.decode()
    assert "learning.leercirkel" in html.lower()  # the chooser asks for learning circles only
    assert client.get("/cms/snippets/agenda/registration/").status_code == 200
