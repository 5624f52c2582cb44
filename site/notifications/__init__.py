"""One notification system for the whole platform.

Apps register the kinds they send with the ``NOTIFICATION_KINDS`` hook and call
``notify(users, kind=..., subject=..., text=..., url=...)``. Each user chooses per kind:
direct e-mail, a daily digest, or nothing (profile, "Meldingen"). A notification's text
is short and never holds private content (a toekomstplan's, for one): the e-mail says
what happened and links to the page, where the permission checks apply.
"""

from importlib import import_module

from .kinds import NotificationKind

__all__ = ["NotificationKind", "notify"]


def __getattr__(name):
    # ``notify`` needs the models, which cannot load while Django imports this package
    # (INSTALLED_APPS); it is imported on first use instead.
    if name == "notify":
        return import_module(f"{__name__}.sending").notify
    raise AttributeError(name)
