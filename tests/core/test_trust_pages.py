"""Privacy statement, accessibility statement, contact and colofon: editor-managed pages
made by load_demo, linked from the footer; consent records the live privacy version."""

import datetime
import os

import pytest
from django.core.management import call_command

from leernetwerk.core.models import PrivacyStatementPage
from leernetwerk.core.privacy import FALLBACK_VERSION, current_privacy_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def trust_site(db):
    call_command("load_demo", only=["leernetwerk.taxonomy"], stdout=open(os.devnull, "w"))  # noqa: SIM115


def test_demo_creates_the_trust_pages_and_the_footer_links_them(client, trust_site):
    for path, text in [
        ("/privacy/", "Versie 2026-1"),
        ("/toegankelijkheid/", "B: voldoet gedeeltelijk"),
        ("/contact/", "onderwerpregel"),
        ("/colofon/", "open source"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert text in response.content.decode(), path
    footer = client.get("/").content.decode().split("<footer ")[1]
    for path in ("/privacy/", "/toegankelijkheid/", "/contact/", "/colofon/"):
        assert f'href="{path}"' in footer


def test_consent_records_the_live_privacy_version(client, trust_site):
    assert current_privacy_version() == "2026-1"
    page = PrivacyStatementPage.objects.get()
    page.version, page.effective_from = "2027-2", datetime.date(2027, 3, 1)
    page.save_revision().publish()
    assert current_privacy_version() == "2027-2"
    page.unpublish()
    assert current_privacy_version() == FALLBACK_VERSION


def test_plan_start_links_the_privacy_statement(client, trust_site):
    from django.contrib.auth.models import Group

    from leernetwerk.core.factories import UserFactory
    from leernetwerk.core.roles import PROFESSIONAL
    from plans.factories import make_template
    from plans.models import Plan

    home = PrivacyStatementPage.objects.get().get_parent()
    template = make_template(home, title="Sjabloon")
    professional = UserFactory(username="prof")
    professional.groups.add(Group.objects.get(name=PROFESSIONAL))
    client.force_login(professional)
    url = f"/toekomstplan/nieuw/{template.pk}/"
    html = client.get(url).content.decode()
    assert 'href="/privacy/"' in html and "versie 2026-1" in html
    client.post(url, {"first_name": "Sam", "consent": "on"})
    assert Plan.objects.get().privacy_statement_version == "2026-1"
