"""Every plan URL, for every role: members see what their role allows, everyone else a 404."""

import pytest
from django.urls import reverse

from plans.models import Plan

MEMBERS = ("owner", "bewerker", "lezer")
NOBODY = ("revoked", "outsider", "anonymous")

READ_VIEWS = ["detail", "revisions", "export_pdf", "api_detail"]
WRITE_VIEWS = ["edit", "network", "actions", "review"]
OWNER_VIEWS = ["sharing", "log", "export_json", "erase"]


def _url(name, plan):
    kwargs = {"reference": plan.reference}
    return reverse(f"plans:{name}", kwargs=kwargs)


def _client(request, client, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


EXPECTED = {}
for view in READ_VIEWS:
    EXPECTED.update({(view, who): 200 for who in MEMBERS})
for view in WRITE_VIEWS:
    EXPECTED.update({(view, "owner"): 200, (view, "bewerker"): 200, (view, "lezer"): 403})
for view in OWNER_VIEWS:
    EXPECTED.update({(view, "owner"): 200, (view, "bewerker"): 403, (view, "lezer"): 403})


@pytest.mark.django_db
@pytest.mark.parametrize("view", READ_VIEWS + WRITE_VIEWS + OWNER_VIEWS)
def test_access_matrix(request, client, plan, bewerker, lezer, revoked, outsider, view):
    # One plan per view, all six roles against it (keeps the suite fast).
    seen = {}
    for who in MEMBERS + NOBODY:
        client.logout()
        seen[who] = _client(request, client, who).get(_url(view, plan)).status_code
    assert seen == {who: EXPECTED.get((view, who), 404) for who in MEMBERS + NOBODY}


@pytest.mark.django_db
def test_diff_view_per_role(request, client, plan, lezer, outsider):
    url = reverse("plans:diff", kwargs={"reference": plan.reference, "number": 1})
    client.force_login(lezer)
    assert client.get(url).status_code == 200
    client.force_login(outsider)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["lezer", "revoked", "outsider", "anonymous"])
def test_cannot_write(request, client, plan, lezer, revoked, outsider, who):
    data = {
        "version": plan.version,
        "first_name": "Gehackt",
    }
    response = _client(request, client, who).post(_url("edit", plan), data)
    assert response.status_code == (403 if who == "lezer" else 404)
    assert Plan.objects.get().first_name == "Sam"
    assert Plan.objects.get().version == 1


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["bewerker", "lezer", "revoked", "outsider", "anonymous"])
def test_only_owner_closes(request, client, plan, bewerker, lezer, revoked, outsider, who):
    response = _client(request, client, who).post(_url("close", plan))
    assert response.status_code == (403 if who in MEMBERS else 404)
    assert Plan.objects.get().status == Plan.Status.ACTIEF


@pytest.mark.django_db
def test_plan_list_shows_only_connected_plans(client, plan, template, outsider, revoked):
    from plans.factories import make_plan

    other = make_plan(template, owner=outsider, first_name="Noor")
    client.force_login(outsider)
    html = client.get(reverse("plans:list")).content.decode()
    assert "Noor" in html and "Sam" not in html
    client.force_login(revoked)
    html = client.get(reverse("plans:list")).content.decode()
    assert "Sam" not in html and "Noor" not in html
    assert other.reference != plan.reference


@pytest.mark.django_db
def test_list_and_start_require_login(client, template):
    for url in (reverse("plans:list"), reverse("plans:start", args=[template.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/inloggen/")


@pytest.mark.django_db
def test_api_lists_only_connected(client, plan, owner, outsider):
    client.force_login(outsider)
    assert client.get(reverse("plans:api_list")).json() == {"plannen": []}
    client.force_login(owner)
    data = client.get(reverse("plans:api_list")).json()
    assert [p["referentie"] for p in data["plannen"]] == [str(plan.reference)]
    assert data["plannen"][0]["rol"] == "eigenaar"
    client.logout()
    assert client.get(reverse("plans:api_list")).json() == {"plannen": []}


@pytest.mark.django_db
def test_unknown_reference_is_404(client, owner, plan):
    client.force_login(owner)
    url = reverse("plans:detail", kwargs={"reference": "00000000-0000-0000-0000-000000000000"})
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_rows_of_another_plan_cannot_be_edited(client, plan, template, bewerker, outsider):
    """Row ids of a plan you are not in are ignored, even from a plan you can edit."""
    from plans.factories import domain_data, formset_data, make_plan
    from plans.models import Action, NetworkMember

    other = make_plan(template, owner=outsider, first_name="Noor")
    foreign_domain = other.domains.first()
    foreign_member = NetworkMember.objects.create(plan=other, name="Oom Kees", relation="oom")
    client.force_login(bewerker)
    url = reverse(
        "plans:domain", kwargs={"reference": plan.reference, "domain_id": foreign_domain.pk}
    )
    data = domain_data(foreign_domain, version=plan.version, **{"domain-goal": "Overschreven"})
    assert client.post(url, data).status_code == 404
    foreign_domain.refresh_from_db()
    assert foreign_domain.goal == ""
    # an action of another domain, even of this plan, is not editable on this domain's page
    werk, wonen = plan.domains.all()[:2]
    action = Action.objects.create(plan=plan, domain=wonen, what="Huis zoeken", who="jongere")
    row = {"id": action.pk, "what": "Gewijzigd", "who": "jongere", "status": "open"}
    data = domain_data(werk, version=plan.version)
    data.update(formset_data("actions", [row], plan.version, initial=1))
    url = reverse("plans:domain", kwargs={"reference": plan.reference, "domain_id": werk.pk})
    assert client.post(url, data).status_code in (200, 302)  # the foreign row is ignored
    action.refresh_from_db()
    assert (action.what, action.domain) == ("Huis zoeken", wonen)
    assert Action.objects.count() == 1
    row = {"id": foreign_member.pk, "name": "Gewijzigd", "relation": "oom"}
    client.post(_url("network", plan), formset_data("network", [row], plan.version, initial=1))
    foreign_member.refresh_from_db()
    assert foreign_member.name == "Oom Kees"
    assert not plan.network.filter(name="Gewijzigd").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, status",
    [
        ("Professional", 200),
        (None, 403),  # a registered account that is not (yet) approved, or a young person
        ("Redactie NJi", 403),
        ("Moderator", 403),
        ("Beheer accounts", 403),
    ],
)
def test_only_professionals_start_plans(client, template, role, status):
    from django.contrib.auth.models import Group

    from leernetwerk.core.factories import UserFactory
    from plans.models import Plan

    user = UserFactory(username=f"rol-{role or 'geen'}".replace(" ", "-"))
    if role:
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    url = reverse("plans:start", args=[template.pk])
    assert client.get(url).status_code == status
    client.post(url, {"first_name": "Sam", "consent": "on"})
    assert Plan.objects.exists() == (status == 200)


@pytest.mark.django_db
def test_invited_young_person_cannot_start_plans(client, template, plan, lezer):
    client.force_login(lezer)
    assert client.get(reverse("plans:start", args=[template.pk])).status_code == 403
