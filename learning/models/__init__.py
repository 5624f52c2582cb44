"""Kennisbank page types, their taxonomy tagging and the search support tables."""

from .fields import ChoiceListField
from .kennisbank import KennisbankPage
from .leercirkel import Leercirkel, LeercirkelPilot, LeercirkelTag
from .les import Les, LesTag
from .les_details import Erkenningsniveau, LesBron, LesVerwant
from .richtlijn import (
    Richtlijn,
    RichtlijnAanbeveling,
    RichtlijnDocument,
    RichtlijnLes,
    RichtlijnTag,
    RichtlijnWijziging,
)
from .search import (
    FacetValue,
    SearchDocument,
    SearchEntry,
    SearchOutbox,
    SearchState,
    SearchWord,
    Synoniemgroep,
    TermPostings,
)

__all__ = [
    "ChoiceListField",
    "Erkenningsniveau",
    "FacetValue",
    "KennisbankPage",
    "Leercirkel",
    "LeercirkelPilot",
    "LeercirkelTag",
    "Les",
    "LesBron",
    "LesTag",
    "LesVerwant",
    "Richtlijn",
    "RichtlijnAanbeveling",
    "RichtlijnDocument",
    "RichtlijnLes",
    "RichtlijnTag",
    "RichtlijnWijziging",
    "SearchDocument",
    "SearchEntry",
    "SearchOutbox",
    "SearchState",
    "SearchWord",
    "Synoniemgroep",
    "TermPostings",
]
