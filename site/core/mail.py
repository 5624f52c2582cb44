"""Every e-mail of the platform goes through ``send_email``: rendered now, in the
request that causes it, and delivered by a task (``leernetwerk.core.tasks``).

With a broker, the task is queued only when the current transaction commits, so a form
that fails half-way sends nothing. Without one (``make run``, the tests) the mail is
delivered at once, in this process.
"""

import base64

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from .tasks import deliver_email

# Celery logs a task's arguments; a mail's body and address stay out of those lines.
LOG_REPR = "<e-mail>"


def send_email(
    *,
    to,
    subject,
    template,
    context=None,
    html_template=None,
    headers=None,
    attachments=None,
    reply_to=None,
):
    """Render ``template`` (plain text, and ``html_template`` if given) and deliver it.

    ``attachments``: ``(filename, content, mimetype)`` with str or bytes content.
    """
    context = context or {}
    message = {
        "to": list(to),
        "subject": " ".join(subject.split()),  # no header injection through new lines
        "body": render_to_string(template, context),
        "html": render_to_string(html_template, context) if html_template else "",
        "headers": dict(headers or {}),
        "reply_to": list(reply_to or []),
        "attachments": [
            (name, _encode(content), mimetype) for name, content, mimetype in attachments or []
        ],
    }
    if settings.CELERY_TASK_ALWAYS_EAGER:
        deliver_email(message)
    else:
        transaction.on_commit(
            lambda: deliver_email.apply_async(kwargs={"message": message}, kwargsrepr=LOG_REPR)
        )


def _encode(content):
    # The queue carries JSON: binary attachments travel as base64.
    raw = content.encode() if isinstance(content, str) else bytes(content)
    return base64.b64encode(raw).decode("ascii")
