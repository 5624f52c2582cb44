"""Test mails and sending: permissions per role, personal mails with RFC 8058 headers,
exactly once per subscriber, progress, resuming after a failure, sent only once."""

import smtplib
from collections import Counter

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from newsletter import sending
from newsletter.models import Delivery, SendJob, Subscriber

pytestmark = pytest.mark.django_db


def mail_test_url(issue):
    return f"/cms/nieuwsbrief/{issue.pk}/test/"


def send_url(issue):
    return f"/cms/nieuwsbrief/{issue.pk}/verzenden/"


def progress_url(issue):
    return f"/cms/nieuwsbrief/{issue.pk}/voortgang/"


def recipients():
    return Counter(address for message in mail.outbox for address in message.to)


# --- permissions per role ---------------------------------------------------------------


@pytest.mark.parametrize("role", ["redactie", "moderator"])
def test_editors_send_a_test_to_themselves(client, issue, make_subscribers, role, request):
    make_subscribers(3)
    user = request.getfixturevalue(role)
    client.force_login(user)
    page = client.get(mail_test_url(issue))
    assert page.status_code == 200
    assert user.email in page.content.decode()
    response = client.post(mail_test_url(issue))
    assert response.status_code == 302
    assert recipients() == {user.email: 1}  # subscribers get nothing
    message = mail.outbox[0]
    assert message.subject == "[Test] Nieuwsbrief maart"
    assert "TESTMAIL" in message.body
    assert "Nieuwsbericht 0" in message.body and "Korte inleiding van bericht 1." in message.body
    html = message.alternatives[0][0]
    assert "<h1>Nieuwsbrief maart</h1>" in html
    assert 'href="http://localhost/nieuws/nieuwsbericht-0/"' in html  # the Site's address
    assert not issue.__class__.objects.get(pk=issue.pk).is_sent
    assert not SendJob.objects.exists()


def test_a_subscribed_editor_gets_a_test_with_their_own_unsubscribe_link(client, issue, redactie):
    subscriber = Subscriber.objects.create(email=redactie.email, confirmed_at="2024-01-01T00:00Z")
    client.force_login(redactie)
    client.post(mail_test_url(issue))
    assert mail.outbox[0].extra_headers["List-Unsubscribe"] == (
        f"<http://testserver{subscriber.unsubscribe_path()}>"
    )


def test_professionals_and_anonymous_visitors_cannot_test_or_send(client, issue, professional):
    for user in (None, professional):
        if user:
            client.force_login(user)
        for url in (mail_test_url(issue), send_url(issue), progress_url(issue)):
            assert client.get(url).status_code in (302, 403)
            assert client.post(url).status_code in (302, 403)
    assert mail.outbox == []
    assert not SendJob.objects.exists()


def test_a_moderator_may_test_but_not_send(client, issue, moderator, make_subscribers):
    make_subscribers(2)
    client.force_login(moderator)
    for response in (client.get(send_url(issue)), client.post(send_url(issue))):
        # Wagtail turns the refusal into a redirect to the dashboard with a message.
        assert response.status_code == 302 and response["Location"] == "/cms/"
    assert mail.outbox == []
    issue.refresh_from_db()
    assert not issue.is_sent


def test_the_listing_offers_the_buttons_each_role_may_use(client, issue, redactie, moderator):
    listing = "/cms/snippets/newsletter/newsletterissue/"
    client.force_login(redactie)
    html = client.get(listing).content.decode()
    assert mail_test_url(issue) in html and send_url(issue) in html
    client.force_login(moderator)
    html = client.get(listing).content.decode()
    assert mail_test_url(issue) in html and send_url(issue) not in html


# --- sending ----------------------------------------------------------------------------


def test_sending_reaches_every_active_subscriber_exactly_once(
    client, issue, redactie, make_subscribers, django_capture_on_commit_callbacks
):
    active = make_subscribers(5)
    make_subscribers(2, confirmed=False, prefix="onbevestigd")
    client.force_login(redactie)
    confirm_page = client.get(send_url(issue))
    assert confirm_page.status_code == 200
    assert "5 abonnees" in confirm_page.content.decode()
    assert mail.outbox == []  # the confirmation step sends nothing

    # The task is queued when the job is committed (and runs at once without a broker).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(issue))
    assert response.status_code == 302
    assert response["Location"] == progress_url(issue)
    assert recipients() == {subscriber.email: 1 for subscriber in active}

    for message in mail.outbox:
        subscriber = Subscriber.objects.get(email=message.to[0])
        link = f"http://testserver{subscriber.unsubscribe_path()}"
        assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert link in message.body
        assert f'href="{link}"' in message.alternatives[0][0]
        assert f"http://testserver/nieuwsbrief/archief/{issue.pk}/" in message.body
        assert message.subject == "Nieuwsbrief maart"

    job = SendJob.objects.get(issue=issue)
    assert (job.total, job.sent, job.failed, job.skipped) == (5, 5, 0, 0)
    assert job.started_at and job.finished_at and job.percentage == 100
    assert job.created_by == redactie
    issue.refresh_from_db()
    assert issue.is_sent

    progress = client.get(progress_url(issue)).content.decode()
    assert "100%" in progress and 'http-equiv="refresh"' not in progress

    # An issue goes out once: the button is gone and a second POST sends nothing.
    response = client.post(send_url(issue))
    assert response.status_code == 302
    assert len(mail.outbox) == 5
    assert SendJob.objects.count() == 1


