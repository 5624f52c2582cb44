"""Add many objects to the full-text index at once (used by the lesson importer).

The rows are what the backends' own indexers produce; what differs is when and how
they are written:

* Title norms. modelsearch sets a new row's ``title_norm`` to 1.0 and then
  recomputes every such row (``lavg / length``, ``lavg`` the mean title length of
  the whole index) after each batch: a pass over the table that made a
  20,000-lesson import slower with every batch, and on PostgreSQL an UPDATE that
  rewrote every new row and its four GIN entries (4 s) and left the old versions
  behind. Here the rows are collected per batch and written once, in ``finish``,
  with their final norms, computed as modelsearch computes them.
* SQLite: the indexer's analysed title, body and autocomplete texts, inserted as
  plain rows (the FTS5 table follows by Wagtail's triggers). A re-imported page's
  row is replaced.
* PostgreSQL: modelsearch builds a Django ``SearchVector`` expression per field per
  object and compiles them one by one; for 20,000 lessons that compile step took
  most of the import. Here the same SQL is written directly: per column
  ``setweight(to_tsvector(config, text), weight)`` joined with ``||``, the same rows
  and conflict handling as ``PostgresIndex.add_items``. The texts travel as arrays
  (``UNNEST``), one statement per shape of object (how many texts, which weights):
  psycopg rewrites each ``%s`` in Python, and one placeholder per text had cost
  more than PostgreSQL's own work.

The collected rows hold the analysed texts, about as much memory as the records
being imported. ``tests/learning/test_bulk_import.py`` checks that the stored rows
and norms equal those of the normal path.
"""

from django.db import connection
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from ..sql_insert import insert


