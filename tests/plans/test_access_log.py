"""NEN 7513 access log: every display, write and denied attempt; append-only; retention."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from plans.factories import domain_data, edit_data
from plans.models import AccessLogEntry
from plans.models.audit import AppendOnlyError

pytestmark = pytest.mark.django_db


def _url(name, plan):
    return reverse(f"plans:{name}", kwargs={"reference": plan.reference})


DISPLAYS = [
    ("detail", "plan bekeken"),
    ("edit", "Plan bewerken: geopend"),
    ("network", "Steuncirkel bewerken: geopend"),
    ("actions", "acties per levensgebied bekeken"),
    ("review", "Evaluatie toevoegen: geopend"),
    ("revisions", "versies bekeken"),
    ("sharing", "deelpagina bekeken"),
    ("log", "toegangslog bekeken"),
    ("erase", "wispagina bekeken"),
    ("export_json", "inzage JSON"),
    ("api_detail", "API"),
]


def test_every_display_is_logged_with_role_and_session(client, plan, owner):
    client.force_login(owner)
    for name, detail in DISPLAYS:
        assert client.get(_url(name, plan)).status_code == 200, name
        entry = AccessLogEntry.objects.filter(plan_ref=plan.reference).order_by("-pk").first()
        assert entry.detail == detail, name
        assert entry.user == owner and entry.role == "eigenaar" and entry.session_ref
    for url, detail in (
        (reverse("plans:list"), "planoverzicht"),
        (reverse("plans:api_list"), "API: planoverzicht"),
    ):
        client.get(url)
        assert AccessLogEntry.objects.filter(plan_ref=plan.reference, detail=detail).exists()


def test_conflict_page_and_invalid_form_are_logged(client, plan, owner, bewerker):
    client.force_login(owner)
    stale = edit_data(plan)
    client.post(_url("edit", plan), edit_data(plan, dreams="Eerst"))
    client.force_login(bewerker)
    response = client.post(_url("edit", plan), {**stale, "dreams": "Later"})
    assert response.status_code == 409
    assert AccessLogEntry.objects.filter(
        user=bewerker, detail="Plan bewerken: conflictweergave"
    ).exists()
    client.post(_url("edit", plan), {**edit_data(plan), "first_name": ""})
    assert AccessLogEntry.objects.filter(detail__endswith="formulier met fouten getoond").exists()


def test_domain_page_logs_every_view_edit_and_refusal(client, plan, owner, lezer, template):
    from plans.factories import make_plan

    werk = plan.domains.first()
    url = reverse("plans:domain", kwargs={"reference": plan.reference, "domain_id": werk.pk})

    def last():
        return AccessLogEntry.objects.filter(plan_ref=plan.reference).order_by("-pk").first()

    client.force_login(owner)
    assert client.get(url).status_code == 200
    assert (last().action, last().detail) == ("read", "Werk: geopend")
    assert client.post(url, {**domain_data(werk), "actie_toevoegen": "1"}).status_code == 200
    assert (last().action, last().detail) == (
        "read",
        "Werk: lege actie toegevoegd aan het formulier",
    )
    row = {"what": "Cv maken", "who": "jongere", "status": "open"}
    assert client.post(url, domain_data(werk, [row])).status_code == 302
    assert (last().action, last().detail) == ("write", "levensgebied Werk bewerkt")
    assert last().user == owner and last().role == "eigenaar"
    # a levensgebied of another plan: 404 and a denied entry on this plan
    other = make_plan(template, owner=owner, first_name="Ander").domains.first()
    foreign = reverse("plans:domain", kwargs={"reference": plan.reference, "domain_id": other.pk})
    assert client.get(foreign).status_code == 404
    assert (last().action, last().detail) == ("denied", "onbekend levensgebied gevraagd")
    client.force_login(lezer)
    assert client.get(url).status_code == 403
    assert (last().action, last().user) == ("denied", lezer)


@pytest.mark.parametrize("who", ["outsider", "revoked", "anonymous"])
def test_denied_attempts_are_logged(request, client, plan, outsider, revoked, who):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    if user:
        client.force_login(user)
    assert client.get(_url("detail", plan), REMOTE_ADDR="10.0.0.9").status_code == 404
    entry = AccessLogEntry.objects.get(action="denied")
    assert entry.plan_ref == plan.reference and entry.user == user
    assert entry.ip_address == "10.0.0.9" and entry.detail == "geen toegang: plan_detail"


def test_role_too_low_is_logged(client, plan, lezer):
    client.force_login(lezer)
    assert client.get(_url("edit", plan)).status_code == 403
    entry = AccessLogEntry.objects.get(action="denied")
    assert entry.user == lezer and entry.role == "lezer"


def test_entries_cannot_be_changed_or_deleted_through_the_orm(client, plan, owner):
    client.force_login(owner)
    client.get(_url("detail", plan))
    entry = AccessLogEntry.objects.get()
    entry.detail = "anders"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.filter(pk=entry.pk).update(detail="anders")
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().delete()


def test_database_refuses_updates(client, plan, owner):
    client.force_login(owner)
    client.get(_url("detail", plan))
    table = AccessLogEntry._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET detail = 'anders'")  # noqa: S608
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
    assert AccessLogEntry.objects.get().detail == "plan bekeken"


def test_account_deletion_keeps_an_attributable_log(client, plan, owner, bewerker):
    client.force_login(bewerker)
    client.get(_url("detail", plan))
    bewerker.delete()
    entry = AccessLogEntry.objects.get(detail="plan bekeken")
    assert entry.user_label == "bewerker" and entry.who == "bewerker" and entry.role == "bewerker"


@override_settings(ACCESS_LOG_RETENTION_DAYS=30)
def test_retention_removes_only_old_entries(client, plan, owner):
    client.force_login(owner)
    client.get(_url("detail", plan))
    old = AccessLogEntry(
        plan_ref=plan.reference, action="read", created_at=timezone.now() - timedelta(days=31)
    )
    old.save()
    call_command("purge_plans", "--proefdraai", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert AccessLogEntry.objects.count() == 2
    call_command("purge_plans", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(AccessLogEntry.objects.values_list("detail", flat=True)) == ["plan bekeken"]
