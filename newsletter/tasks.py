"""Background tasks of the newsletter (Celery)."""

from celery import shared_task

from . import sending
from .models import Subscriber


@shared_task(
    name="newsletter.send_issue",
    autoretry_for=(OSError,),  # mail server away: retry later, resuming where it stopped
    retry_backoff=60,
    retry_backoff_max=3600,
    max_retries=8,
)
def send_issue(job_id):
    job = sending.run_job(job_id)
    return {"job": job_id, "verzonden": job.sent if job else 0}


@shared_task(name="newsletter.purge_unconfirmed")
def purge_unconfirmed():
    """Delete subscriptions that were never confirmed within NEWSLETTER_CONFIRM_DAYS."""
    _total, per_model = Subscriber.objects.expired().delete()
    return per_model.get(Subscriber._meta.label, 0)
