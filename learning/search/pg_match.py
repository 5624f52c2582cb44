"""PostgreSQL: the words' match, written so that no row's vectors are concatenated.

modelsearch matches ``title || body @@ query``. Where PostgreSQL does not answer
that from the GIN index alone (a broad word matches most entries, so it filters
rows instead), it concatenates the two vectors of every row it visits: about
45 of 55 ms when a word occurs in all 20,000 lessons (docs/benchmarks.md).

A query here is an AND/OR tree of words (query.py). For a word whose tsquery is a
single lexeme, ``title || body`` holds it exactly when ``title`` or ``body`` does,
and AND/OR distribute over the match. So each such word becomes
``(title @@ w OR body @@ w)``: cheap on every row, and answerable by the GIN
indexes modelsearch keeps on both columns. A word the configuration turns into
several lexemes (``auto's`` -> ``'auto' <-> 's'``) keeps the concatenated match, a
stop word of the configuration is left out as PostgreSQL leaves it out of the
combined query, and any other query falls back to modelsearch's own expression.
Equality with that expression is tested (tests/learning/test_search_snapshot.py).
"""

import re

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from modelsearch.query import And, Or, PlainText

from leernetwerk.sitesearch.backends.common import analysed_query

EMPTY = object()  # a part without lexemes: PostgreSQL drops it from AND and OR
_resolved = {}  # (database alias, config, term) -> (number of nodes, tsquery as text)
_RESOLVED_MAX = 50_000


def condition(query, config, table):
    """A filter for ``table``'s rows that match ``query`` exactly as
    ``title || body @@ tsquery`` does; EMPTY when nothing can match, None when the
    query has a part this rewrite does not handle (use the concatenation then)."""
    shape = _shape(query) if config else None
    if shape is None:
        return None
    resolved = resolve(set(_leaves(shape)), config)
    title, body = (f"{connection.ops.quote_name(table)}.{connection.ops.quote_name(c)}"
                   for c in ("title", "body"))  # fmt: skip

    def build(part):
        if isinstance(part, str):
            return term_sql(part)
        joiner, children = part
        return combine([build(child) for child in children], joiner)

    def term_sql(term):
        nodes, text = resolved[term]
        if nodes == 0:
            return EMPTY
        if nodes == 1:
            return f"({title} @@ %s::tsquery OR {body} @@ %s::tsquery)", [text, text]
        return f"(({title} || {body}) @@ %s::tsquery)", [text]

    built = build(shape)
    if built is EMPTY:
        return EMPTY
    sql, params = built
    # Only column names and placeholders are written into ``sql``; every value
    # is a parameter.
    return RawSQL(sql, params, output_field=BooleanField())  # noqa: S611


def combine(parts, joiner):
    parts = [p for p in parts if p is not EMPTY]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    return (
        "(" + joiner.join(sql for sql, _params in parts) + ")",
        [param for _sql, params in parts for param in params],
    )


def _shape(node):
    """``node`` as (joiner, parts), each part a term or such a pair, with every
    plain text analysed once; None for a node not handled here."""
    if isinstance(node, PlainText):
        return (" AND " if node.operator == "and" else " OR "), _terms(node)
    if isinstance(node, And | Or):
        parts = [_shape(sub) for sub in node.subqueries]
        if any(part is None for part in parts):
            return None
        return (" AND " if isinstance(node, And) else " OR "), parts
    return None


def _leaves(part):
    if isinstance(part, str):
        yield part
    else:
        for child in part[1]:
            yield from _leaves(child)


def _terms(plain_text):
    """The terms modelsearch makes into lexemes: the analysed words, split on spaces
    and hyphens (modelsearch's build_tsquery_content), each as its quoted operand."""
    text = analysed_query(plain_text).query_string
    return [_operand(t) for t in re.split(r"[\s\-]+", text) if t]


def _operand(term):
    # Quoted as modelsearch's Lexeme quotes it.
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"


def resolve(terms, config):
    """term -> (number of tsquery nodes, tsquery text) under ``config``, one query
    for the terms not seen before (the dictionaries do not change at run time)."""
    key = (connection.alias, str(config))
    missing = sorted(t for t in terms if (*key, t) not in _resolved)
    if missing:
        if len(_resolved) > _RESOLVED_MAX:
            _resolved.clear()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT t, numnode(q), q::text"
                " FROM unnest(%s::text[]) AS t, to_tsquery(%s::regconfig, t) AS q",
                [missing, str(config)],
            )
            for term, nodes, text in cursor.fetchall():
                _resolved[(*key, term)] = (nodes, text)
    return {t: _resolved[(*key, t)] for t in terms}
