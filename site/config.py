"""One typed entry point for every environment variable the platform reads.

Settings modules call ``config("NAME", default=..., cast=...)`` and nothing else
touches ``os.environ``; the README's configuration table lists the same names.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar, overload

T = TypeVar("T")

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


class ConfigError(ValueError):
    """An environment variable is missing or cannot be read as its type."""


class _Missing:
    pass


MISSING: Any = _Missing()


def as_bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"{value!r} is geen ja/nee-waarde")


def as_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


@overload
def config(name: str, *, default: str = ..., environ: dict | None = None) -> str: ...
@overload
def config(
    name: str, *, default: T, cast: Callable[[str], T], environ: dict | None = None
) -> T: ...
@overload
def config(name: str, *, cast: Callable[[str], T], environ: dict | None = None) -> T: ...


def config(name, *, default=MISSING, cast=str, environ=None):
    """Return environment variable ``name`` converted by ``cast``.

    ``default`` is returned as is (not cast) when the variable is unset; without a
    default a missing variable is an error, so required settings fail loudly.
    """
    env = os.environ if environ is None else environ
    if name not in env:
        if default is MISSING:
            raise ConfigError(f"Environment variable {name} is required but not set.")
        return default
    raw = env[name]
    try:
        return cast(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"Environment variable {name}={raw!r} is invalid: {exc}") from exc
