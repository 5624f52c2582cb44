"""Retention of toekomstplannen as a daily task (the command stays for manual runs)."""

from celery import shared_task
from django.core.management import call_command

from . import notifications


@shared_task(name="plans.notify_actions_due")
def notify_actions_due():
    return notifications.actions_due()


@shared_task(name="plans.purge_plans")
def purge_plans():
    call_command("purge_plans", verbosity=0)
