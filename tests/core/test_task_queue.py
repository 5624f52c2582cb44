"""The task queue for real: a Celery worker process on Redis delivers a queued e-mail.

Needs Redis on 127.0.0.1:6379 (every machine here runs it; .ci/run starts it when it is
down). Outside CI a missing Redis skips with the reason; in CI it fails, as a skipped
suite must.
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from celery import Celery

ROOT = Path(__file__).resolve().parents[2]
BROKER = os.environ.get("TEST_CELERY_BROKER_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture
def broker():
    try:
        redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if os.environ.get("CI"):
            pytest.fail(f"Redis antwoordt niet op {BROKER}: {error}")
        pytest.skip(f"Redis antwoordt niet op {BROKER}: {error}")
    return BROKER


@pytest.fixture
def worker(broker, tmp_path):
    """A worker on its own queue (parallel test runs on this machine never share one),
    with the development settings and mail written to files."""
    queue = f"test-{uuid.uuid4().hex}"
    outbox = tmp_path / "mail"
    outbox.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "leernetwerk.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        "CELERY_BROKER_URL": broker,
        "EMAIL_URL": f"file:///{outbox}",  # dj-email-url: a path after the third slash
    }
    process = subprocess.Popen(  # noqa: S603 (our own worker command)
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "leernetwerk",
            "worker",
            "--pool=solo",
            "--queues",
            queue,
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    client = Celery(broker=broker)
    yield client, queue, outbox
    process.terminate()
    log, _ = process.communicate(timeout=30)
    print(log)  # shown by pytest when the test fails
    redis.Redis.from_url(broker).delete(queue)


def _wait_for(check, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    return None


def test_a_real_worker_delivers_a_queued_email(worker):
    client, queue, outbox = worker
    message = {
        "to": ["deelnemer@example.org"],
        "subject": "Bevestiging van je aanmelding",
        "body": "Je staat op de lijst.",
        "html": "",
        "headers": {},
        "reply_to": [],
        "attachments": [["a.ics", "QkVHSU46VkNBTEVOREFS", "text/calendar"]],
    }
    client.send_task("leernetwerk.deliver_email", kwargs={"message": message}, queue=queue)
    files = _wait_for(lambda: list(outbox.iterdir()))
    assert files, "de worker heeft binnen een minuut geen e-mail afgeleverd"
    content = files[0].read_text()
    assert "Subject: Bevestiging van je aanmelding" in content
    assert "deelnemer@example.org" in content and "a.ics" in content


def test_the_worker_knows_every_apps_tasks(worker):
    client, _, _ = worker
    replies = _wait_for(lambda: client.control.inspect(timeout=2).registered(), seconds=60)
    assert replies, "geen antwoord van de worker"
    [registered] = replies.values()
    assert {"leernetwerk.deliver_email", "leernetwerk.notifications.send_digests"} <= set(
        registered
    )
