"""CMS views for an issue: send a test to yourself, send to everyone (after a confirmation
step), and follow the progress of the send job. Each checks its permission itself."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import sending, tasks
from .models import Delivery, NewsletterIssue, SendJob, Subscriber

logger = logging.getLogger(__name__)

TEST_PERMISSION = "newsletter.change_newsletterissue"
SEND_PERMISSION = "newsletter.send_newsletter"
VIEW_PERMISSION = "newsletter.view_newsletterissue"
REFRESH_SECONDS = 3
FAILED_SHOWN = 50


def _render(request, template, issue, title, icon, **context):
    """An admin page in Wagtail's frame: breadcrumbs Nieuwsbrieven > issue > title."""
    breadcrumbs = [
        {
            "url": reverse("wagtailsnippets_newsletter_newsletterissue:list"),
            "label": "Nieuwsbrieven",
        },
        {
            "url": reverse("wagtailsnippets_newsletter_newsletterissue:edit", args=[issue.pk]),
            "label": issue.subject,
        },
        {"url": "", "label": title},
    ]
    context.update(issue=issue, header_title=title, header_icon=icon, breadcrumbs_items=breadcrumbs)
    return render(request, template, context)


def _issue(request, pk, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(NewsletterIssue, pk=pk)


def send_test(request, pk):
    issue = _issue(request, pk, TEST_PERMISSION)
    if request.method == "POST":
        if not request.user.email:
            messages.error(request, "Je account heeft geen e-mailadres; vul dat eerst in.")
        else:
            sending.send_test(issue, request.user)
            messages.success(request, f"De testmail is verstuurd naar {request.user.email}.")
        return redirect("newsletter_admin:test", pk=issue.pk)
    return _render(request, "newsletter/admin/test.html", issue, "Testmail", "mail")


def _enqueue(request, job):
    try:
        tasks.send_issue.delay(job.pk)
    except Exception:  # the task queue is away: the job waits, the editor can resume it
        logger.exception("Nieuwsbrief: verzending %s niet in de wachtrij gezet", job.pk)
        messages.warning(
            request,
            "De verzending staat klaar, maar de takenwachtrij reageert niet. Probeer het zo "
            "opnieuw met 'Verzending hervatten'.",
        )


def send(request, pk):
    issue = _issue(request, pk, SEND_PERMISSION)
    if issue.is_sent:
        messages.info(
            request, "Deze nieuwsbrief is al verzonden; een nieuwsbrief gaat maar één keer uit."
        )
        return redirect("newsletter_admin:progress", pk=issue.pk)
    if request.method == "POST":
        try:
            job = sending.start_sending(issue, request.user)
        except sending.AlreadySent:
            messages.info(request, "Deze nieuwsbrief is al verzonden.")
        else:
            transaction.on_commit(lambda: _enqueue(request, job))
        return redirect("newsletter_admin:progress", pk=issue.pk)
    recipients = Subscriber.objects.active().count()
    return _render(
        request, "newsletter/admin/send.html", issue, "Verzenden", "upload", recipients=recipients
    )


def progress(request, pk):
    issue = _issue(request, pk, VIEW_PERMISSION)
    job = SendJob.objects.filter(issue=issue).first()
    return _render(
        request,
        "newsletter/admin/progress.html",
        issue,
        "Voortgang verzending",
        "time",
        job=job,
        refresh=REFRESH_SECONDS if job and not job.finished_at else None,
        can_send=request.user.has_perm(SEND_PERMISSION),
        failed=_failed_addresses(job, request.user),
    )


def _failed_addresses(job, user):
    """The addresses that failed, for whoever may see subscribers (to check them)."""
    if job is None or not job.failed or not user.has_perm("newsletter.view_subscriber"):
        return []
    failed = job.deliveries.filter(status=Delivery.Status.FAILED, subscriber__isnull=False)
    return list(failed.values_list("subscriber__email", flat=True)[:FAILED_SHOWN])


@require_POST
def resume(request, pk):
    issue = _issue(request, pk, SEND_PERMISSION)
    job = get_object_or_404(SendJob, issue=issue, finished_at__isnull=True)
    _enqueue(request, job)
    return redirect("newsletter_admin:progress", pk=issue.pk)
