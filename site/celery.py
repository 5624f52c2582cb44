"""The Celery application: mail, newsletters, reminders, digests and retention run as tasks.

Broker: ``CELERY_BROKER_URL`` (or ``REDIS_URL``). Without a broker the tasks run
immediately in the calling process (``task_always_eager``), so ``make run`` needs no
worker. Production runs ``celery -A leernetwerk worker`` and ``celery -A leernetwerk
beat`` (README, docs/deployment.md).

Apps declare periodic tasks with the ``PERIODIC_TASKS`` hook (``leernetwerk.core.hooks``)
rather than in the settings, because the foundation names no feature app.
"""

import os

from celery import Celery

from leernetwerk.core.hooks import periodic_tasks

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leernetwerk.settings.dev")

app = Celery("leernetwerk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def register_periodic_tasks(sender, **kwargs):
    # Runs once the app is finalised (worker, beat or first task call): Django is set up
    # by then through Celery's Django fix-up, so Wagtail's hooks can be read.
    for task in periodic_tasks():
        sender.add_periodic_task(task.schedule, sender.signature(task.task), name=task.name)
