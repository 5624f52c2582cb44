import importlib

import pytest
from django.core.exceptions import ImproperlyConfigured

from leernetwerk.config import ConfigError, as_bool, as_list, config


def test_config_casts_and_defaults():
    env = {"DEBUG": "ja", "HOSTS": "a.nl, b.nl", "N": "3"}
    assert config("DEBUG", cast=as_bool, environ=env) is True
    assert config("HOSTS", cast=as_list, environ=env) == ["a.nl", "b.nl"]
    assert config("N", cast=int, environ=env) == 3
    assert config("MISSING", default="x", environ=env) == "x"


def test_config_errors_name_the_variable():
    with pytest.raises(ConfigError, match="REQUIRED"):
        config("REQUIRED", environ={})
    with pytest.raises(ConfigError, match="N="):
        config("N", cast=int, environ={"N": "drie"})
    with pytest.raises(ConfigError):
        config("B", cast=as_bool, environ={"B": "misschien"})


@pytest.mark.parametrize(
    "key", ["", "kort", "x" * 60, "django-insecure-" + "abcdefghij" * 5, "changeme" * 8]
)
def test_production_refuses_weak_secret_key(monkeypatch, key):
    monkeypatch.setenv("SECRET_KEY", key)
    import leernetwerk.settings.base as base

    importlib.reload(base)
    with pytest.raises(ImproperlyConfigured):
        import leernetwerk.settings.production as production

        importlib.reload(production)


def test_production_accepts_a_random_key(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "Zq8#kP2!vR9@mW4$tY7%nB3^hJ6&cF1*xL5(dG0)sA-pE8_uK2+o")
    import leernetwerk.settings.base as base

    importlib.reload(base)
    import leernetwerk.settings.production as production

    importlib.reload(production)
    assert production.DEBUG is False
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SECURE_HSTS_SECONDS > 0


def test_language_and_timezone():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"
