"""Server-side role tests: regional editor (own region, other region), Redactie NJi, anonymous."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from leernetwerk.core.factories import UserFactory
from leernetwerk.core.roles import REDACTIE
from pilots.factories import make_pilot, make_update
from pilots.models import PilotPage, RegioRedactie, VoortgangsberichtPage
from pilots.permissions import ensure_pilot_workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(index, regio_a, regio_b):
    ensure_pilot_workflow(index)
    redactie_a = RegioRedactie.objects.create(regio=regio_a)
    RegioRedactie.objects.create(regio=regio_b)
    pilot_a = make_pilot(index, "Pilot Alfa", regions=[regio_a])
    pilot_b = make_pilot(index, "Pilot Beta", regions=[regio_b])
    editor_a = UserFactory(username="redacteur-alfa")
    editor_a.groups.add(redactie_a.group)
    nji = UserFactory(username="nji")
    nji.groups.add(Group.objects.get(name=REDACTIE))
    return {"a": pilot_a, "b": pilot_b, "editor_a": editor_a, "nji": nji, "index": index}


def _update_data(title, action="action-publish"):
    data = nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "date": "2021-05-01",
            "phase": "uitvoering",
            "intro": "Wat er deze maand gebeurde.",
            "body": streamfield([]),
            "leerpunten": inline_formset([{"title": "Begin op tijd", "text": "", "link_page": ""}]),
        }
    )
    data[action] = "1"
    return data


def _add_update_url(pilot):
    return reverse("wagtailadmin_pages:add", args=("pilots", "voortgangsberichtpage", pilot.pk))


def test_region_group_is_created_with_admin_access(setup, regio_a):
    group = RegioRedactie.objects.get(regio=regio_a).group
    assert group.name == "Regioredactie Regio Alfa"
    assert group.permissions.filter(codename="access_admin").exists()
    assert group.collection_permissions.filter(permission__codename="choose_image").exists()


def test_regional_editor_sees_only_own_region_in_admin(client, setup):
    client.force_login(setup["editor_a"])
    # The explorer sends them to their own corner of the tree; region B is never listed.
    listing = client.get(reverse("wagtailadmin_explore", args=(setup["index"].pk,)), follow=True)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Pilot Alfa" in html
    assert "Pilot Beta" not in html


def test_admin_search_hides_other_regions(client, setup):
    client.force_login(setup["editor_a"])
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Pilot"})
    assert "Pilot Alfa" in search.content.decode()
    assert "Pilot Beta" not in search.content.decode()


def test_regional_editor_cannot_open_or_change_other_region(client, setup):
    client.force_login(setup["editor_a"])
    pilot_b = setup["b"]
    edit_url = reverse("wagtailadmin_pages:edit", args=(pilot_b.pk,))
    assert client.get(edit_url).status_code in (302, 403)
    client.post(edit_url, {"title": "Overgenomen", "action-publish": "1"})
    assert Page.objects.get(pk=pilot_b.pk).title == "Pilot Beta"
    # Nor add or publish a progress update below it.
    response = client.post(_add_update_url(pilot_b), _update_data("Bericht bij Beta"))
    assert response.status_code in (302, 403)
    assert not VoortgangsberichtPage.objects.filter(title="Bericht bij Beta").exists()
    unpublish = reverse("wagtailadmin_pages:unpublish", args=(pilot_b.pk,))
    client.post(unpublish)
    assert Page.objects.get(pk=pilot_b.pk).live


def test_regional_editor_publishes_updates_directly_under_own_pilot(client, setup):
    client.force_login(setup["editor_a"])
    response = client.post(_add_update_url(setup["a"]), _update_data("Voortgang mei"))
    assert response.status_code == 302, response.content.decode()[:2000]
    update = VoortgangsberichtPage.objects.get(title="Voortgang mei")
    assert update.live
    assert update.get_parent().pk == setup["a"].pk
    assert [les.title for les in update.leerpunten.all()] == ["Begin op tijd"]


def test_pilot_change_by_regional_editor_goes_through_workflow(client, setup):
    pilot_a = setup["a"]
    perms = pilot_a.permissions_for_user(setup["editor_a"])
    assert perms.can_edit() and not perms.can_publish() and not perms.can_unpublish()
    assert pilot_a.permissions_for_user(setup["nji"]).can_publish()
    update = make_update(pilot_a, "Bestaand bericht")
    assert update.permissions_for_user(setup["editor_a"]).can_publish()

    client.force_login(setup["editor_a"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(pilot_a.pk,))
    form = client.get(edit_url)
    assert form.status_code == 200
    assert 'name="action-publish"' not in form.content.decode()

    # Asking to publish directly only saves a draft; the live page stays as it was.
    data = _pilot_edit_data(pilot_a, "Pilot Alfa vernieuwd")
    client.post(edit_url, {**data, "action-publish": "1"})
    assert PilotPage.objects.get(pk=pilot_a.pk).title == "Pilot Alfa"

    client.post(edit_url, {**data, "action-submit": "1"})
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(pilot_a.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert PilotPage.objects.get(pk=pilot_a.pk).title == "Pilot Alfa"

    # The regional editor cannot approve; Redactie NJi can, and that publishes it.
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(pilot_a.pk, "approve", task_state.pk)
    )
    client.post(approve, {"comment": ""})
    assert PilotPage.objects.get(pk=pilot_a.pk).title == "Pilot Alfa"
    client.force_login(setup["nji"])
    client.post(approve, {"comment": "Akkoord"})
    assert PilotPage.objects.get(pk=pilot_a.pk).title == "Pilot Alfa vernieuwd"


def _pilot_edit_data(pilot, title, **fields):
    orgs = [
        {"id": org.pk, "name": org.name, "sector": org.sector_id, "role": "", "ORDER": i}
        for i, org in enumerate(pilot.organisations.all())
    ]
    return nested_form_data(
        {
            "title": title,
            "slug": pilot.slug,
            "programma": pilot.programma_id or "",
            "regions": [r.pk for r in pilot.regions.all()],
            "status": pilot.status,
            "goal": rich_text("<p>Doel</p>"),
            "target_group": rich_text(""),
            "approach": rich_text(""),
            "startfoto": streamfield([]),
            "plan_van_aanpak": streamfield([]),
            "organisations": inline_formset(orgs, initial=len(orgs)),
            "baseline_figures": inline_formset([]),
            "startfoto_goals": inline_formset([]),
            "startfoto_owners": inline_formset([]),
            **fields,
        }
    )


def test_nji_may_do_everything_in_the_section(client, setup):
    client.force_login(setup["nji"])
    pilot_b = setup["b"]
    edit_url = reverse("wagtailadmin_pages:edit", args=(pilot_b.pk,))
    response = client.post(
        edit_url, {**_pilot_edit_data(pilot_b, "Pilot Beta nieuw"), "action-publish": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert PilotPage.objects.get(pk=pilot_b.pk).title == "Pilot Beta nieuw"
    response = client.post(_add_update_url(pilot_b), _update_data("Bericht van NJi"))
    assert VoortgangsberichtPage.objects.get(title="Bericht van NJi").live


def test_anonymous_gets_no_admin(client, setup):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(setup["a"].pk,)))
    assert response.status_code == 302 and "login" in response["Location"]
    client.post(_add_update_url(setup["a"]), _update_data("Anoniem"))
    assert not VoortgangsberichtPage.objects.filter(title="Anoniem").exists()


def test_permissions_follow_the_pilots_regions(setup, regio_b):
    pilot_a = setup["a"]
    editor_a = setup["editor_a"]
    pilot_a.regions = [regio_b]
    pilot_a.save_revision().publish()
    pilot_a = PilotPage.objects.get(pk=pilot_a.pk)
    assert not pilot_a.permissions_for_user(editor_a).can_edit()
    editor_b = UserFactory(username="redacteur-beta")
    editor_b.groups.add(RegioRedactie.objects.get(regio=regio_b).group)
    assert pilot_a.permissions_for_user(editor_b).can_edit()


def test_removing_regional_editors_removes_group(setup, regio_a):
    redactie = RegioRedactie.objects.get(regio=regio_a)
    group_pk = redactie.group_id
    redactie.delete()
    assert not Group.objects.filter(pk=group_pk).exists()
    assert not setup["a"].permissions_for_user(setup["editor_a"]).can_edit()


def test_editor_enters_the_startfoto_in_the_cms(client, setup):
    client.force_login(setup["nji"])
    pilot = setup["b"]
    url = reverse("wagtailadmin_pages:edit", args=(pilot.pk,))
    figure = {
        "indicator": "Jongeren zonder startkwalificatie",
        "value": "312",
        "unit": "jongeren",
        "reference_date": "2019-01-01",
        "source": "RMC",
    }

    def post(value):
        data = _pilot_edit_data(
            pilot,
            pilot.title,
            startfoto_date="2019-02-01",
            baseline_figures=inline_formset([{**figure, "value": value}]),
        )
        return client.post(url, {**data, "action-publish": "1"})

    response = post("veel")
    assert response.status_code == 200  # the form again, with a Dutch message
    assert "Voer een getal in." in response.content.decode()
    assert not pilot.baseline_figures.exists()

    assert post("312").status_code == 302
    pilot.refresh_from_db()
    assert pilot.startfoto_date == datetime.date(2019, 2, 1)
    assert pilot.baseline_figures.get().value == 312
