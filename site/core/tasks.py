"""The foundation's tasks: delivering an e-mail that ``leernetwerk.core.mail`` rendered, and
Wagtail's scheduled publishing."""

import base64
import smtplib

from celery import shared_task
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command


@shared_task(
    name="leernetwerk.deliver_email",
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=30,
    retry_backoff_max=3600,
    max_retries=8,
)
def deliver_email(message):
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        to=message["to"],
        headers=message.get("headers") or None,
        reply_to=message.get("reply_to") or None,
    )
    if message.get("html"):
        email.attach_alternative(message["html"], "text/html")
    for name, content, mimetype in message.get("attachments", []):
        email.attach(name, base64.b64decode(content), mimetype)
    email.send()


@shared_task(name="leernetwerk.publish_scheduled")
def publish_scheduled():
    # Wagtail's own command: publishes pages and snippets whose go-live time has come and
    # unpublishes expired ones (each publish purges the page cache).
    call_command("publish_scheduled")
