"""Optimistic concurrency: a stale save gets a conflict view; nothing is overwritten or lost."""

import pytest
from django.urls import reverse

from plans.factories import edit_data
from plans.models import Plan
from plans.writes import Conflict, save_version


@pytest.mark.django_db
def test_two_writers_and_a_stale_save(client, plan, owner, bewerker):
    url = reverse("plans:edit", kwargs={"reference": plan.reference})
    stale = edit_data(plan)  # both load the form at version 1

    client.force_login(owner)
    assert client.post(url, {**stale, "dreams": "Eigen huis"}).status_code == 302

    client.force_login(bewerker)
    response = client.post(url, {**stale, "dreams": "Rijbewijs halen"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft het plan intussen opgeslagen" in html
    assert "Eigen huis" in html  # what the other person changed
    assert "Rijbewijs halen" in html  # the editor's own input is still in the form
    assert response.context["version_form"]["version"].value() == "2"
    fresh = Plan.objects.get()
    assert fresh.dreams == "Eigen huis" and fresh.version == 2

    # Saving again from the conflict view is a deliberate, new revision.
    resubmit = {**stale, "version": "2", "dreams": "Eigen huis en rijbewijs"}
    assert client.post(url, resubmit).status_code == 302
    fresh = Plan.objects.get()
    assert fresh.version == 3 and fresh.dreams == "Eigen huis en rijbewijs"
    history = {r.number: r.snapshot["dreams"] for r in fresh.revisions.all()}
    assert history == {1: "", 2: "Eigen huis", 3: "Eigen huis en rijbewijs"}


@pytest.mark.django_db
def test_conflict_on_formset_pages(client, plan, owner, bewerker):
    url = reverse("plans:network", kwargs={"reference": plan.reference})
    row = {"network-TOTAL_FORMS": "1", "network-INITIAL_FORMS": "0", "version": "1"}
    client.force_login(owner)
    first = {**row, "network-0-name": "Opa", "network-0-relation": "opa"}
    assert client.post(url, first).status_code == 302
    client.force_login(bewerker)
    second = {**row, "network-0-name": "Buurvrouw", "network-0-relation": "buur"}
    response = client.post(url, second)
    assert response.status_code == 409
    assert "Buurvrouw" in response.content.decode()
    assert list(plan.network.values_list("name", flat=True)) == ["Opa"]


@pytest.mark.django_db
def test_save_version_is_exclusive(plan, owner):
    calls = []
    save_version(plan, 1, owner, lambda: calls.append("first"))
    stale = Plan.objects.get(pk=plan.pk)
    stale.version = 1
    with pytest.raises(Conflict):
        save_version(stale, 1, owner, lambda: calls.append("second"))
    assert calls == ["first"]
    assert Plan.objects.get().version == 2
    assert plan.revisions.count() == 2


@pytest.mark.django_db
def test_conflict_view_merges_changes_to_different_fields(client, plan, owner, bewerker):
    url = reverse("plans:edit", kwargs={"reference": plan.reference})
    stale = edit_data(plan)
    client.force_login(owner)
    client.post(url, {**stale, "dreams": "Eigen huis", "perspective": "Stage"})
    client.force_login(bewerker)
    response = client.post(url, {**stale, "risks": "Schulden", "perspective": "Baan"})
    assert response.status_code == 409
    assert response.context["both_changed"] == 1  # the perspective
    merged = response.context["forms"][0].data
    assert merged["dreams"] == "Eigen huis"  # theirs, untouched by me
    assert merged["risks"] == "Schulden"  # mine
    assert merged["perspective"] == "Baan"  # both changed: mine, and reported
    assert client.post(url, merged.dict()).status_code == 302
    fresh = Plan.objects.get()
    assert (fresh.dreams, fresh.risks, fresh.version) == ("Eigen huis", "Schulden", 3)


@pytest.mark.django_db
def test_conflict_on_a_domain_page_merges_fields_and_actions(client, plan, owner, bewerker):
    from plans.factories import domain_data
    from plans.models import AccessLogEntry, Action

    werk = plan.domains.first()
    url = reverse("plans:domain", kwargs={"reference": plan.reference, "domain_id": werk.pk})
    stale = domain_data(werk)
    client.force_login(owner)
    new = {"what": "Cv maken", "who": "jongere", "status": "open"}
    mine = domain_data(werk, [new], **{"domain-situation": "Geen werk"})
    assert client.post(url, mine).status_code == 302
    client.force_login(bewerker)
    response = client.post(url, {**stale, "domain-goal": "Stage"})
    assert response.status_code == 409
    assert "Iemand anders heeft het plan intussen opgeslagen" in response.content.decode()
    merged = response.context["forms"][0].data
    assert merged["domain-situation"] == "Geen werk"  # theirs
    assert merged["domain-goal"] == "Stage"  # mine
    assert AccessLogEntry.objects.filter(
        user=bewerker, detail="Werk: conflictweergave", action="read"
    ).exists()
    assert client.post(url, merged.dict()).status_code == 302
    werk.refresh_from_db()
    assert (werk.situation, werk.goal) == ("Geen werk", "Stage")
    assert Action.objects.filter(domain=werk, what="Cv maken").count() == 1


@pytest.mark.django_db
def test_conflict_merge_on_rows(client, plan, owner, bewerker):
    from plans.models import NetworkMember

    created = []
    save_version(  # as a save would: the base revision then holds Opa
        plan,
        1,
        owner,
        lambda: created.append(NetworkMember.objects.create(plan=plan, name="Opa", relation="opa")),
    )
    opa = created[0]
    url = reverse("plans:network", kwargs={"reference": plan.reference})
    stale = {
        "version": "2",
        "network-TOTAL_FORMS": "1",
        "network-INITIAL_FORMS": "1",
        "network-0-id": str(opa.pk),
        "network-0-name": "Opa",
        "network-0-relation": "opa",
        "network-0-contact": "",
    }
    client.force_login(owner)
    assert client.post(url, {**stale, "network-0-relation": "opa (vaderskant)"}).status_code == 302
    client.force_login(bewerker)
    response = client.post(url, {**stale, "network-0-contact": "06-11112222"})
    assert response.status_code == 409
    assert client.post(url, response.context["forms"][0].data.dict()).status_code == 302
    opa.refresh_from_db()
    assert (opa.relation, opa.contact) == ("opa (vaderskant)", "06-11112222")
