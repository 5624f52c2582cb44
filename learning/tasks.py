from celery import shared_task

from . import notifications


@shared_task(name="learning.review_reminders")
def review_reminders():
    return notifications.review_reminders()
