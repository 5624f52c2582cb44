"""The NL Design System CSS from npm is found by the static-file finders (make install
copies it into var/node/static/nlds), and every page links it with the site's theme."""

import pytest
from django.contrib.staticfiles import finders


@pytest.mark.parametrize(
    "path",
    [
        "nlds/utrecht-tokens.css",
        "nlds/utrecht-components.css",
        "nlds/utrecht-html.css",
        "css/nlds.css",
        "css/theme.css",
        "icons/favicon.ico",
        "icons/icon.svg",
        "icons/apple-touch-icon.png",
    ],
)
def test_front_end_css_is_served_locally(path):
    assert finders.find(path), f"{path} ontbreekt: draai make install"


def test_layered_import_names_the_copied_files():
    text = open(finders.find("css/nlds.css")).read()
    for name in ("utrecht-tokens.css", "utrecht-components.css", "utrecht-html.css"):
        assert f'url("../nlds/{name}") layer(nlds)' in text


@pytest.mark.django_db
def test_favicon_ico_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/icons/favicon.ico"
