"""Privacy rules for plans: idle plans closed after a warning, plans without members
erased, size limits on fields, rows and revisions, tampered formsets answered with 400."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from plans.factories import domain_data, edit_data, formset_data
from plans.models import AccessLogEntry, Membership, Plan, PlanDomain, PlanRevision

pytestmark = pytest.mark.django_db


def _purge():
    out = StringIO()
    call_command("purge_plans", stdout=out, stderr=StringIO())
    return out.getvalue()


def _age(plan, days):
    Plan.objects.filter(pk=plan.pk).update(updated_at=timezone.now() - timedelta(days=days))


@override_settings(PLANS_IDLE_CLOSE_DAYS=100, PLANS_IDLE_WARNING_DAYS=10)
def test_idle_plan_is_closed_after_a_warning(plan, owner):
    _age(plan, 50)
    _purge()
    assert mail.outbox == []  # not idle long enough for a warning
    _age(plan, 95)
    _purge()
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert "Sam" not in mail.outbox[0].body  # no plan content in the mail
    plan.refresh_from_db()
    assert plan.idle_warning_sent_at and not plan.is_closed
    _age(plan, 101)  # idle long enough, but the warning is younger than 10 days
    _purge()
    plan.refresh_from_db()
    assert not plan.is_closed
    Plan.objects.filter(pk=plan.pk).update(idle_warning_sent_at=timezone.now() - timedelta(11))
    _purge()
    plan.refresh_from_db()
    assert plan.is_closed and plan.closed_at
    assert AccessLogEntry.objects.filter(action="close", plan_ref=plan.reference).exists()
    assert len(mail.outbox) == 1  # warned once


@override_settings(PLANS_IDLE_CLOSE_DAYS=100, PLANS_IDLE_WARNING_DAYS=10)
def test_a_change_after_the_warning_keeps_the_plan_open(client, plan, owner):
    _age(plan, 95)
    _purge()
    client.force_login(owner)
    plan.refresh_from_db()
    client.post(reverse("plans:edit", kwargs={"reference": plan.reference}), edit_data(plan))
    plan.refresh_from_db()
    assert plan.idle_warning_sent_at is None


def test_plan_without_members_is_erased(plan, owner):
    Membership.objects.filter(plan=plan).update(revoked_at=timezone.now())
    assert "Zonder deelnemers: 1 plan(nen) gewist." in _purge()
    assert not Plan.objects.exists()
    erased = AccessLogEntry.objects.get(action="erase")
    assert erased.detail == "geen deelnemers meer" and erased.plan_ref == plan.reference


def test_text_fields_have_a_size_limit(client, plan, owner):
    client.force_login(owner)
    url = reverse("plans:edit", kwargs={"reference": plan.reference})
    response = client.post(url, edit_data(plan, dreams="x" * 4001))
    assert "Gebruik hier hoogstens 4000 tekens." in response.content.decode()
    plan.refresh_from_db()
    assert plan.dreams == "" and plan.version == 1


def test_network_rows_have_a_limit(client, plan, owner):
    client.force_login(owner)
    rows = [{"name": f"Persoon {n}", "relation": "buur"} for n in range(41)]
    url = reverse("plans:network", kwargs={"reference": plan.reference})
    response = client.post(url, formset_data("network", rows, plan.version))
    assert response.status_code in (200, 400)
    assert "40" in response.content.decode()
    assert not plan.network.exists()


@override_settings(PLANS_MAX_REVISIONS=3)
def test_only_the_newest_revisions_are_kept(client, plan, owner):
    client.force_login(owner)
    url = reverse("plans:edit", kwargs={"reference": plan.reference})
    for n in range(5):
        plan.refresh_from_db()
        client.post(url, edit_data(plan, dreams=f"Droom {n}"))
    numbers = sorted(PlanRevision.objects.values_list("number", flat=True))
    assert numbers == [4, 5, 6]


def _domain_url(domain):
    return reverse(
        "plans:domain", kwargs={"reference": domain.plan.reference, "domain_id": domain.pk}
    )


def test_edit_page_cannot_add_a_domain(client, plan, owner):
    """The edit page has no domain rows any more: a smuggled one is ignored."""
    client.force_login(owner)
    total = PlanDomain.objects.filter(plan=plan).count()
    data = edit_data(plan)
    data.update({"domains-TOTAL_FORMS": "1", "domains-INITIAL_FORMS": "0"})
    data["domains-0-goal"] = "Ingevoegd"
    response = client.post(reverse("plans:edit", kwargs={"reference": plan.reference}), data)
    assert response.status_code in (302, 400)
    assert PlanDomain.objects.filter(plan=plan).count() == total
    assert not PlanDomain.objects.filter(goal="Ingevoegd").exists()


def test_missing_management_form_gives_400(client, plan, owner):
    client.force_login(owner)
    werk = plan.domains.first()
    data = domain_data(werk, [{"what": "Cv", "who": "jongere", "status": "open"}])
    data["domain-goal"] = "Nieuw"
    del data["actions-TOTAL_FORMS"]
    response = client.post(_domain_url(werk), data)
    assert response.status_code == 400
    assert "Er is niets opgeslagen" in response.content.decode()
    werk.refresh_from_db()
    assert werk.goal == "" and not werk.actions.exists()
    # "Actie toevoegen" with tampered management data: 400 as well
    response = client.post(_domain_url(werk), {**data, "actie_toevoegen": "1"})
    assert response.status_code == 400
