"""A faster relevance path for SQLite.

modelsearch's SQLite backend annotates each matching row with a correlated subquery
that re-runs the FTS5 MATCH, which grows quadratically with the number of matches.
Here the MATCH runs once, in one query over the FTS table that returns each
matching row with its bm25 score (matching.py orders them).
"""

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
from modelsearch.utils import get_descendants_content_types_pks


def ranked_entries(results):
    """FTS rows that match ``results``' query, annotated with their bm25 ``score``
    (lower is better, as in modelsearch)."""
    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    search_query = compiler.build_search_query(normalize(compiler.query), config=config)
    match = MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, search_query)
    rank = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    return (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(
            index_entry__content_type__in=get_descendants_content_types_pks(compiler.queryset.model)
        )
        .annotate(score=rank)
    )
