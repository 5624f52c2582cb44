"""Editors maintain every question, ring item, factor and funding source in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from leernetwerk.core.factories import UserFactory
from leernetwerk.core.roles import sync_roles
from toolkit.models import ArrangementPage, ToolPage

SNIPPETS = ["toetsstap", "wielonderdeel", "scanthema", "financieringsbron"]


@pytest.mark.parametrize("model", SNIPPETS)
def test_snippet_list_and_create_forms_load(client, superuser, model):
    client.force_login(superuser)
    assert client.get(reverse(f"wagtailsnippets_toolkit_{model}:list")).status_code == 200
    assert client.get(reverse(f"wagtailsnippets_toolkit_{model}:add")).status_code == 200


def test_redactie_may_edit_tool_content_but_not_saved_results(db):
    sync_roles()
    editor = UserFactory(username="redacteur")
    editor.groups.add(Group.objects.get(name="Redactie NJi"))
    for model in SNIPPETS:
        assert editor.has_perm(f"toolkit.change_{model}")
    assert not editor.has_perm("toolkit.view_opgeslagentoets")
    assert not editor.has_perm("toolkit.view_scan")


def test_page_create_forms_load(client, superuser, tool_index):
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:add", args=["toolkit", "toolpage", tool_index.pk])
    assert client.get(url).status_code == 200
    tool = ToolPage(title="Arrangementenwaaier", slug="waaier")
    tool_index.add_child(instance=tool)
    url = reverse("wagtailadmin_pages:add", args=["toolkit", "arrangementpage", tool.pk])
    assert client.get(url).status_code == 200
    assert ArrangementPage.parent_page_types == ["toolkit.ToolPage"]


def test_add_scan_theme_with_factors_via_admin(client, superuser):
    client.force_login(superuser)
    data = {
        "name": "Samenwerking",
        "sort_order": "0",
        "factoren-TOTAL_FORMS": "1",
        "factoren-INITIAL_FORMS": "0",
        "factoren-MIN_NUM_FORMS": "1",
        "factoren-MAX_NUM_FORMS": "1000",
        "factoren-0-name": "Gedeelde visie",
        "factoren-0-norm": "De partners delen een visie.",
        "factoren-0-ORDER": "1",
        "factoren-0-id": "",
        "factoren-0-DELETE": "",
    }
    response = client.post(reverse("wagtailsnippets_toolkit_scanthema:add"), data)
    assert response.status_code == 302
    from toolkit.models import ScanFactor

    assert ScanFactor.objects.get().thema.name == "Samenwerking"
