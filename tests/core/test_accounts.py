"""Front-end accounts with django-allauth: login, logout, password reset, registration
of professionals with e-mail verification and approval, profile, data and deletion."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from leernetwerk.core.factories import UserFactory
from leernetwerk.core.roles import PROFESSIONAL
from leernetwerk.users.adapter import LOGIN_FAILED
from leernetwerk.users.models import OrganisationDomain, User

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture(autouse=True)
def _clean_cache():
    from django.core.cache import cache

    cache.clear()


def test_login_page_renders_in_dutch(client):
    html = client.get("/account/inloggen/").content.decode()
    assert "<h1>Inloggen</h1>" in html
    assert 'lang="nl"' in html


@pytest.mark.parametrize("identifier", ["username", "email"])
def test_login_with_username_or_email(client, user, identifier):
    response = client.post(
        "/account/inloggen/", {"login": getattr(user, identifier), "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_gives_dutch_error_not_500(client, user):
    response = client.post("/account/inloggen/", {"login": user.username, "password": "fout"})
    assert response.status_code == 200
    assert LOGIN_FAILED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_empty_login_form_shows_required_errors(client):
    response = client.post("/account/inloggen/", {})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul je gebruikersnaam of e-mailadres in." in html and "Vul je wachtwoord in." in html


def test_logout_logs_out(client, user):
    client.force_login(user)
    response = client.post("/account/uitloggen/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def _link(message, path):
    match = re.search(rf"https?://[^/\s]+({path}\S+)", message.body)
    assert match, message.body
    return match.group(1)


def test_password_reset_flow(client, user):
    response = client.post("/account/wachtwoord-vergeten/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = _link(mail.outbox[0], "/account/wachtwoord-herstellen/")
    form_url = client.get(link).url  # allauth redirects to the set-password form
    response = client.post(
        form_url, {"password1": "Nieuw-en-lang-2026", "password2": "Nieuw-en-lang-2026"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nieuw-en-lang-2026")


def test_password_reset_unknown_email_reveals_nothing(client):
    response = client.post("/account/wachtwoord-vergeten/", {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_reset_bad_token_shows_message(client, user):
    response = client.get("/account/wachtwoord-herstellen/1-ongeldig-token/")
    assert response.status_code == 200
    assert "niet geldig" in response.content.decode()


def _signup(client, email="fatima@wijkteam-noord.nl", **overrides):
    from leernetwerk.taxonomy.models import Regio

    regio, _ = Regio.objects.get_or_create(
        slug="noord-veluwe", defaults={"name": "Noord-Veluwe", "kind": "jeugdregio"}
    )
    data = {
        "email": email,
        "password1": "Een-lang-wachtwoord-2026",
        "password2": "Een-lang-wachtwoord-2026",
        "first_name": "Fatima",
        "last_name": "de Vries",
        "organisation": "Wijkteam Noord",
        "function": "Jongerenwerker",
        "region": regio.pk,
        "privacy": "on",
        **overrides,
    }
    return client.post("/account/registreren/", data)


def _confirm(client):
    link = _link(mail.outbox[-1], "/account/e-mail/bevestigen/")
    return client.post(link)


def test_professional_signs_up_verifies_and_waits_for_approval(client, home):
    response = _signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="fatima@wijkteam-noord.nl")
    assert (user.organisation, user.function, user.region_id) == (
        "Wijkteam Noord",
        "Jongerenwerker",
        user.region_id,
    )
    assert user.professional == User.Professional.WACHT
    assert user.privacy_statement_version
    _confirm(client)
    user.refresh_from_db()
    assert user.emailaddress_set.get().verified
    assert not user.groups.filter(name=PROFESSIONAL).exists()  # an editor must approve


def test_known_organisation_domain_is_approved_automatically(
    client, home, django_capture_on_commit_callbacks
):
    OrganisationDomain.objects.create(domain="@Wijkteam-Noord.nl", organisation="Wijkteam Noord")
    _signup(client)
    with django_capture_on_commit_callbacks(execute=True):
        _confirm(client)
    user = User.objects.get(email="fatima@wijkteam-noord.nl")
    assert user.is_professional and user.groups.filter(name=PROFESSIONAL).exists()
    assert "goedgekeurd" in mail.outbox[-1].subject


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"password1": "kort", "password2": "kort"}, "12"),
        ({"privacy": ""}, "akkoord"),
        ({"region": "999999"}, "Kies een regio uit de lijst."),
        ({"email": "geen-adres"}, "e-mailadres"),
        ({"organisation": ""}, "Vul de organisatie in"),
    ],
)
def test_bad_signup_gives_a_dutch_message_and_saves_nothing(client, home, overrides, message):
    response = _signup(client, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email="fatima@wijkteam-noord.nl").exists()


def test_signup_is_rate_limited(client, home):
    for n in range(5):
        _signup(client, email=f"persoon{n}@example.org")
    assert _signup(client, email="nog-een@example.org").status_code == 429
    assert not User.objects.filter(email="nog-een@example.org").exists()


def test_profile_changes_data(client, user):
    client.force_login(user)
    response = client.post(
        "/account/profiel/",
        {"first_name": "Noor", "last_name": "Bakker", "organisation": "Jeugdhulp", "function": ""},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.organisation) == ("Noor", "Jeugdhulp")
    response = client.post("/account/profiel/", {"first_name": "", "region": "999999"})
    assert response.status_code == 400
    assert "Vul je voornaam in." in response.content.decode()


def test_email_change_needs_verification(client, user):
    client.force_login(user)
    client.post("/account/e-mail/", {"action_add": "", "email": "nieuw@example.org"})
    user.refresh_from_db()
    assert user.email != "nieuw@example.org"  # not before the link is followed
    _confirm(client)
    user.refresh_from_db()
    assert user.email == "nieuw@example.org"


def test_download_own_data(client, user):
    client.force_login(user)
    response = client.get("/account/profiel/mijn-gegevens.json")
    data = json.loads(response.content)
    assert data["account"]["e-mailadres"] == user.email
    assert response["Content-Disposition"].startswith("attachment")


def test_cms_login_goes_to_the_site_login(client):
    response = client.get("/cms/login/?next=/cms/")
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")


def test_professional_group_exists_for_approval():
    assert Group.objects.filter(name=PROFESSIONAL).exists()


def test_delete_account_needs_password(client):
    user = UserFactory(username="weg")
    client.force_login(user)
    response = client.post("/account/profiel/verwijderen/", {"password": "fout", "confirm": "on"})
    assert response.status_code == 400 and "klopt niet" in response.content.decode()
    response = client.post("/account/profiel/verwijderen/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(username="weg").exists()
