"""Dutch analysis on PostgreSQL.

PostgreSQL's 'dutch' configuration uses the old Porter stemmer, which keeps woning
and wonen apart. Text is analysed in Python first (as on SQLite) and the 'dutch'
configuration is applied on top; that only merges more forms, never splits ones
that the Python analysis merged.
"""

from modelsearch.backends.database.postgres import postgres as pg

from .common import NoWordsMatchNothing, PrepareEachFieldOnce, analysed_query


class DutchPostgresObjectIndexer(PrepareEachFieldOnce, pg.ObjectIndexer):
    """Indexes analysed (folded, stemmed) text; see common.PrepareEachFieldOnce."""


# See sqlite.py: modelsearch offers no hook for the indexer class.
pg.ObjectIndexer = DutchPostgresObjectIndexer


class DutchPostgresQueryCompiler(NoWordsMatchNothing, pg.PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        return super().build_tsquery_content(analysed_query(query), config=config, invert=invert)


class DutchPostgresSearchBackend(pg.PostgresSearchBackend):
    query_compiler_class = DutchPostgresQueryCompiler
