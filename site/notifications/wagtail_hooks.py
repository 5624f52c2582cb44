from celery.schedules import crontab
from django.urls import reverse
from wagtail import hooks

from leernetwerk.core.hooks import ACCOUNT_DATA, PERIODIC_TASKS, PROFILE_LINKS, PeriodicTask

from .models import Notification, Preference


@hooks.register(PERIODIC_TASKS)
def periodic_tasks():
    return [
        PeriodicTask(
            name="Dagelijks overzicht van meldingen",
            task="leernetwerk.notifications.send_digests",
            schedule=crontab(hour=7, minute=0),
        ),
        PeriodicTask(
            name="Oude meldingen opruimen",
            task="leernetwerk.notifications.purge_old",
            schedule=crontab(hour=3, minute=30),
        ),
    ]


@hooks.register(PROFILE_LINKS)
def profile_links(user):
    return [("Meldingen: wat je wanneer per e-mail krijgt", reverse("notification_settings"))]


@hooks.register(ACCOUNT_DATA)
def account_data(user):
    return {
        "meldingsvoorkeuren": list(
            Preference.objects.filter(user=user).values("kind", "choice").order_by("kind")
        ),
        "meldingen": list(
            Notification.objects.filter(user=user).values(
                "kind", "subject", "url", "created_at", "emailed_at"
            )
        ),
    }
