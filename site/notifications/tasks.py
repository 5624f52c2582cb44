from celery import shared_task

from . import sending


@shared_task(name="leernetwerk.notifications.send_digests")
def send_digests():
    return sending.send_digests()


@shared_task(name="leernetwerk.notifications.purge_old")
def purge_old():
    return sending.purge_old()
