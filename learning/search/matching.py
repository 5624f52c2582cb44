"""Run the full-text match once per search and keep its result in Python.

The count, the page of hits, the type counts and every facet pass used to embed the
full-text match as a subquery, so the database evaluated it (and on PostgreSQL the
``title || body`` concatenation over every index row) four times or more per
search. Here one query reads the candidate pages (live, public, kennisbank types,
with their content type and sort date) and, with search words, one more reads the
matching index rows with their score. Filters, totals, ordering and type counts
are then plain set and sort operations on at most a few tens of thousands of rows;
only the facet values are counted in SQL, over the id set passed as one parameter.
"""

import gc
import heapq
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Count, DateField, Expression, F
from django.db.models.functions import Cast, Coalesce
from modelsearch.utils import get_descendants_content_types_pks


@contextmanager
def without_gc_pauses():
    """Hold off Python's cyclic garbage collector while a search builds its
    candidates. A search allocates tens of thousands of short-lived, acyclic
    objects; they trigger full collections that walk every object of the Django
    process (~100 ms each, measured), doubling some searches. Reference counting
    frees these objects anyway; the collector runs again as soon as it is back on.
    It is only switched back on if it was on before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(slots=True)
class Candidate:
    pk: int
    content_type_id: int
    date: object  # the sort date; None sorts last
    score: float | None = None


def candidates(base, only=None):
    """pk -> Candidate for every page of ``base``, or of those of it in ``only``
    (one query)."""
    if only is not None:
        base = base.filter(InIds("pk", only))
    rows = base.order_by().values_list(
        "pk",
        "content_type_id",
        Coalesce(F("search_entry__date"), Cast("first_published_at", DateField())),
    )
    return {pk: Candidate(pk, ct, date) for pk, ct, date in rows}


def scores(base, query):
    """object id -> score of the index rows that match ``query`` (one query).

    The score follows modelsearch: on SQLite bm25 (lower is better), on PostgreSQL
    ts_rank (higher is better)."""
    results = base.search(query, order_by_relevance=False)
    if connection.vendor == "sqlite":
        from .sqlite_rank import ranked_entries

        entries = ranked_entries(results).values_list("index_entry__object_id", "score")
    else:
        entries = _postgres_ranked(results).values_list("object_id", "score")
    return {int(object_id): score for object_id, score in entries}


def _postgres_ranked(results):
    """Matching index rows with their rank, as modelsearch's PostgreSQL compiler
    computes it, but read from the index table alone instead of joined per page."""
    from wagtail.search.models import IndexEntry

    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    search_query = compiler.build_tsquery(compiler.query, config=config)
    vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
    rank = compiler._build_rank_expression(vectors, config)
    return (
        IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(compiler.queryset.model)
        )
        .annotate(_vector_=F("title")._combine(F("body"), "||", False))
        .filter(_vector_=search_query)
        .annotate(score=rank)
    )


def ordered(found, sort, offset, limit):
    """The requested slice of ``found`` (Candidates), in the contract's order."""
    if sort == "datum":
        # Newest first, undated last, then the highest id (as before, in SQL).
        key = lambda c: (c.date is None, -(c.date.toordinal() if c.date else 0), -c.pk)  # noqa: E731
    elif connection.vendor == "sqlite":
        # bm25: lower is better; ties as modelsearch orders them (text id, descending).
        key = lambda c: (c.score, _descending_text(str(c.pk)))  # noqa: E731
    else:
        key = lambda c: (-c.score, -c.pk)  # noqa: E731
    return heapq.nsmallest(offset + limit, found, key=key)[offset:]


def _descending_text(text):
    return tuple(-ord(ch) for ch in text) + (1,)


class InIds(Expression):
    """``column IN ids`` with ``ids`` sent as one text parameter, so a set of 20,000
    ids becomes neither 20,000 placeholders nor a list the driver converts item by
    item. On PostgreSQL it is ``= ANY(array)``: the planner folds the array into a
    constant, knows its size and hashes it, instead of guessing 200 rows for an
    ``IN (SELECT unnest(...))`` and probing the index 20,000 times."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, column, ids):
        super().__init__()
        self.column = F(column)
        self.text = _id_text(ids)

    def resolve_expression(self, *args, **kwargs):
        clone = self.copy()
        clone.column = self.column.resolve_expression(*args, **kwargs)
        return clone

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.column)
        if connection.vendor == "postgresql":
            return f"{column} = ANY(string_to_array(%s, ',')::integer[])", [*params, self.text]
        sql = f"{column} IN (SELECT value FROM json_each(%s))"  # noqa: S608 - compiled column
        return sql, [*params, f"[{self.text}]"]


def _id_text(ids):
    """The ids as one comma-separated parameter (a JSON array's inside on SQLite)."""
    return ",".join(map(str, sorted(ids)))


# From this many pages on, SQLite counts facet values faster by scanning the covering
# (facet, value, label, page) index in order than by looking up each page and sorting
# for the GROUP BY (20,000 pages: ~50 instead of ~190 ms; 500 pages: 14 against 3 ms).
SQLITE_SCAN_FROM = 1500


def facet_counts(ids, facet=None):
    """[{"facet", "value", "label", "count"}] over the pages in ``ids`` (one query),
    for one ``facet`` or for all."""
    from learning.models import FacetValue
    from learning.models.search import FACET_INDEX

    if connection.vendor == "sqlite" and len(ids) >= SQLITE_SCAN_FROM:
        table = FacetValue._meta.db_table
        # "+page_id" keeps SQLite from switching to the per-page index.
        sql = (
            f"SELECT facet, value, label, COUNT(*) FROM {table} INDEXED BY {FACET_INDEX} "  # noqa: S608 - names from the model
            "WHERE +page_id IN (SELECT value FROM json_each(%s))"
        )
        params = [f"[{_id_text(ids)}]"]
        if facet is not None:
            sql += " AND facet = %s"
            params.append(facet)
        with connection.cursor() as cursor:
            cursor.execute(sql + " GROUP BY facet, value, label", params)
            columns = ("facet", "value", "label", "count")
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    rows = (
        FacetValue.objects.filter(InIds("page_id", ids))
        .values("facet", "value", "label")
        .annotate(count=Count("id"))
        .order_by()
    )
    if facet is not None:
        rows = rows.filter(facet=facet)
    return list(rows)
