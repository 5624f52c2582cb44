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

Which page each matching row indexes, and its title norm, come from memory
(``Entries``, kept with the search snapshot): joining the FTS rows back to the
index table took as long as the match itself (14 of 33 ms for *wonen* at 20,000
lessons). Index rows are never renumbered, only added and deleted, so a row the map
does not know makes it reload. Title norms are read as they were when the map was
loaded; the snapshot, and the map with it, is rebuilt whenever pages change and
after ``manage.py reindex``.
"""

from itertools import chain

import numpy as np
from django.db import connection
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
from modelsearch.query import And, Or
from modelsearch.utils import ADD, MUL, get_descendants_content_types_pks

from .index_rows import Entries

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


def ranked_rows(results, entries=None):
    """(page ids, scores) of the matching rows as arrays, scored as
    ``ranked_entries`` scores them. ``entries(refresh=False)`` gives the map of
    index rows (``Entries``); without it, the map is read for this call alone."""
    entries = entries or (lambda refresh=False: Entries.load())
    compiler = results.query_compiler
    sql, params = (
        _matching(results).annotate(b=BM25()).values_list("pk", "b").query.sql_with_params()
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    # fromiter over the flattened rows: half the time of np.array() on the tuples.
    flat = chain.from_iterable(found)
    matched = np.fromiter(flat, dtype=np.float64, count=2 * len(found)).reshape(-1, 2)
    rows = matched[:, 0].astype(np.int64)  # rowids are index row ids, far below 2**53
    known, page_ids, content_types, title_norm = entries().lookup(rows)
    if not known.all():  # rows added since the map was loaded
        known, page_ids, content_types, title_norm = entries(refresh=True).lookup(rows)
    # Still unknown: deleted between the match and the reload.
    keep = known & np.isin(content_types, list(_content_types(results)))
    rank = _rank(compiler.query, matched[keep, 1])
    return page_ids[keep], rank * title_norm[keep] + rank * BODY_BOOST


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
