"""Template pages (CMS content): public page, blank PDF, demo content, page rules."""

import pytest
from wagtail.models import Page

from plans.demo import CHECKLIST_18, load
from plans.factories import make_index
from plans.models import ToekomstplanIndexPage, ToekomstplanTemplatePage


@pytest.mark.django_db
def test_template_page_shows_sections_and_start_link(client, template):
    response = client.get(template.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Werk" in html and "Zorg" in html
    assert "Checklist 18 jaar" in html
    assert CHECKLIST_18[0] in html
    assert "Log in om een plan te starten" in html


@pytest.mark.django_db
def test_template_page_start_button_only_for_professionals(client, template, owner, user):
    client.force_login(owner)
    html = client.get(template.url).content.decode()
    assert f"/toekomstplan/nieuw/{template.pk}/" in html
    client.force_login(user)
    html = client.get(template.url).content.decode()
    assert f"/toekomstplan/nieuw/{template.pk}/" not in html


@pytest.mark.django_db
def test_blank_pdf(client, template, tagged_pdf):
    response = client.get(template.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = tagged_pdf(response.content)
    assert template.title in text and CHECKLIST_18[0] in text
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.django_db
def test_index_lists_templates(client, template):
    index = ToekomstplanIndexPage.objects.get()
    html = client.get(index.url).content.decode()
    assert template.title in html
    assert "/toekomstplan/mijn-plannen/" in html


@pytest.mark.django_db
def test_page_tree_rules(template):
    assert ToekomstplanTemplatePage.can_create_at(template.get_parent().specific)
    assert not ToekomstplanTemplatePage.can_create_at(Page.get_first_root_node())
    assert ToekomstplanIndexPage.allowed_subpage_models() == [ToekomstplanTemplatePage]


@pytest.mark.django_db
def test_demo_ships_two_templates_idempotently(home):
    make_index(home)
    messages = []
    load(home, messages.append)
    load(home, messages.append)
    assert messages[-1] == "Toekomstplan: 2 sjablonen klaar."
    pages = {p.slug: p for p in ToekomstplanTemplatePage.objects.all()}
    assert set(pages) == {"acht-levensgebieden", "big-5"}
    assert len(pages["acht-levensgebieden"].blocks_of("levensgebied")) == 8
    assert len(pages["big-5"].blocks_of("levensgebied")) == 5
    kinds = {b.block_type for b in pages["big-5"].sections}
    assert kinds == {
        "levensgebied",
        "network_map",
        "risks_safety",
        "checklist_18",
        "free_questions",
    }


@pytest.mark.django_db
def test_editors_build_templates_in_the_admin(client, template, superuser):
    client.force_login(superuser)
    edit = client.get(f"/cms/pages/{template.pk}/edit/")
    assert edit.status_code == 200
    html = edit.content.decode()
    for label in ("Levensgebied", "Netwerkkaart", "18-checklist", "Vrije vragen"):
        assert label in html
    index = template.get_parent()
    add = client.get(f"/cms/pages/add/plans/toekomstplantemplatepage/{index.pk}/")
    assert add.status_code == 200
