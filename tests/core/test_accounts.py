import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"


def test_login_page_renders_in_dutch(client):
    html = client.get("/account/inloggen/").content.decode()
    assert "<h1>Inloggen</h1>" in html
    assert 'lang="nl"' in html


@pytest.mark.parametrize("identifier", ["username", "email"])
def test_login_with_username_or_email(client, user, identifier):
    response = client.post(
        "/account/inloggen/", {"username": getattr(user, identifier), "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_gives_dutch_error_not_500(client, user):
    response = client.post("/account/inloggen/", {"username": user.username, "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_empty_login_form_shows_required_errors(client):
    response = client.post("/account/inloggen/", {})
    assert response.status_code == 200
    assert "Dit is een verplicht veld" in response.content.decode()


def test_logout_requires_post_and_logs_out(client, user):
    client.force_login(user)
    assert client.get("/account/uitloggen/").status_code == 405
    response = client.post("/account/uitloggen/")
    assert response.status_code in (200, 302)
    assert "_auth_user_id" not in client.session


def test_password_reset_flow(client, user):
    response = client.post("/account/wachtwoord-vergeten/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/account/wachtwoord-herstellen/\S+)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    form_url = client.get(link.group(1)).url  # Django redirects to the set-password form
    response = client.post(
        form_url, {"new_password1": "Nieuw-en-lang-2026", "new_password2": "Nieuw-en-lang-2026"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nieuw-en-lang-2026")


def test_password_reset_unknown_email_reveals_nothing(client):
    response = client.post("/account/wachtwoord-vergeten/", {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_reset_bad_token_shows_dutch_message(client, user):
    response = client.get("/account/wachtwoord-herstellen/MQ/ongeldig-token/")
    assert response.status_code == 200
    assert "niet (meer) geldig" in response.content.decode()
