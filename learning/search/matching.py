"""Match the words once per search, in the database, and hand back arrays.

One query reads the index rows that match, with their score: on PostgreSQL from the
index table alone (not joined per page), on SQLite from the FTS table (sqlite_rank.py).
Which of those pages are searchable, their filters, facets and order come from the
in-memory snapshot (snapshot.py).
"""

import numpy as np
from django.db import connection
from django.db.models import F, Q
from modelsearch.utils import get_descendants_content_types_pks

from . import pg_match


def scores(base, query, snap=None):
    """(page ids, scores) of the index rows that match ``query``, as arrays.

    The score follows modelsearch: on SQLite bm25 (lower is better), on PostgreSQL
    ts_rank (higher is better). ``snap``: the search snapshot, which keeps SQLite's
    map of index rows (index_rows.Entries)."""
    results = base.search(query, order_by_relevance=False)
    if connection.vendor == "sqlite":
        from .index_rows import Entries
        from .sqlite_rank import ranked_rows

        def entries(refresh=False):
            return snap.memo("sqlite_entries", Entries.load, refresh=refresh)

        return ranked_rows(results, entries if snap is not None else None)
    # Two arrays in one row: 20,000 rows through the ORM cost more than the match.
    # The ranked rows are compiled as they are and wrapped by hand (the ORM's own
    # aggregate() over an annotated queryset spent ~5 ms rewriting the expressions),
    # and the arrays travel in PostgreSQL's binary array format: printing and
    # parsing 7,800 scores as text took ~10 ms of a 35 ms match (docs/benchmarks.md).
    ranked = _postgres_ranked(results)
    if ranked is None:
        return np.array([], dtype=np.int64), np.array([], dtype=np.float64)
    sql, params = ranked.values_list("object_id", "score").query.sql_with_params()
    # ``sql`` is the ORM's own; every value is a parameter.
    arrays = (
        "SELECT array_send(array_agg(m.object_id::integer)),"  # noqa: S608
        " array_send(array_agg(coalesce(m.score, 0)::float8))"
        f" FROM ({sql}) m"
    )
    with connection.cursor() as cursor:
        cursor.execute(arrays, params)
        ids, values = cursor.fetchone()
    return binary_array(ids, np.int32).astype(np.int64), binary_array(values, np.float64)


def binary_array(data, dtype):
    """A one-dimensional PostgreSQL array without NULLs, as ``array_send`` writes it
    (big-endian: dimensions, flags, element type, then length and lower bound per
    dimension, then each element as its length and its bytes), as a numpy array."""
    if data is None:  # array_agg over no rows
        return np.array([], dtype=dtype)
    data = bytes(data)
    if int.from_bytes(data[0:4], "big") != 1 or int.from_bytes(data[4:8], "big") != 0:
        raise ValueError("expected a one-dimensional array without NULLs")
    count = int.from_bytes(data[12:16], "big")
    element = np.dtype(dtype).newbyteorder(">")
    items = np.frombuffer(
        data, dtype=[("length", ">i4"), ("value", element)], offset=20, count=count
    )
    if count and not (items["length"] == element.itemsize).all():
        raise ValueError("unexpected element size in a binary array")
    return items["value"].astype(dtype)


def _postgres_ranked(results):
    """Matching index rows with their rank, as modelsearch's PostgreSQL compiler
    computes it, but read from the index table alone instead of joined per page;
    None when nothing can match."""
    from wagtail.search.models import IndexEntry

    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
    rank = compiler._build_rank_expression(vectors, config)
    entries = IndexEntry.objects.filter(
        content_type_id__in=get_descendants_content_types_pks(compiler.queryset.model)
    )
    match = pg_match.condition(compiler.query, config, IndexEntry._meta.db_table)
    if match is pg_match.EMPTY:
        return None
    if match is None:
        # modelsearch's own match; the GIN index on ``title || body`` (migration
        # 0005) serves it when it is selective.
        search_query = compiler.build_tsquery(compiler.query, config=config)
        entries = entries.annotate(_vector_=F("title")._combine(F("body"), "||", False))
        match = Q(_vector_=search_query)
    return entries.filter(match).annotate(score=rank)


def relevance_order(pks, scores, limit):
    """Indexes of the ``limit`` best of ``scores`` (arrays, one per page), best first,
    ties as modelsearch breaks them."""
    if connection.vendor == "sqlite":
        keys = scores  # bm25: lower is better
    else:
        keys = -scores
    candidates = np.arange(len(keys))
    if len(keys) > limit:
        # Only the pages that can make the cut (ties included) are sorted.
        threshold = np.partition(keys, limit - 1)[limit - 1]
        candidates = np.flatnonzero(keys <= threshold)
    ids = pks[candidates]
    if connection.vendor == "sqlite":
        # Ties by the id as text, descending (modelsearch orders by the text column).
        text = ids.astype(str)
        ties = -np.argsort(np.argsort(text, kind="stable"), kind="stable")
    else:
        ties = -ids
    order = np.lexsort((ties, keys[candidates]))  # the last key sorts first
    return candidates[order[:limit]].tolist()
