"""Retention: purge_plans erases plans closed longer ago than the configured period."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from plans.factories import make_plan
from plans.models import AccessLogEntry, Plan


def _closed(template, owner, days_ago, name):
    plan = make_plan(template, owner=owner, first_name=name)
    plan.status = Plan.Status.AFGESLOTEN
    plan.closed_at = timezone.now() - timedelta(days=days_ago)
    plan.save()
    return plan


def _purge(*args):
    out = StringIO()
    call_command("purge_plans", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
@override_settings(PLANS_RETENTION_DAYS=365)
def test_purge_respects_the_period(template, owner):
    old = _closed(template, owner, 400, "Oud")
    recent = _closed(template, owner, 10, "Recent")
    active = make_plan(template, owner=owner, first_name="Actief")
    Plan.objects.filter(pk=active.pk).update(created_at=timezone.now() - timedelta(days=900))

    dry = _purge("--proefdraai")
    assert f"zou wissen: {old.reference}" in dry
    assert Plan.objects.count() == 3

    report = _purge()
    assert f"gewist: {old.reference}" in report and "1 plan(nen) gewist." in report
    assert set(Plan.objects.values_list("pk", flat=True)) == {recent.pk, active.pk}
    trace = AccessLogEntry.objects.get(plan_ref=old.reference, action="erase")
    assert trace.user is None and trace.detail == "bewaartermijn verstreken"  # the system

    assert "0 plan(nen) gewist." in _purge()  # safe to run again (daily)


@pytest.mark.django_db
def test_purge_period_is_configurable(template, owner):
    recent = _closed(template, owner, 10, "Recent")
    with override_settings(PLANS_RETENTION_DAYS=30):
        _purge()
    assert Plan.objects.filter(pk=recent.pk).exists()
    with override_settings(PLANS_RETENTION_DAYS=5):
        _purge()
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_purge_days_option_and_bad_value(template, owner):
    _closed(template, owner, 10, "Recent")
    _purge("--dagen", "20")
    assert Plan.objects.count() == 1
    _purge("--dagen", "9")
    assert Plan.objects.count() == 0
    with pytest.raises(CommandError, match="negatief"):
        _purge("--dagen", "-1")
