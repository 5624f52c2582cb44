"""send_email: rendered in the request, delivered by the task queue."""

import base64
from unittest import mock

from django.core import mail
from django.test import override_settings

from leernetwerk.core import mail as core_mail
from leernetwerk.core.tasks import deliver_email


def _send(**extra):
    core_mail.send_email(
        to=["a@example.org"],
        subject="Bevestiging\r\nBcc: x@example.org",
        template="notifications/email/digest.txt",
        context={"items": [], "settings_link": "http://testserver/x/"},
        **extra,
    )


def test_mail_is_rendered_and_delivered_with_attachments(db):
    _send(
        attachments=[("bijeenkomst.ics", "BEGIN:VCALENDAR", "text/calendar")],
        headers={"List-Unsubscribe": "<http://testserver/af/>"},
    )
    [message] = mail.outbox
    assert message.subject == "Bevestiging Bcc: x@example.org"  # one line: no injected header
    assert message.bcc == []
    assert message.extra_headers["List-Unsubscribe"] == "<http://testserver/af/>"
    assert message.attachments[0][0] == "bijeenkomst.ics"
    assert "BEGIN:VCALENDAR" in str(message.attachments[0][1])


@override_settings(CELERY_TASK_ALWAYS_EAGER=False)
def test_with_a_broker_the_mail_waits_for_the_commit(db, django_capture_on_commit_callbacks):
    with mock.patch.object(deliver_email, "apply_async") as queued:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            _send(attachments=[("a.pdf", b"%PDF\x00\xff", "application/pdf")])
        queued.assert_not_called()  # a rolled-back form sends nothing
        callbacks[0]()
    kwargs = queued.call_args.kwargs
    assert kwargs["kwargsrepr"] == "<e-mail>"  # the worker's log shows no address or body
    message = kwargs["kwargs"]["message"]
    assert base64.b64decode(message["attachments"][0][1]) == b"%PDF\x00\xff"
    assert mail.outbox == []


def test_every_plain_text_mail_template_switches_html_escaping_off():
    # A name like d'Ancona must not arrive as d&#x27;Ancona in a text/plain mail.
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "templates"
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.txt")
        if "email" in path.parts and "{% autoescape off %}" not in path.read_text()
    ]
    assert offenders == []
