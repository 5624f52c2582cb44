"""Toolkit models: information pages, the arrangementenwaaier catalogue and the
editor-maintained content plus saved results of each interactive tool."""

from .pages import ArrangementPage, Financieringsbron, ToolIndexPage, ToolPage
from .scan import (
    Actiepunt,
    Antwoord,
    Deelnemer,
    OrganisatieType,
    Scan,
    ScanFactor,
    ScanThema,
)
from .toets import OpgeslagenToets, ToetsStap, ToetsVraag
from .wiel import OpgeslagenWiel, WielOnderdeel

__all__ = [
    "Actiepunt",
    "Antwoord",
    "Deelnemer",
    "OrganisatieType",
    "Scan",
    "ScanFactor",
    "ScanThema",
    "ArrangementPage",
    "Financieringsbron",
    "OpgeslagenToets",
    "OpgeslagenWiel",
    "ToetsStap",
    "ToetsVraag",
    "ToolIndexPage",
    "ToolPage",
    "WielOnderdeel",
]
