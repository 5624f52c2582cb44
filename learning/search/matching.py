"""Match the words once per search, in the database, and hand back arrays.

One query reads the index rows that match, with their score: on PostgreSQL from the
index table alone (not joined per page), on SQLite from the FTS table (sqlite_rank.py).
Which of those pages are searchable, their filters, facets and order come from the
in-memory snapshot (snapshot.py).
"""

import numpy as np
from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connection
from django.db.models import F, IntegerField
from django.db.models.functions import Cast
from modelsearch.utils import get_descendants_content_types_pks


def scores(base, query):
    """(page ids, scores) of the index rows that match ``query``, as arrays.

    The score follows modelsearch: on SQLite bm25 (lower is better), on PostgreSQL
    ts_rank (higher is better)."""
    results = base.search(query, order_by_relevance=False)
    if connection.vendor == "sqlite":
        from .sqlite_rank import ranked_rows

        return ranked_rows(results)
    # Two arrays in one row: 20,000 rows through the ORM cost more than the match.
    found = _postgres_ranked(results).aggregate(
        ids=ArrayAgg(Cast("object_id", IntegerField())), scores=ArrayAgg("score")
    )
    return (
        np.array(found["ids"] or [], dtype=np.int64),
        np.array(found["scores"] or [], dtype=np.float64),
    )


def _postgres_ranked(results):
    """Matching index rows with their rank, as modelsearch's PostgreSQL compiler
    computes it, but read from the index table alone instead of joined per page."""
    from wagtail.search.models import IndexEntry

    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    search_query = compiler.build_tsquery(compiler.query, config=config)
    vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
    rank = compiler._build_rank_expression(vectors, config)
    # The match on ``title || body`` uses the GIN index on that expression
    # (migration 0005).
    return (
        IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(compiler.queryset.model)
        )
        .annotate(_vector_=F("title")._combine(F("body"), "||", False))
        .filter(_vector_=search_query)
        .annotate(score=rank)
    )


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
