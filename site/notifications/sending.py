"""Sending notifications: at once, or gathered in the daily digest."""

from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from leernetwerk.core.mail import send_email

from .kinds import DIGEST, DIRECT, OFF, registered_kinds
from .models import Notification, Preference

KEEP_DAYS = 90  # the notification history a user's data export shows


def absolute_url(path):
    """Mail needs full links; tasks have no request, so the site's base URL is used."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def notify(users, *, kind, subject, url, text="", once=""):
    """Notify ``users`` (one user or an iterable) of ``kind``, each by their own choice.

    ``subject`` and ``text`` must hold no private content: the mail only says what
    happened and links to ``url`` (a path on this site), where access is checked.
    With ``once``, a user who already had a notification with that key gets none again
    (a daily reminder task may then run as often as it likes).
    """
    kinds = registered_kinds()
    if kind not in kinds:
        raise ValueError(
            f"Onbekende meldingssoort {kind!r}: registreer hem met NOTIFICATION_KINDS."
        )
    if isinstance(users, get_user_model()):
        users = [users]
    users = {user.pk: user for user in users if user.is_active and user.email}
    if once:
        already = Notification.objects.filter(once_key=once, user__in=list(users))
        for pk in already.values_list("user", flat=True):
            users.pop(pk, None)
    chosen = dict(
        Preference.objects.filter(user__in=list(users), kind=kind).values_list("user", "choice")
    )
    channels = {pk: chosen.get(pk, kinds[kind].default) for pk in users}
    created = [
        Notification(
            user=user,
            kind=kind,
            channel=channels[pk],
            subject=subject[:200],
            text=text[:500],
            url=url,
            once_key=once,
        )
        for pk, user in users.items()
        if channels[pk] != OFF
    ]
    with transaction.atomic():
        Notification.objects.bulk_create(created)
        direct = [n for n in created if n.channel == DIRECT]
        for notification in direct:
            send_email(
                to=[notification.user.email],
                subject=notification.subject,
                template="notifications/email/direct.txt",
                context={
                    "notification": notification,
                    "link": absolute_url(notification.url),
                    "kind": kinds[kind],
                    "settings_link": absolute_url(reverse("notification_settings")),
                },
            )
        Notification.objects.filter(pk__in=[n.pk for n in direct if n.pk]).update(
            emailed_at=timezone.now()
        )
    return created


def send_digests(now=None):
    """One mail per user with every digest notification not yet mailed. Idempotent: a
    notification is marked in the same transaction as its mail is queued."""
    now = now or timezone.now()
    kinds = registered_kinds()
    pending = Notification.objects.filter(channel=DIGEST, emailed_at__isnull=True)
    sent = 0
    for user_id in pending.values_list("user", flat=True).distinct().order_by("user"):
        with transaction.atomic():
            items = list(
                pending.filter(user=user_id).select_related("user").select_for_update(of=("self",))
            )
            if not items or not items[0].user.email or not items[0].user.is_active:
                continue
            send_email(
                to=[items[0].user.email],
                subject=f"Je overzicht van Leernetwerk 16-27 ({len(items)} meldingen)",
                template="notifications/email/digest.txt",
                context={
                    "items": [
                        (item, kinds.get(item.kind), absolute_url(item.url)) for item in items
                    ],
                    "settings_link": absolute_url(reverse("notification_settings")),
                },
            )
            Notification.objects.filter(pk__in=[item.pk for item in items]).update(emailed_at=now)
            sent += 1
    return sent


def purge_old(now=None):
    cutoff = (now or timezone.now()) - timedelta(days=KEEP_DAYS)
    deleted, _ = Notification.objects.filter(created_at__lt=cutoff).delete()
    return deleted
