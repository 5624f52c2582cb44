"""A faster relevance path for SQLite.

modelsearch's SQLite backend annotates each matching row with a correlated subquery
that re-runs the FTS5 MATCH, which grows quadratically with the number of matches.
Here the MATCH runs once: one query over the FTS table returns each matching row
with its bm25 score (matching.py orders them).

The score is modelsearch's (``rank * title_norm + rank * body_boost``, where rank
combines the row's bm25 per word of the query), but bm25 is computed once per row
and combined here with the same operations in the same order: modelsearch's SQL
calls bm25 once per word and field, and each call walks the row's positions again
(about 20 ms per call at 20,000 matches). A test compares both scores.
"""

import numpy as np
from django.db import connection
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
from modelsearch.query import And, Or
from modelsearch.utils import ADD, MUL, get_descendants_content_types_pks

BODY_BOOST = 1.0  # modelsearch's boost of the body vector (SQLiteSearchQueryCompiler)


def ranked_entries(results):
    """FTS rows that match ``results``' query, annotated with their bm25 ``score``
    (lower is better, as in modelsearch): the reference the tests compare with."""
    compiler = results.query_compiler
    rank = compiler._build_rank_expression(
        compiler.get_search_vectors(), compiler.get_config(results.backend)
    )
    return (
        _matching(results)
        .filter(index_entry__content_type__in=_content_types(results))
        .annotate(score=rank)
    )


def ranked_rows(results):
    """(page ids, scores) of the matching rows as arrays, scored as
    ``ranked_entries`` scores them."""
    from wagtail.search.models import IndexEntry

    compiler = results.query_compiler
    inner, params = (
        _matching(results).annotate(b=BM25()).values_list("pk", "b").query.sql_with_params()
    )
    content_types = _content_types(results)
    table = IndexEntry._meta.db_table
    # MATERIALIZED keeps SQLite from folding the subquery into the join, which
    # would evaluate bm25 outside the full-text scan where it is not allowed. The
    # content types are checked once, on the join that reads the other columns.
    sql = (
        f"WITH m(id, b) AS MATERIALIZED ({inner}) "  # noqa: S608 - compiled query and model table
        f"SELECT e.object_id, e.title_norm, m.b FROM m "
        f"JOIN {table} e ON e.id = m.id "
        f"WHERE e.content_type_id IN ({', '.join(['%s'] * len(content_types))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *content_types])
        rows = cursor.fetchall()
    ids = np.fromiter((int(row[0]) for row in rows), np.int64, len(rows))
    title_norm = np.fromiter((row[1] for row in rows), np.float64, len(rows))
    rank = _rank(compiler.query, np.fromiter((row[2] for row in rows), np.float64, len(rows)))
    return ids, rank * title_norm + rank * BODY_BOOST


def _rank(query, bm25):
    """modelsearch's SQLiteSearchQueryCompiler.build_tsrank, on arrays."""
    if isinstance(query, And):
        return MUL(1 + _rank(sub, bm25) for sub in query.subqueries) - 1
    if isinstance(query, Or):
        return ADD(_rank(sub, bm25) for sub in query.subqueries) / (len(query.subqueries) or 1)
    return bm25  # a single text, phrase or negation


def _matching(results):
    """The FTS rows that match ``results``' query, of any content type."""
    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    search_query = compiler.build_search_query(normalize(compiler.query), config=config)
    match = MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, search_query)
    return SQLiteFTSIndexEntry.objects.filter(match)


def _content_types(results):
    return get_descendants_content_types_pks(results.query_compiler.queryset.model)
