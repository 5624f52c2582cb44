"""The agenda's e-mails: confirmation, waiting list, moved up from the waiting list and
the reminder for registrants without an account. Confirmations carry the event as an
.ics file and every mail has the registrant's own cancel link."""

from django.utils import timezone

from leernetwerk.core.mail import send_email

from .ical import event_ical
from .models import RegistrationStatus

ICS_MIMETYPE = "text/calendar"


def ics_filename(event):
    return f"{event.slug}.ics"


def urls(registration, request=None):
    event = registration.event
    page_url = event.get_full_url(request)
    return {
        "page_url": page_url,
        "cancel_url": page_url + event.reverse_subpage("cancel", args=[registration.token]),
    }


def _context(registration, request=None):
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "start": timezone.localtime(event.start),
        "end": timezone.localtime(event.end),
        **urls(registration, request),
    }


def _send(registration, subject, template, request=None, with_ics=False):
    attachments = None
    if with_ics:
        event = registration.event
        content = event_ical(event, request, with_online_link=True)
        attachments = [(ics_filename(event), content, ICS_MIMETYPE)]
    send_email(
        to=[registration.email],
        subject=subject,
        template=template,
        context=_context(registration, request),
        attachments=attachments,
    )


def send_registration_mail(registration, request=None):
    """Confirmation with the .ics file, or the waiting-list notice."""
    title = registration.event.title
    if registration.status == RegistrationStatus.CONFIRMED:
        _send(
            registration,
            f"Je bent aangemeld: {title}",
            "agenda/email/confirmation.txt",
            request,
            with_ics=True,
        )
    else:
        _send(
            registration,
            f"Je staat op de wachtlijst: {title}",
            "agenda/email/waiting_list.txt",
            request,
        )


def send_promotion_mail(registration, request=None):
    _send(
        registration,
        f"Er is een plaats vrij: je bent aangemeld voor {registration.event.title}",
        "agenda/email/promoted.txt",
        request,
        with_ics=True,
    )


def send_reminder_mail(registration):
    _send(
        registration,
        f"Herinnering: {registration.event.title}",
        "agenda/email/reminder.txt",
        with_ics=True,
    )