class BulkIndex:
    """Index rows of one model, collected with ``add`` and written by ``finish``."""

    def __init__(self, model):
        self.model = model
        self.content_type = get_content_type_pk(model)
        self.sqlite_rows = []
        self.postgres_groups = {}  # (backend, shape) -> rows
        self.indexed = bool(model.get_search_fields())
        self.backends = list(get_search_backends(with_auto_update=True))

    def add(self, objects):
        for backend in self.backends:
            if _is_postgres(backend):
                self._collect_postgres(backend, objects)
            elif _is_sqlite(backend):
                self._collect_sqlite(backend, objects)
            else:
                backend.add_bulk(self.model, objects)

    def finish(self):
        if self.sqlite_rows:
            self._write_sqlite()
        if self.postgres_groups:
            self._write_postgres()

    def _collect_sqlite(self, backend, objects):
        from modelsearch.backends.database.sqlite import sqlite as lite

        if not objects or not self.indexed:
            return
        IndexEntry.objects.filter(
            content_type_id=self.content_type, object_id__in=[str(obj.pk) for obj in objects]
        ).delete()
        for obj in objects:
            # lite.ObjectIndexer is the Dutch indexer (leernetwerk.sitesearch.backends).
            indexer = lite.ObjectIndexer(obj, backend)
            self.sqlite_rows.append((indexer.id, indexer.title, indexer.autocomplete, indexer.body))

    def _write_sqlite(self):
        # modelsearch: lavg = AVG(LENGTH(title)) over the rows with a title, norm =
        # lavg / LENGTH(title). SQLite's LENGTH counts characters, as len() does, and
        # its average of whole numbers is their exact sum divided by their count.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COALESCE(SUM(LENGTH(title)), 0), COUNT(*) FROM {IndexEntry._meta.db_table}"  # noqa: S608
                " WHERE LENGTH(title) > 0"
            )
            total, count = cursor.fetchone()
        lengths = [len(title) for _id, title, _auto, _body in self.sqlite_rows]
        total += sum(lengths)
        count += sum(1 for length in lengths if length)
        lavg = total / count if count else None
        insert(
            IndexEntry,
            ["content_type", "object_id", "title", "autocomplete", "body", "title_norm"],
            [
                (self.content_type, *row, lavg / length if length else 1.0)
                for row, length in zip(self.sqlite_rows, lengths, strict=True)
            ],
        )

    def _collect_postgres(self, backend, objects):
        from modelsearch.backends.database.postgres import postgres as pg

        if not objects or not self.indexed:
            return
        # Objects whose columns are made of the same number of texts with the same
        # weights share one statement; their texts travel as one array per text.
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
            self.postgres_groups.setdefault((backend, shape), []).append(row)

    def _write_postgres(self):
        """One INSERT per shape, after the mean title length of the index as it will
        be is known: AVG over the title vectors' lengths, as modelsearch's
        ``_refresh_title_norms`` computes it (rows the import replaces count with
        their new titles)."""
        parts, params = [], []
        for (backend, shape), rows in self.postgres_groups.items():
            if not shape[0]:  # no title: length 0, which the average leaves out
                continue
            title = _vector_sql(shape[0], backend.config, params)
            columns = [f"t{i}" for i in range(len(shape[0]))]
            arrays = ", ".join(["%s::text[]"] * len(columns))
            params += [[row[1 + i] for row in rows] for i in range(len(columns))]
            # The title texts come first in each row (after the object id).
            parts.append(
                f"SELECT length({title}) FROM UNNEST({arrays}) AS u({', '.join(columns)})"  # noqa: S608
            )
        # IN (SELECT UNNEST(...)) is checked with a hash; = ANY(array) would scan
        # the array once per existing row (a re-import of 20,000: 400 million steps).
        replaced = [row[0] for rows in self.postgres_groups.values() for row in rows]
        table = IndexEntry._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                SELECT AVG(n) FROM (
                    SELECT length(title) FROM {table}
                    WHERE NOT (content_type_id = %s
                               AND object_id IN (SELECT UNNEST(%s::text[])))
                    {"".join(f" UNION ALL {part}" for part in parts)}
                ) AS lengths(n) WHERE n > 0
                """,  # noqa: S608 - the table is the model's, the SQL ours; values are parameters
                [self.content_type, replaced, *params],
            )
            (lavg,) = cursor.fetchone()
        lavg = float(lavg) if lavg is not None else None  # as Django's Avg gives it
        for (backend, shape), rows in self.postgres_groups.items():
            self._insert_postgres(backend, shape, rows, lavg)

    def _insert_postgres(self, backend, shape, rows, lavg):
        """The rows of one shape: the SQL of modelsearch's ``as_vector`` per column,
        the same rows and conflict handling as ``PostgresIndex.add_items``, and the
        title norm its ``_refresh_title_norms`` would set (lavg / length)."""
        vectors, vector_params = [], []
        for weights, config, first in (
            (shape[0], backend.config, 0),
            (shape[1], backend.autocomplete_config, len(shape[0])),
            (shape[2], backend.config, len(shape[0]) + len(shape[1])),
        ):
            vector_params.append([])
            vectors.append(_vector_sql(weights, config, vector_params[-1], first))
        texts = [f"t{i}" for i in range(sum(map(len, shape)))]
        columns = ["object_id", *texts, "title_text", "body_text"]
        # In the order of the placeholders below.
        params = [
            *[self.content_type, *vector_params[1], *vector_params[2], lavg],
            *[list(column) for column in zip(*rows, strict=True)],
            *vector_params[0],
        ]
        table = IndexEntry._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,
                                     title_norm, title_text, body_text)
                SELECT %s, u.object_id, v.title, {vectors[1]}, {vectors[2]},
                       CASE WHEN length(v.title) > 0 THEN %s::float8 / length(v.title) ELSE 1.0 END,
                       u.title_text, u.body_text
                FROM UNNEST({", ".join(["%s::text[]"] * len(columns))}) AS u({", ".join(columns)})
                CROSS JOIN LATERAL (SELECT {vectors[0]} AS title) AS v
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = EXCLUDED.title_norm,
                              autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,  # noqa: S608 - the table and column names are ours; values are parameters
                params,
            )


def _vector_sql(weights, config, params, first=0):
    """SQL for one tsvector column of texts ``u.t{first}``, ``u.t{first + 1}``…;
    appends its parameters to ``params``."""
    parts = []
    for i, weight in enumerate(weights, start=first):
        if config:
            parts.append(f"setweight(to_tsvector(%s::regconfig, u.t{i}), %s)")
            params += [config, weight]
        else:
            parts.append(f"setweight(to_tsvector(u.t{i}), %s)")
            params.append(weight)
    return "(" + " || ".join(parts) + ")" if parts else "to_tsvector('')"


def _is_postgres(backend):
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


def _is_sqlite(backend):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return isinstance(backend, SQLiteSearchBackend)


def _plain(texts):
    """The plain text columns used for fuzzy search: the stripped values, space-joined."""
    return " ".join(text for text, _weight in texts)
