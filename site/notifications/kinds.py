from dataclasses import dataclass

from leernetwerk.core.hooks import NOTIFICATION_KINDS, collect

DIRECT = "direct"
DIGEST = "digest"
OFF = "off"
CHOICES = [
    (DIRECT, "Direct per e-mail"),
    (DIGEST, "Eén keer per dag, in een overzicht"),
    (OFF, "Niet"),
]


@dataclass(frozen=True)
class NotificationKind:
    key: str  # "app.kind"
    label: str  # Dutch, shown on the profile
    description: str = ""
    default: str = DIRECT


def registered_kinds():
    """{key: NotificationKind} of every app, in registration order."""
    return {kind.key: kind for kinds in collect(NOTIFICATION_KINDS) for kind in kinds}
