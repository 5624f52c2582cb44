"""Add many objects to the full-text index at once (used by the lesson importer).

modelsearch's database backends recompute every new row's title norm (a pass over
the whole index table) after each batch, which made a 20,000-lesson import slower
with every batch; here the norms are set once, in ``finish``. The rows themselves
are what the backends' own indexers produce:

* SQLite: the indexer's analysed title, body and autocomplete texts, inserted as
  plain rows (the FTS5 table follows by Wagtail's triggers). A re-imported page's
  row is replaced, so its title norm is recomputed too.
* PostgreSQL: modelsearch builds a Django ``SearchVector`` expression per field per
  object and compiles them one by one; for 20,000 lessons that compile step took
  most of the import. Here the same SQL is written directly: per column
  ``setweight(to_tsvector(config, text), weight)`` joined with ``||``, the same rows
  and conflict handling as ``PostgresIndex.add_items``. The texts travel as arrays
  (``UNNEST``), one statement per shape of object (how many texts, which weights):
  psycopg rewrites each ``%s`` in Python, and one placeholder per text had cost
  more than PostgreSQL's own work.

``tests/learning/test_bulk_import.py`` checks that the stored rows equal those of
the normal path.
"""

from django.db import connection
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from ..sql_insert import insert


def add_bulk(model, objects):
    for backend in get_search_backends(with_auto_update=True):
        if _is_postgres(backend):
            _add_postgres(backend, model, objects)
        elif _is_sqlite(backend):
            _add_sqlite(backend, model, objects)
        else:
            backend.add_bulk(model, objects)


def _is_postgres(backend):
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


def _is_sqlite(backend):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return isinstance(backend, SQLiteSearchBackend)


def _add_sqlite(backend, model, objects):
    from modelsearch.backends.database.sqlite import sqlite as lite

    if not objects or not model.get_search_fields():
        return
    content_type = get_content_type_pk(model)
    IndexEntry.objects.filter(
        content_type_id=content_type, object_id__in=[str(obj.pk) for obj in objects]
    ).delete()
    rows = []
    for obj in objects:
        # lite.ObjectIndexer is the Dutch indexer (leernetwerk.sitesearch.backends).
        indexer = lite.ObjectIndexer(obj, backend)
        rows.append(
            (content_type, indexer.id, indexer.title, indexer.autocomplete, indexer.body, 1.0)
        )
    insert(
        IndexEntry,
        ["content_type", "object_id", "title", "autocomplete", "body", "title_norm"],
        rows,
    )


def _add_postgres(backend, model, objects):
    from modelsearch.backends.database.postgres import postgres as pg

    if not objects or not model.get_search_fields():
        return
    # Objects whose columns are made of the same number of texts with the same
    # weights share one statement; their texts travel as one array per text.
    groups = {}
    for obj in objects:
        # pg.ObjectIndexer is the Dutch indexer (leernetwerk.sitesearch.backends).
        indexer = pg.ObjectIndexer(obj, backend)
        title, body, autocomplete = [], [], []
        for search_field in indexer.search_fields:
            for field, weight, value in indexer.prepare_field(obj, search_field):
                text = value.strip()
                if not text:  # as_vector leaves empty values out
                    continue
                if isinstance(field, SearchField):
                    (title if field.field_name == "title" else body).append((text, weight))
                elif isinstance(field, AutocompleteField):
                    autocomplete.append((text, weight))
        shape = tuple(
            tuple(weight for _text, weight in texts) for texts in (title, autocomplete, body)
        )
        texts = [text for parts in (title, autocomplete, body) for text, _weight in parts]
        row = [str(obj.pk), *texts, _plain(title), _plain(body)]
        groups.setdefault(shape, []).append(row)
    for shape, rows in groups.items():
        _insert_postgres(backend, get_content_type_pk(model), shape, rows)


def _insert_postgres(backend, content_type, shape, rows):
    """One INSERT for objects of one shape: per column ``setweight(to_tsvector(config,
    text), weight)`` joined with ``||``, the SQL of modelsearch's ``as_vector``, and
    the same rows and conflict handling as ``PostgresIndex.add_items``."""
    title, autocomplete, body = shape
    names = iter(range(sum(map(len, shape))))
    vectors, params = [], [content_type]
    for weights, config in (
        (title, backend.config),
        (autocomplete, backend.autocomplete_config),
        (body, backend.config),
    ):
        parts = []
        for weight in weights:
            column = f"u.t{next(names)}"
            if config:
                parts.append(f"setweight(to_tsvector(%s::regconfig, {column}), %s)")
                params += [config, weight]
            else:
                parts.append(f"setweight(to_tsvector({column}), %s)")
                params.append(weight)
        vectors.append("(" + " || ".join(parts) + ")" if parts else "to_tsvector('')")
    texts = [f"t{i}" for i in range(sum(map(len, shape)))]
    columns = ["object_id", *texts, "title_text", "body_text"]
    params += [list(column) for column in zip(*rows, strict=True)]
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,
                                 title_norm, title_text, body_text)
            SELECT %s, u.object_id, {", ".join(vectors)}, 1.0, u.title_text, u.body_text
            FROM UNNEST({", ".join(["%s::text[]"] * len(columns))}) AS u({", ".join(columns)})
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
            """,  # noqa: S608 - the table and column names are ours; values are parameters
            params,
        )


def finish(model):
    """Set the title norms of the new rows once, at the end."""
    for backend in get_search_backends(with_auto_update=True):
        if _is_postgres(backend) or _is_sqlite(backend):
            backend.get_index_for_model(model)._refresh_title_norms()


def _plain(texts):
    """The plain text columns used for fuzzy search: the stripped values, space-joined."""
    return " ".join(text for text, _weight in texts)