def test_progress_page_refreshes_while_sending(client, issue, redactie, make_subscribers):
    make_subscribers(4)
    job = sending.start_sending(issue, redactie)
    sending._fix_recipients(job)
    Delivery.objects.filter(pk__in=job.deliveries.values("pk")[:1]).update(status="verzonden")
    sending.update_progress(job)
    client.force_login(redactie)
    html = client.get(progress_url(issue)).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in html
    assert 'value="25"' in html and "25%" in html
    assert "Verzending hervatten" in html

    client.post(f"/cms/nieuwsbrief/{issue.pk}/hervatten/")
    job.refresh_from_db()
    assert job.finished_at and job.sent == 4
    assert len(mail.outbox) == 3  # the one marked sent is not sent again


class FailingOnce(EmailBackend):
    """Lets ``allowed`` mails through, then the connection breaks once."""

    allowed = 3
    broken = False

    def send_messages(self, messages):
        if not FailingOnce.broken and len(mail.outbox) >= FailingOnce.allowed:
            FailingOnce.broken = True
            raise ConnectionResetError("verbinding verbroken")
        return super().send_messages(messages)


def test_a_restarted_job_resumes_without_duplicates(issue, redactie, make_subscribers, monkeypatch):
    active = make_subscribers(7)
    monkeypatch.setattr(sending, "get_connection", FailingOnce)
    FailingOnce.broken = False
    job = sending.start_sending(issue, redactie)

    with pytest.raises(ConnectionResetError):
        sending.run_job(job.pk, batch_size=2)
    job.refresh_from_db()
    assert (job.total, job.sent, job.failed) == (7, 3, 0)
    assert job.finished_at is None
    assert 0 < job.percentage < 100

    # A subscriber who leaves before the retry is skipped, not mailed.
    active[6].delete()
    sending.run_job(job.pk, batch_size=2)
    job.refresh_from_db()
    assert (job.total, job.sent, job.failed, job.skipped) == (7, 6, 0, 1)
    assert job.finished_at is not None
    assert recipients() == {s.email: 1 for s in active[:6]}

    sending.run_job(job.pk)  # once more: finished jobs send nothing
    assert len(mail.outbox) == 6


def test_a_mail_in_flight_when_the_worker_died_is_not_sent_again(issue, redactie, make_subscribers):
    make_subscribers(3)
    job = sending._fix_recipients(sending.start_sending(issue, redactie))
    in_flight = job.deliveries.order_by("pk").first()
    in_flight.status = Delivery.Status.SENDING
    in_flight.save()
    sending.run_job(job.pk)
    job.refresh_from_db()
    assert (job.sent, job.failed) == (2, 1)
    assert in_flight.subscriber.email not in recipients()


class RefusesOne(EmailBackend):
    def send_messages(self, messages):
        if messages[0].to == ["lezer1@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"lezer1@example.org": (550, b"onbekend")})
        return super().send_messages(messages)


def test_a_refused_address_fails_alone(
    client, issue, redactie, moderator, make_subscribers, monkeypatch
):
    make_subscribers(3)
    monkeypatch.setattr(sending, "get_connection", RefusesOne)
    job = sending.start_sending(issue, redactie)
    sending.run_job(job.pk)
    job.refresh_from_db()
    assert (job.total, job.sent, job.failed) == (3, 2, 1)
    assert job.finished_at
    assert set(recipients()) == {"lezer0@example.org", "lezer2@example.org"}

    # Redactie (who may see subscribers) reads which address failed; a moderator does not.
    client.force_login(redactie)
    html = client.get(progress_url(issue)).content.decode()
    assert "Niet afgeleverd" in html and "<li>lezer1@example.org</li>" in html
    client.force_login(moderator)
    html = client.get(progress_url(issue)).content.decode()
    assert "Mislukt" in html and "lezer1@example.org" not in html


def test_sending_without_subscribers_finishes_at_once(
    client, issue, redactie, django_capture_on_commit_callbacks
):
    client.force_login(redactie)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(send_url(issue))
    job = SendJob.objects.get()
    assert (job.total, job.sent) == (0, 0) and job.finished_at and job.percentage == 100
