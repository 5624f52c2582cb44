"""Deployment checks (``manage.py check --deploy``): production refuses unsafe settings.

- Mail must really leave the server. The console, locmem, dummy and file backends
  write password-reset and invitation links to logs, memory or disk, where anyone who
  can read them can take over an account.
- The cache must be shared between worker processes (Redis). The login lockout, the
  rate limits and the vocabulary caches live there; a per-process local-memory cache
  lets each worker count on its own.
- Two-factor authentication must stay required (``TWO_FACTOR_REQUIRED``).
- Background work needs a broker (``CELERY_BROKER_URL``). Without one every task runs
  inside the web request: a newsletter to thousands would hold a worker for minutes.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register

UNSAFE_MAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend": "console",
    "django.core.mail.backends.locmem.EmailBackend": "locmem",
    "django.core.mail.backends.dummy.EmailBackend": "dummy",
    "django.core.mail.backends.filebased.EmailBackend": "filebased",
}
UNSHARED_CACHE_BACKENDS = {
    "django.core.cache.backends.locmem.LocMemCache": "locmem",
    "django.core.cache.backends.dummy.DummyCache": "dummy",
}


@register(Tags.security, deploy=True)
def check_mail_backend(app_configs, **kwargs):
    backend = getattr(settings, "EMAIL_BACKEND", "")
    if backend in UNSAFE_MAIL_BACKENDS:
        return [
            Error(
                f"EMAIL_BACKEND is de {UNSAFE_MAIL_BACKENDS[backend]}-backend: "
                "wachtwoordherstel- en uitnodigingslinks komen dan niet bij de ontvanger maar "
                "in logbestanden of geheugen terecht.",
                hint="Zet EMAIL_URL op een echte mailserver, bijvoorbeeld "
                "smtp://gebruiker:wachtwoord@mail.example.org:587/?tls=True.",
                id="leernetwerk.E001",
            )
        ]
    return []


@register(Tags.security, Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in UNSHARED_CACHE_BACKENDS:
        return [
            Error(
                f"De standaardcache is {UNSHARED_CACHE_BACKENDS[backend]}: elke werkproces "
                "telt dan zelf, zodat inlogblokkades en limieten tussen processen uiteenlopen.",
                hint="Zet REDIS_URL, bijvoorbeeld redis://127.0.0.1:6379/1.",
                id="leernetwerk.E002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_two_factor_required(app_configs, **kwargs):
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True):
        return [
            Error(
                "TWO_FACTOR_REQUIRED staat uit: CMS-gebruikers en accounts met toegang tot een "
                "toekomstplan kunnen dan zonder tweestapsverificatie inloggen.",
                hint="Laat TWO_FACTOR_REQUIRED weg of zet het op true.",
                id="leernetwerk.E003",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_task_broker(app_configs, **kwargs):
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        return [
            Error(
                "CELERY_BROKER_URL ontbreekt: achtergrondtaken (e-mail, nieuwsbrieven, "
                "herinneringen) draaien dan binnen het webverzoek.",
                hint="Zet CELERY_BROKER_URL, bijvoorbeeld redis://127.0.0.1:6379/2, en start "
                "een worker en beat (README, Achtergrondtaken).",
                id="leernetwerk.E004",
            )
        ]
    return []
