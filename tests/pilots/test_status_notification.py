"""The applicant hears when the status of a pilot application changes in the CMS."""

import pytest
from django.core import mail

from leernetwerk.core.factories import UserFactory
from leernetwerk.notifications.models import Notification, Preference
from pilots.factories import make_oproep
from pilots.models import Aanmelding


@pytest.fixture
def aanmelding(index, regio_a):
    oproep = make_oproep(index)
    return Aanmelding.objects.create(
        oproep=oproep,
        regio=regio_a,
        contact_name="Noor Bakker",
        contact_email="noor@gemeente.example.org",
        motivation="Wij willen leren.",
    )


def _change(aanmelding, status):
    stored = Aanmelding.objects.get(pk=aanmelding.pk)  # as the CMS loads it
    stored.status = status
    stored.save()
    return stored


def test_an_applicant_without_account_gets_a_mail(aanmelding):
    mail.outbox.clear()
    _change(aanmelding, "geselecteerd")
    [message] = mail.outbox
    assert message.to == ["noor@gemeente.example.org"]
    assert "geselecteerd" in message.subject and "Noor Bakker" in message.body


def test_an_applicant_with_account_gets_it_by_their_own_choice(aanmelding):
    user = UserFactory(email="Noor@gemeente.example.org")
    Preference.objects.create(user=user, kind="pilots.application_status", choice="digest")
    mail.outbox.clear()
    _change(aanmelding, "afgewezen")
    assert mail.outbox == []
    assert Notification.objects.get().user == user


def test_saving_without_a_status_change_tells_no_one(aanmelding):
    mail.outbox.clear()
    stored = _change(aanmelding, "ontvangen")
    stored.contact_phone = "0612345678"
    stored.save()
    assert mail.outbox == []


def test_the_cms_edit_sends_it(client, superuser, aanmelding):
    mail.outbox.clear()
    client.force_login(superuser)
    url = f"/cms/snippets/pilots/aanmelding/edit/{aanmelding.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(
        url,
        {
            "status": "in-behandeling",
            "organisations-TOTAL_FORMS": "0",
            "organisations-INITIAL_FORMS": "0",
            "organisations-MIN_NUM_FORMS": "0",
            "organisations-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["noor@gemeente.example.org"]]
