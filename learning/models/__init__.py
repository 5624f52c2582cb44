"""Kennisbank page types, their taxonomy tagging and the search support tables."""

from .fields import ChoiceListField
from .kennisbank import KennisbankPage
from .leercirkel import Leercirkel, LeercirkelPilot, LeercirkelTag
from .les import Les, LesTag
from .richtlijn import Richtlijn, RichtlijnDocument, RichtlijnLes, RichtlijnTag
from .search import FacetValue, SearchEntry, SearchOutbox, SearchState, Synoniemgroep

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
    "SearchEntry",
    "SearchOutbox",
    "SearchState",
    "Synoniemgroep",
]
