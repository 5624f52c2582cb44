"""Background tasks of the agenda (scheduled through PERIODIC_TASKS in wagtail_hooks)."""

from celery import shared_task

from . import reminders


@shared_task(name="agenda.send_reminders")
def send_reminders():
    return reminders.send_reminders()
