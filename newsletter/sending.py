"""Composing and sending newsletter mails.

Every mail is personal: its own unsubscribe link, and the ``List-Unsubscribe`` and
``List-Unsubscribe-Post`` headers of RFC 8058, so mail programs offer a one-click
unsubscribe that POSTs to that link.

A send job runs in the background (``tasks.send_issue``). It first fixes its recipients
(one ``Delivery`` per active subscriber), then sends in batches over one mail
connection per batch. Each delivery is claimed (``bezig``) before its mail goes out and
marked afterwards, so a task that is run again, after a crash or by a second worker,
never sends to an address twice. A mail whose outcome is unknown (the process died
between sending and marking) counts as failed: at most once, never twice.

The issue's mails do not go through ``leernetwerk.core.mail.send_email``: that queues one
delivery task per mail, so the job could only count mails queued, not sent, and a
retried delivery task could send twice. This task is already in the background; it
sends itself, over one SMTP connection per batch, and records each outcome. Test mails
and the confirmation mail do use ``send_email``.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from leernetwerk.core.mail import send_email

from .models import Delivery, NewsletterIssue, SendJob, Subscriber, normalize_email

logger = logging.getLogger(__name__)

TEXT_TEMPLATE = "newsletter/email/issue.txt"
HTML_TEMPLATE = "newsletter/email/issue.html"
BATCH_SIZE = 100
# The recipient was refused by the mail server: that address fails, the job goes on.
# Any other error (server unreachable, connection lost) stops the task; what was not
# sent stays in the queue for the retry.
RECIPIENT_ERRORS = (smtplib.SMTPRecipientsRefused,)

Status = Delivery.Status


class AlreadySent(Exception):
    """The issue has a send job already: an issue is sent only once."""


def site_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def mail_context(issue, items, unsubscribe_url, test=False):
    """What the mail templates of an issue get (also the CMS's e-mail preview)."""
    return {
        "issue": issue,
        "items": items,
        "unsubscribe_url": unsubscribe_url,
        "web_url": site_url(issue.get_absolute_url()) if issue.is_sent else "",
        "archive_url": site_url(reverse("newsletter:archive")),
        "site_url": site_url("/"),
        "test": test,
    }


def personal_mail(issue, items, subscriber=None, test=False):
    """(subject, context, headers) of the mail of ``issue`` for ``subscriber``; without
    one (a test mail to an editor who is not subscribed) the link goes to the sign-up page."""
    headers = {}
    if subscriber is not None:
        unsubscribe_url = site_url(subscriber.unsubscribe_path())
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    else:
        unsubscribe_url = site_url(reverse("newsletter:subscribe"))
    subject = f"[Test] {issue.subject}" if test else issue.subject
    return subject, mail_context(issue, items, unsubscribe_url, test=test), headers


def issue_message(issue, items, subscriber, connection=None):
    """The mail of ``issue`` for ``subscriber``, to send over ``connection``."""
    subject, context, headers = personal_mail(issue, items, subscriber)
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(TEXT_TEMPLATE, context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(render_to_string(HTML_TEMPLATE, context), "text/html")
    return message


def send_test(issue, user):
    """Send ``issue`` to the editor's own address (through the platform's mail queue);
    uses their own subscription, and so a working unsubscribe link, when they have one."""
    subscriber = Subscriber.objects.active().filter(email=normalize_email(user.email)).first()
    subject, context, headers = personal_mail(
        issue, issue.resolved_items(), subscriber=subscriber, test=True
    )
    send_email(
        to=[user.email],
        subject=subject,
        template=TEXT_TEMPLATE,
        html_template=HTML_TEMPLATE,
        context=context,
        headers=headers,
    )


def start_sending(issue, user):
    """Mark ``issue`` sent and create its send job; the caller starts the task after the
    commit. Raises AlreadySent when someone else was first."""
    with transaction.atomic():
        locked = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
        if locked.sent_at is not None or SendJob.objects.filter(issue=locked).exists():
            raise AlreadySent
        locked.sent_at = timezone.now()
        locked.save(update_fields=["sent_at"])
        return SendJob.objects.create(issue=locked, created_by=user)


def _fix_recipients(job):
    """On the first run: one delivery per active subscriber, and the job's total."""
    with transaction.atomic():
        job = SendJob.objects.select_for_update().get(pk=job.pk)
        if job.started_at is None:
            Delivery.objects.bulk_create(
                [Delivery(job=job, subscriber_id=pk) for pk in _active_ids()],
                ignore_conflicts=True,
                batch_size=1000,
            )
            job.started_at = timezone.now()
            job.total = job.deliveries.count()
            job.save(update_fields=["started_at", "total"])
    return job


def _active_ids():
    return Subscriber.objects.active().order_by("pk").values_list("pk", flat=True).iterator()


def _deliver(job, delivery, items, connection):
    claimed = Delivery.objects.filter(pk=delivery.pk, status=Status.PENDING).update(
        status=Status.SENDING, attempted_at=timezone.now()
    )
    if not claimed:  # another worker has it
        return
    subscriber = delivery.subscriber
    if subscriber is None or not subscriber.is_active:  # left since the job started
        _mark(delivery, Status.SKIPPED)
        return
    try:
        issue_message(job.issue, items, subscriber, connection=connection).send()
    except RECIPIENT_ERRORS:
        logger.warning("Nieuwsbrief %s: ontvanger %s geweigerd", job.issue_id, delivery.pk)
        _mark(delivery, Status.FAILED)
    except Exception:
        # Not this address's fault: back in the queue, and the task stops (and retries).
        Delivery.objects.filter(pk=delivery.pk).update(status=Status.PENDING)
        raise
    else:
        _mark(delivery, Status.SENT)


def _mark(delivery, status):
    Delivery.objects.filter(pk=delivery.pk, status=Status.SENDING).update(status=status)


def update_progress(job, finish=False):
    """Recount the job's deliveries; with ``finish``, close the job when none is left."""
    counts = dict(job.deliveries.values_list("status").annotate(n=Count("pk")).order_by())
    job.sent = counts.get(Status.SENT, 0)
    job.failed = counts.get(Status.FAILED, 0)
    job.skipped = counts.get(Status.SKIPPED, 0)
    fields = ["sent", "failed", "skipped"]
    if finish and not counts.get(Status.PENDING) and not counts.get(Status.SENDING):
        job.finished_at = timezone.now()
        fields.append("finished_at")
    job.save(update_fields=fields)


def run_job(job_id, batch_size=BATCH_SIZE):
    """Send the job's remaining mails. Safe to run again at any time."""
    job = SendJob.objects.select_related("issue").filter(pk=job_id).first()
    if job is None or job.finished_at is not None:
        return job
    job = _fix_recipients(job)
    # Claimed by a run that died: whether that mail left is unknown, so it is not sent again.
    job.deliveries.filter(status=Status.SENDING).update(status=Status.FAILED)
    items = job.issue.resolved_items()
    while True:
        batch = list(
            job.deliveries.filter(status=Status.PENDING)
            .select_related("subscriber")
            .order_by("pk")[:batch_size]
        )
        if not batch:
            break
        try:
            with get_connection() as connection:
                for delivery in batch:
                    _deliver(job, delivery, items, connection)
        finally:
            update_progress(job)
    update_progress(job, finish=True)
    return job
