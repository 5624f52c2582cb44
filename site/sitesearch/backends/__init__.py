"""Wagtail's database search backend with Dutch analysis on SQLite and PostgreSQL.

SQLite's FTS5 has no Dutch stemmer and PostgreSQL's 'dutch' configuration keeps
woning and wonen apart. Both backends here index and query text that
``leernetwerk.sitesearch.analysis`` has folded and stemmed, so the same words match
on either database.

Settings: WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "leernetwerk.sitesearch.backends"}}
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Pick the Dutch backend for the database in use (imported lazily: each module
    needs models that exist only on its own database)."""
    if connection.vendor == "postgresql":
        from .postgres import DutchPostgresSearchBackend

        return DutchPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import DutchSQLiteSearchBackend

        return DutchSQLiteSearchBackend(params)
    raise NotImplementedError(
        f"De Nederlandse zoekfunctie ondersteunt {connection.vendor} niet; "
        "gebruik SQLite of PostgreSQL."
    )
