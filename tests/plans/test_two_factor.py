"""TOTP two-factor authentication is required for CMS users and plan accounts."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from leernetwerk.core.factories import UserFactory
from leernetwerk.core.roles import REDACTIE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_two_factor_on")]
PASSWORD = "geheim-wachtwoord-123"
ACTIVATE = "/account/tweestapsverificatie/totp/activate/"
AUTHENTICATE = "/account/tweestapsverificatie/authenticate/"


@pytest.fixture
def _two_factor_on():
    cache.clear()
    with override_settings(TWO_FACTOR_REQUIRED=True):
        yield
    cache.clear()


def _login(client, user):
    return client.post(reverse("account_login"), {"login": user.username, "password": PASSWORD})


def _activate(client, totp_code):
    page = client.get(ACTIVATE)
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post(ACTIVATE, {"code": totp_code(secret)})
    assert response.status_code == 302, response.content.decode()[:2000]
    codes = client.get(response["Location"])  # the new recovery codes, no password again
    assert codes.status_code == 200 and "recovery_codes" in codes.content.decode()
    return secret


def _detail(plan):
    return reverse("plans:detail", kwargs={"reference": plan.reference})


def test_plan_account_must_set_up_totp_first(client, plan, owner, totp_code):
    _login(client, owner)
    response = client.get(_detail(plan))
    assert response.status_code == 302 and response["Location"] == ACTIVATE
    _activate(client, totp_code)
    assert client.get(_detail(plan)).status_code == 200  # this session set it up


def test_cms_user_must_set_up_totp(client, home, totp_code):
    editor = UserFactory(username="redacteur")
    editor.groups.add(Group.objects.get(name=REDACTIE))
    _login(client, editor)
    response = client.get("/cms/")
    assert response.status_code == 302 and response["Location"] == ACTIVATE
    _activate(client, totp_code)
    assert client.get("/cms/").status_code == 200


def test_accounts_without_plan_or_cms_need_no_totp(client, user, home):
    _login(client, user)
    assert client.get("/account/profiel/").status_code == 200


def test_login_asks_for_the_code(client, plan, owner, totp_code):
    setup = client.__class__()
    _login(setup, owner)
    secret = _activate(setup, totp_code)
    cache.clear()  # the set-up used the current code; a new login may use it again here
    response = _login(client, owner)
    assert response["Location"] == AUTHENTICATE
    assert "_auth_user_id" not in client.session  # not logged in before the code
    wrong = client.post(AUTHENTICATE, {"code": "000000" if totp_code(secret) != "000000" else "1"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    client.post(AUTHENTICATE, {"code": totp_code(secret)})
    assert client.get(_detail(plan)).status_code == 200


def test_recovery_code_works_once(client, plan, owner, totp_code):
    from allauth.mfa.models import Authenticator

    setup = client.__class__()
    _login(setup, owner)
    _activate(setup, totp_code)
    codes = (
        Authenticator.objects.get(user=owner, type=Authenticator.Type.RECOVERY_CODES)
        .wrap()
        .get_unused_codes()
    )
    _login(client, owner)
    client.post(AUTHENTICATE, {"code": codes[0]})
    assert client.get(_detail(plan)).status_code == 200
    client.post(reverse("account_logout"))
    _login(client, owner)
    client.post(AUTHENTICATE, {"code": codes[0]})
    assert "_auth_user_id" not in client.session


def test_session_without_the_code_step_is_logged_out(client, plan, owner, totp_code):
    setup = client.__class__()
    _login(setup, owner)
    _activate(setup, totp_code)
    client.force_login(owner)  # a login that skipped the TOTP step
    response = client.get(_detail(plan))
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")
    assert "_auth_user_id" not in client.session
