import pytest

from leernetwerk.core.models import NavigationSettings

pytestmark = pytest.mark.django_db


def test_wagtail_admin_speaks_dutch(client, superuser, home):
    client.force_login(superuser)
    html = client.get("/cms/").content.decode()
    assert 'lang="nl"' in html
    assert "Pagina's" in html


def test_navigation_setting_is_editable_in_admin(client, superuser, home):
    client.force_login(superuser)
    response = client.get("/cms/settings/core/navigationsettings/")
    assert response.status_code in (200, 302)
    assert NavigationSettings.for_site(home.get_site()) is not None


def test_taxonomy_snippets_are_listed(client, superuser):
    client.force_login(superuser)
    response = client.get("/cms/snippets/taxonomy/levensgebied/")
    assert response.status_code == 200
    assert "Steun en netwerk" in response.content.decode()
