"""The kennisbank search contract: one call, several backends.

    response = search(SearchRequest(q="wonen", filters={"levensgebied": ["wonen"]}))
    response.total, response.hits, response.facets, response.suggestion

Every backend (database on SQLite/PostgreSQL, Elasticsearch) takes the same
``SearchRequest`` and returns the same ``SearchResponse``; see contract.py.
"""

from .contract import (
    FACETS,
    FacetCount,
    Hit,
    InvalidSearch,
    SearchRequest,
    SearchResponse,
)
from .service import get_backend, search

__all__ = [
    "FACETS",
    "FacetCount",
    "Hit",
    "InvalidSearch",
    "SearchRequest",
    "SearchResponse",
    "get_backend",
    "search",
]
