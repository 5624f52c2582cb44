import pytest
from django.apps import apps
from django.utils.html import escape

from leernetwerk.core.factories import add_page
from leernetwerk.core.hooks import SITE_SECTIONS, collect
from leernetwerk.core.models import HomePage
from leernetwerk.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def test_home_renders_empty_safe(client, home):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is nog geen nieuws." in html
    assert "Er zijn nog geen lessen uitgelicht." in html
    assert 'href="#inhoud"' in html  # skip link


def test_home_is_only_allowed_under_root():
    from wagtail.models import Page

    assert HomePage.can_create_at(Page.get_first_root_node())
    assert NewsPage.parent_page_types == ["news.NewsIndexPage"]


@pytest.mark.parametrize("section", collect(SITE_SECTIONS), ids=lambda section: section.slug)
def test_section_index_pages_render_under_home(client, home, section):
    model = apps.get_model(section.model)
    assert model.can_create_at(home)
    add_page(home, model, title=section.title, slug=section.slug)
    assert not model.can_create_at(home)  # one per site
    response = client.get(f"/{section.slug}/")
    assert response.status_code == 200
    assert f"<h1>{escape(section.title)}</h1>" in response.content.decode()


def test_news_page_lists_and_filters_by_tag(client, home):
    index = add_page(home, NewsIndexPage, title="Nieuws", slug="nieuws")
    first = add_page(index, NewsPage, title="Leercirkel gestart", intro="Intro een")
    first.tags.add("leercirkel")
    first.save_revision().publish()
    add_page(index, NewsPage, title="Ander bericht", intro="Intro twee")

    html = client.get("/nieuws/").content.decode()
    assert "Leercirkel gestart" in html and "Ander bericht" in html
    html = client.get("/nieuws/?tag=leercirkel").content.decode()
    assert "Leercirkel gestart" in html and "Ander bericht" not in html

    detail = client.get("/nieuws/leercirkel-gestart/")
    assert detail.status_code == 200
    assert "Intro een" in detail.content.decode()


def test_news_index_bad_page_number_falls_back(client, home):
    add_page(home, NewsIndexPage, title="Nieuws", slug="nieuws")
    assert client.get("/nieuws/?pagina=abc").status_code == 200
    assert client.get("/nieuws/?pagina=999").status_code == 200
