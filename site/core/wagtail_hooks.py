"""The foundation's own periodic work (``PERIODIC_TASKS``)."""

from celery.schedules import crontab
from wagtail import hooks

from .hooks import PERIODIC_TASKS, PeriodicTask


@hooks.register(PERIODIC_TASKS)
def periodic_tasks():
    return [
        PeriodicTask(
            name="Geplande publicaties",
            task="leernetwerk.publish_scheduled",
            schedule=crontab(minute="*/5"),
        )
    ]
