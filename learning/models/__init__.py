"""Kennisbank page types, their taxonomy tagging and the search support tables."""

from .fields import ChoiceListField
from .kennisbank import KennisbankPage
from .leercirkel import Leercirkel, LeercirkelPilot, LeercirkelTag
from .les import Les, LesTag
from .richtlijn import Richtlijn, RichtlijnDocument, RichtlijnLes, RichtlijnTag
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
    "FacetValue",
    "KennisbankPage",
    "Leercirkel",
    "LeercirkelPilot",
    "LeercirkelTag",
    "Les",
    "LesTag",
    "Richtlijn",
    "RichtlijnDocument",
    "RichtlijnLes",
    "RichtlijnTag",
    "SearchDocument",
    "SearchEntry",
    "SearchOutbox",
    "SearchState",
    "SearchWord",
    "Synoniemgroep",
    "TermPostings",
]
