"""The plan list runs a fixed number of queries, however many plans a user has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.factories import make_plan
from plans.models import Action, PlanRevision


def _add_plans(template, owner, count):
    for index in range(count):
        plan = make_plan(template, owner=owner, first_name=f"Jongere{index}")
        Action.objects.create(
            plan=plan, domain=plan.domains.first(), what="Cv", who="jongere", status="open"
        )


def _count(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("plans:list"))
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.django_db
def test_plan_list_query_count_is_constant(client, template, owner):
    client.force_login(owner)
    _add_plans(template, owner, 2)
    _count(client)  # warm up per-process caches (site root, settings)
    few, _ = _count(client)
    _add_plans(template, owner, 10)
    many, response = _count(client)
    assert few == many
    assert response.content.decode().count("/toekomstplan/plan/") == 12
    assert response.context["plans"][0].open_actions == 1


@pytest.mark.django_db
def test_revisions_page_query_count_is_constant(client, plan, owner):
    from plans.writes import save_version

    client.force_login(owner)
    url = reverse("plans:revisions", kwargs={"reference": plan.reference})
    client.get(url)  # warm up per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(6):
        save_version(plan, plan.version, owner, lambda: None)
    assert PlanRevision.objects.count() == 7
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many)


@pytest.mark.django_db
def test_plan_detail_query_count_is_constant(client, plan, owner):
    from plans.models import NetworkMember

    client.force_login(owner)
    url = reverse("plans:detail", kwargs={"reference": plan.reference})
    domains = list(plan.domains.all())
    ria = NetworkMember.objects.create(plan=plan, name="Ria", relation="tante")
    Action.objects.create(plan=plan, domain=domains[0], what="a", who="netwerk", network_member=ria)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index, domain in enumerate(domains):
        Action.objects.create(
            plan=plan, domain=domain, what=f"b{index}", who="netwerk", network_member=ria
        )
        NetworkMember.objects.create(plan=plan, name=f"Lid {index}", relation="vriend")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert (
        response.content.decode().count("Ria (tante)") == len(domains) + 2
    )  # + first action, steuncirkel
    assert len(few) == len(many)
