import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from leernetwerk.core.models import HomePage, NavigationSettings
from leernetwerk.news.models import NewsPage

pytestmark = pytest.mark.django_db


def test_load_demo_builds_the_site_and_is_idempotent(client):
    call_command("load_demo", stdout=io.StringIO())
    pages = Page.objects.count()
    news = NewsPage.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Page.objects.count() == pages
    assert NewsPage.objects.count() == news >= 3
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    menu = NavigationSettings.for_site(Site.objects.get()).main_menu.all()
    assert [item.text for item in menu][:4] == ["Kennisbank", "Pilots", "Agenda", "Persona's"]
    for url in [
        "/",
        "/nieuws/",
        "/kennisbank/",
        "/pilots/",
        "/personas/",
        "/hulpmiddelen/",
        "/toekomstplan/",
        "/agenda/",
        "/nieuwsbrief/",
        "/nieuwsbrief/archief/",
        "/nieuws/tweede-leercirkel/",
    ]:
        assert client.get(url).status_code == 200, url
    # One live page of every page type describes itself (meta description, Open Graph).
    per_type = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        per_type.setdefault(type(page), page)
    for page in per_type.values():
        html = client.get(page.url).content.decode()
        assert '<meta name="description" content="' in html, page.url
        assert '<meta property="og:image" content="http' in html, page.url


def test_ensure_dev_admin_prints_credentials_and_refuses_without_debug(settings, tmp_path):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path
    out = io.StringIO()
    call_command("ensure_dev_admin", stdout=out)
    password = (tmp_path / "admin-password.txt").read_text().strip()
    assert password in out.getvalue()
    assert get_user_model().objects.get(username="admin").check_password(password)
    call_command("ensure_dev_admin", stdout=io.StringIO())  # same password again
    assert get_user_model().objects.get(username="admin").check_password(password)
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_dev_admin", stdout=io.StringIO())
