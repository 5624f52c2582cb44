"""The applicant hears when the status of a pilot application changes.

An applicant with an account gets it as a notification (their own choice of direct,
digest or off); an applicant without one gets the e-mail directly, as with the
confirmation of the application.
"""

from django.contrib.auth import get_user_model

from leernetwerk.core.mail import send_email
from leernetwerk.notifications import NotificationKind, notify
from leernetwerk.notifications.sending import absolute_url

STATUS_CHANGED = "pilots.application_status"
KINDS = [
    NotificationKind(
        key=STATUS_CHANGED,
        label="De status van een pilotaanmelding van jouw regio is gewijzigd",
    )
]


def application_status_changed(aanmelding):
    subject = f"Je pilotaanmelding is nu: {aanmelding.get_status_display().lower()}"
    text = f'Aanmelding van {aanmelding.regio.name} voor "{aanmelding.oproep.title}".'
    url = aanmelding.oproep.url or "/"
    account = (
        get_user_model()
        .objects.filter(email__iexact=aanmelding.contact_email, is_active=True)
        .first()
    )
    if account:
        notify(account, kind=STATUS_CHANGED, subject=subject, text=text, url=url)
        return
    send_email(
        to=[aanmelding.contact_email],
        subject=subject,
        template="pilots/email/aanmelding_status.txt",
        context={"aanmelding": aanmelding, "text": text, "link": absolute_url(url)},
    )
