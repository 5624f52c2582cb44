"""Dutch analysis on SQLite FTS5 (which has no Dutch stemmer of its own)."""

from modelsearch.backends.database.sqlite import sqlite as lite

from .common import NoWordsMatchNothing, PrepareEachFieldOnce, analysed_query


class DutchSQLiteObjectIndexer(PrepareEachFieldOnce, lite.ObjectIndexer):
    """Indexes analysed (folded, stemmed) text; see common.PrepareEachFieldOnce."""


# modelsearch's index builds its indexer from the module-level name ObjectIndexer and
# offers no hook; pointing it at the subclass is the least code. This module is only
# imported when the Dutch backend runs on SQLite.
lite.ObjectIndexer = DutchSQLiteObjectIndexer


class DutchSQLiteQueryCompiler(NoWordsMatchNothing, lite.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(analysed_query(query), config=config)


class DutchSQLiteSearchBackend(lite.SQLiteSearchBackend):
    query_compiler_class = DutchSQLiteQueryCompiler
