"""Persona pages and the regional figures behind their charts."""

from .figures import Dataset, Figure, Kenmerk
from .pages import PersonaIndexPage, PersonaPage, PersonaRelatedPage, PersonaSituation

__all__ = [
    "Dataset",
    "Figure",
    "Kenmerk",
    "PersonaIndexPage",
    "PersonaPage",
    "PersonaRelatedPage",
    "PersonaSituation",
]
