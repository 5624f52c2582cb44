"""`check --deploy` refuses console/locmem mail and a cache that is not shared."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
    }
}
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def _deploy_check():
    call_command("check", "--deploy", "--tag", "security", "--tag", "caches", verbosity=0)


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
        "django.core.mail.backends.dummy.EmailBackend",
    ],
)
def test_unsafe_mail_backend_fails(backend):
    with override_settings(EMAIL_BACKEND=backend, CACHES=REDIS):
        with pytest.raises(SystemCheckError, match="leernetwerk.E001"):
            _deploy_check()


@pytest.mark.parametrize(
    "caches", [LOCMEM, {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}]
)
def test_unshared_cache_fails(caches):
    with override_settings(EMAIL_BACKEND=SMTP, CACHES=caches):
        with pytest.raises(SystemCheckError, match="leernetwerk.E002"):
            _deploy_check()


def test_two_factor_must_stay_required():
    with override_settings(EMAIL_BACKEND=SMTP, CACHES=REDIS, TWO_FACTOR_REQUIRED=False):
        with pytest.raises(SystemCheckError, match="leernetwerk.E003"):
            _deploy_check()


def test_background_tasks_need_a_broker():
    with override_settings(EMAIL_BACKEND=SMTP, CACHES=REDIS, CELERY_TASK_ALWAYS_EAGER=True):
        with pytest.raises(SystemCheckError, match="leernetwerk.E004"):
            _deploy_check()


def test_smtp_redis_and_a_broker_pass():
    with override_settings(
        EMAIL_BACKEND=SMTP, CACHES=REDIS, TWO_FACTOR_REQUIRED=True, CELERY_TASK_ALWAYS_EAGER=False
    ):
        _deploy_check()


def test_plain_check_ignores_deploy_rules():
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend"):
        call_command("check", verbosity=0)
