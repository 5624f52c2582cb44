"""Gunicorn settings for production and `make serve`.

    gunicorn -c python:leernetwerk.gunicorn_conf leernetwerk.wsgi

Threaded workers (gthread): a process per core plus one, each with four threads, so a
cached page or a static file is answered while another thread of the same worker
renders a search or a plan page (sync workers made them queue behind it: `make
loadtest`, docs/benchmarks.md), and connections are kept alive. Slow clients are a
proxy's job (nginx buffers requests and responses). Gunicorn's own lines go out as JSON
like the application's; the access log is the application's request log (with the
request id), not Gunicorn's.
"""

import multiprocessing

from leernetwerk.config import config as env  # not "config": a Gunicorn setting name

bind = env("GUNICORN_BIND", default="127.0.0.1:8000")
workers = env("WEB_CONCURRENCY", default=multiprocessing.cpu_count() + 1, cast=int)
# GUNICORN_THREADS=1 gives plain sync workers.
threads = env("GUNICORN_THREADS", default=4, cast=int)
worker_class = "gthread" if threads > 1 else "sync"
timeout = env("GUNICORN_TIMEOUT", default=30, cast=int)
graceful_timeout = 20
keepalive = 5
# The application is imported once in the master: a worker starts (or is replaced) by a
# fork, in milliseconds, instead of importing Django and Wagtail again.
preload_app = True
# A worker is replaced after this many requests (slow leaks in long-running processes);
# cached pages make requests cheap, so this is a count for hours, not seconds.
max_requests = 20000
max_requests_jitter = 2000
# X-Forwarded-* headers are trusted from these proxies only (comma-separated).
forwarded_allow_ips = env("FORWARDED_ALLOW_IPS", default="127.0.0.1")
# Gunicorn's runtime control socket is not used; off, so several servers never share it.
control_socket_disable = True
accesslog = None
errorlog = "-"
loglevel = "info"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601 in UTC
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "propagate": False},
    },
}
