"""A person without an account accepts an invitation: account, age, consent, then the plan."""

import pytest
from django.urls import reverse

from leernetwerk.users.models import User
from plans.models import AccessLogEntry, Invitation, Role

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Mijn-eigen-wachtwoord-2026"


@pytest.fixture(autouse=True)
def _clean_cache():
    from django.core.cache import cache

    cache.clear()


def _invite(plan, owner, email="sam@example.org", role=Role.EIGENAAR):
    _, token = Invitation.issue(plan, email, role, owner)
    return reverse("plans:accept", kwargs={"token": token})


def _data(**overrides):
    return {
        "first_name": "Sam",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "age": "16+",
        "privacy": "on",
        **overrides,
    }


def test_new_account_from_invitation_lands_in_the_plan(client, plan, owner):
    url = _invite(plan, owner)
    response = client.post(url, _data())
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:detail", kwargs={"reference": plan.reference})
    sam = User.objects.get(email="sam@example.org")
    assert client.session["_auth_user_id"] == str(sam.pk)
    assert sam.check_password(NEW_PASSWORD) and not sam.is_professional
    assert sam.emailaddress_set.get().verified  # the link came to this address
    assert sam.privacy_statement_version and sam.privacy_accepted_at
    assert plan.role_for(sam) == Role.EIGENAAR
    assert plan.role_for(owner) == Role.BEWERKER  # the professional stays on as bewerker
    assert Invitation.objects.get().used_at is not None
    assert AccessLogEntry.objects.filter(action="join", user=sam).exists()
    assert client.get(response["Location"]).status_code == 200


def test_under_16_needs_parental_consent(client, plan, owner):
    url = _invite(plan, owner)
    response = client.post(url, _data(age="-16"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "ouder of voogd moet ook toestemming geven" in html
    assert "Vul de naam van je ouder of voogd in." in html
    assert not User.objects.filter(email="sam@example.org").exists()
    assert Invitation.objects.get().used_at is None
    client.post(url, _data(age="-16", parental_consent="on", parental_consent_name="Mo"))
    sam = User.objects.get(email="sam@example.org")
    assert sam.under_16 and sam.parental_consent_name == "Mo" and sam.parental_consent_at


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"password2": "iets-anders-dan-dat"}, "niet hetzelfde"),
        ({"password1": "kort", "password2": "kort"}, "12"),
        ({"age": ""}, "Geef aan of je 16 jaar of ouder bent."),
        ({"privacy": ""}, "akkoord"),
        ({"first_name": ""}, "Vul je voornaam of roepnaam in."),
    ],
)
def test_bad_input_saves_nothing(client, plan, owner, overrides, message):
    url = _invite(plan, owner)
    response = client.post(url, _data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not User.objects.filter(email="sam@example.org").exists()
    assert Invitation.objects.get().used_at is None


def test_existing_address_must_log_in(client, plan, owner):
    url = _invite(plan, owner, email=owner.email, role=Role.LEZER)
    response = client.get(url)
    assert "Er is al een account" in response.content.decode()
    response = client.post(url, _data())
    assert response.status_code == 200
    assert Invitation.objects.get().used_at is None


def test_used_invitation_cannot_make_a_second_account(client, plan, owner):
    url = _invite(plan, owner)
    client.post(url, _data())
    client.logout()
    assert client.post(url, _data(first_name="Ander")).status_code == 410
    assert User.objects.filter(email="sam@example.org").count() == 1
