"""A person without an account follows an invitation: creates an account, sets up
two-factor authentication and lands in the plan. axe (zero violations) on every page."""

import os

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from leernetwerk.core.factories import UserFactory, make_home
from plans.factories import make_template
from plans.models import Invitation, Role
from plans.writes import create_plan

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
NEW_PASSWORD = "Mijn-eigen-wachtwoord-2026"


@pytest.fixture
def invitation_link(transactional_db):
    from importlib import import_module

    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import Locale, Page

    import_module("leernetwerk.taxonomy.migrations.0002_seed_vocabulary").seed(apps, None)
    locale = Locale.objects.first() or Locale.objects.create(language_code="nl")
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root", locale=locale)
    for name in ("Professional", "Redactie NJi", "Moderator", "Beheer accounts"):
        Group.objects.get_or_create(name=name)
    template = make_template(make_home(), title="Toekomstplan acht levensgebieden")
    olga = UserFactory(username="olga", email="olga@example.org", first_name="Olga")
    olga.groups.add(Group.objects.get(name="Professional"))
    plan = create_plan(
        template, {"first_name": "Sam", "date_of_birth": None, "under_16": False}, olga
    )
    _, token = Invitation.issue(plan, "sam@example.org", Role.EIGENAAR, olga)
    return f"/toekomstplan/uitnodiging/{token}/"


def test_invitation_new_account_two_factor_plan(
    invitation_link, live_server, page, assert_accessible, assert_valid_html, totp_code
):
    with override_settings(TWO_FACTOR_REQUIRED=True):
        page.goto(live_server.url + invitation_link)
        expect(page.locator("h1")).to_have_text("Uitnodiging voor een toekomstplan")
        assert_accessible(page)
        assert_valid_html(page)

        # Bad input first: Dutch messages, nothing saved.
        page.click("main button[type=submit]")
        expect(page.get_by_text("Kies een wachtwoord.")).to_be_visible()
        expect(page.get_by_text("Geef aan of je 16 jaar of ouder bent.")).to_be_visible()
        assert_accessible(page)
        assert_valid_html(page)

        page.fill("#id_first_name", "Sam")
        page.fill("#id_password1", NEW_PASSWORD)
        page.fill("#id_password2", NEW_PASSWORD)
        page.check("#id_age_0")
        page.check("#id_privacy")
        page.click("main button[type=submit]")

        # A plan account must set up TOTP before it sees anything of the plan.
        expect(page.locator("#authenticator_secret")).to_be_visible()
        expect(page.get_by_text("Stel daarom eerst tweestapsverificatie in")).to_be_visible()
        assert_accessible(page)
        assert_valid_html(page)
        secret = page.input_value("#authenticator_secret")
        page.fill("#id_code", totp_code(secret))
        page.locator("main form button[type=submit]").click()

        # Recovery codes, then on to where the invitation was going: the plan.
        expect(page.locator("#recovery_codes")).to_be_visible()
        assert_accessible(page)
        assert_valid_html(page)
        page.get_by_role("link", name="Ik heb de codes bewaard: ga verder").click()
        expect(page.locator("h1")).to_contain_text("Toekomstplan van Sam")
        assert_accessible(page)
        assert_valid_html(page)


def test_cms_page_editor_works_under_its_content_security_policy(
    invitation_link, live_server, page
):
    """The relaxed /cms/ policy is enough for Wagtail's editor: no CSP violations."""
    from wagtail.models import Page

    UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    home_id = Page.objects.get(slug="home").pk
    violations = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    page.goto(f"{live_server.url}/account/inloggen/")
    page.fill("#id_login", "beheerder")
    page.fill("#id_password", "geheim-wachtwoord-123")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    response = page.goto(f"{live_server.url}/cms/pages/{home_id}/edit/")
    assert "unsafe-inline" in response.headers["content-security-policy"]
    expect(page.locator("form#page-edit-form")).to_be_visible()
    page.goto(f"{live_server.url}/")  # the site itself: the strict policy
    assert violations == []
