"""Pilot pages, their progress updates, the call for applications and regional editors."""

from .editors import RegioRedactie
from .oproep import Aanmelding, AanmeldingOrganisatie, PilotOproepPage
from .pages import (
    Leerpunt,
    PilotIndexPage,
    PilotOrganisatie,
    PilotPage,
    PilotStatus,
    StartfotoCijfer,
    StartfotoDoel,
    StartfotoEigenaar,
    VoortgangsberichtPage,
)
from .programme import Programma

__all__ = [
    "Aanmelding",
    "AanmeldingOrganisatie",
    "Leerpunt",
    "PilotIndexPage",
    "PilotOproepPage",
    "PilotOrganisatie",
    "PilotPage",
    "PilotStatus",
    "Programma",
    "RegioRedactie",
    "StartfotoCijfer",
    "StartfotoDoel",
    "StartfotoEigenaar",
    "VoortgangsberichtPage",
]
