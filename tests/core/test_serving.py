"""Production serving: the health endpoint, request ids, and the settings `make serve` uses
(Gunicorn with the production settings, JSON logs) starting for real."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import Request, urlopen

import pytest
from django.db import connection
from django.db.utils import OperationalError
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
BROKEN_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "OPTIONS": {"socket_connect_timeout": 0.5},
    }
}


@pytest.mark.django_db
def test_health_is_ok_json_and_never_cached(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_health_is_503_when_the_cache_or_the_database_fails(client, monkeypatch):
    with override_settings(CACHES=BROKEN_CACHE):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "fout"}

    def refused(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refused)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "fout", "checks": {"database": "fout", "cache": "ok"}}


@pytest.mark.django_db
def test_request_id_is_honoured_or_generated(client):
    given = secrets.token_hex(16)
    assert client.get("/robots.txt", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    generated = client.get("/robots.txt")["X-Request-ID"]
    assert len(generated) == 32 and int(generated, 16) >= 0
    # Anything but a UUID is replaced: nothing from the header reaches the logs as is.
    forged = client.get("/robots.txt", HTTP_X_REQUEST_ID='x" level=admin')["X-Request-ID"]
    assert forged != 'x" level=admin' and len(forged) == 32


def _serve_env(tmp_path, **extra):
    """The environment scripts/serve sets, on a throwaway SQLite file."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "leernetwerk.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": "redis://127.0.0.1:6379/5",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOCAL_HTTP": "true",
        "STATIC_ROOT": str(tmp_path),  # exists: WhiteNoise warns about a missing folder
    }
    env.update(extra)
    return env


def test_local_http_refuses_a_public_host_name(tmp_path):
    env = _serve_env(tmp_path, ALLOWED_HOSTS="leernetwerk.example.org")
    code = "import django; django.setup()"
    result = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "LOCAL_HTTP" in result.stderr


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_starts_with_the_serve_settings_and_logs_json(tmp_path):
    port = _free_port()
    env = _serve_env(tmp_path, WEB_CONCURRENCY="1", GUNICORN_BIND=f"127.0.0.1:{port}")
    log = tmp_path / "gunicorn.log"
    gunicorn = Path(sys.executable).parent / "gunicorn"
    with open(log, "w") as out:
        server = subprocess.Popen(  # noqa: S603 - the installed Gunicorn
            [str(gunicorn), "-c", "python:leernetwerk.gunicorn_conf", "leernetwerk.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120  # a busy 2-core machine boots slowly
        while True:
            try:
                with urlopen(base + "/health/", timeout=2) as response:  # noqa: S310
                    health = json.loads(response.read())
                break
            except OSError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.3)
        assert health == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
        request_id = secrets.token_hex(16)
        request = Request(base + "/robots.txt", headers={"X-Request-ID": request_id})  # noqa: S310
        with urlopen(request, timeout=5) as response:  # noqa: S310
            assert response.headers["X-Request-ID"] == request_id
            assert "Strict-Transport-Security" not in response.headers  # LOCAL_HTTP
    finally:
        server.terminate()
        server.wait(timeout=30)
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    assert any(line["logger"] == "gunicorn.error" for line in lines)  # Gunicorn's own, as JSON
    (access,) = [line for line in lines if line["logger"] == "leernetwerk.request"]
    assert access["request_id"] == request_id
    assert (access["method"], access["path"], access["status"]) == ("GET", "/robots.txt", 200)
