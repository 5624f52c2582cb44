"""Bulk INSERTs from plain tuples, for the lesson importer.

``bulk_create`` builds a model instance per row and passes every value through
the field API; for the ~400,000 rows of a 20,000-lesson import that Python work
took longer than the database took to store them. Here a row is a tuple in the
order of the given fields. Only values whose type needs it (dates on SQLite,
JSON, UUIDs, choice lists) go through the field's ``get_db_prep_save``; no
``pre_save`` runs, so the caller supplies every value as it should be stored.

* SQLite: multi-row ``INSERT ... VALUES``, split below its parameter limit.
* PostgreSQL: ``COPY ... FROM STDIN``, whose rows psycopg formats in C. A multi-row
  INSERT there cost more in psycopg's Python (it rewrites each ``%s`` of a
  statement) than PostgreSQL's own work, and ``UNNEST`` arrays still took twice
  as long as COPY (docs/benchmarks.md). New ids are taken from the table's
  sequence beforehand, so they are known without ``RETURNING``.

``tests/learning/test_sql_insert.py`` checks the stored rows equal bulk_create's.
"""

from django.db import connection, models

# Field classes whose Python values the database drivers take as they are; a
# subclass counts only if it prepares values as its base does (a rich-text field
# does, a choice-list field does not).
PLAIN_FIELDS = {
    models.AutoField,
    models.BigAutoField,
    models.BigIntegerField,
    models.BooleanField,
    models.CharField,
    models.IntegerField,
    models.PositiveBigIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.SlugField,
    models.SmallAutoField,
    models.SmallIntegerField,
    models.TextField,
}


def insert(model, field_names, rows, returning=None):
    """Insert ``rows`` (tuples) into ``model``'s table; with ``returning`` (the name
    of the automatic primary key) give back the new rows' keys, in the order of
    ``rows``."""
    rows = list(rows)
    if not rows:
        return []
    fields = [model._meta.get_field(name) for name in field_names]
    converters = [_converter(field) for field in fields]
    if any(converters):
        rows = [
            tuple(c(v) if c else v for c, v in zip(converters, row, strict=True)) for row in rows
        ]
    key = model._meta.get_field(returning) if returning else None
    if key is not None and not (key.primary_key and key.get_internal_type().endswith("AutoField")):
        raise ValueError(f"{returning} is not {model.__name__}'s automatic primary key")
    if connection.vendor == "postgresql":
        return _copy(model, fields, rows, key)
    return _values(model, fields, rows, key)


def _copy(model, fields, rows, key):
    quote = connection.ops.quote_name
    table = model._meta.db_table
    ids = []
    with connection.cursor() as cursor:
        if key is not None:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [quote(table), key.column, len(rows)],
            )
            ids = [row[0] for row in cursor.fetchall()]
            fields = [key, *fields]
            rows = [(pk, *row) for pk, row in zip(ids, rows, strict=True)]
        columns = ", ".join(quote(f.column) for f in fields)
        # Table and column names are the model's own; the rows are data, not SQL.
        with cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    return ids


def _values(model, fields, rows, key):
    quote = connection.ops.quote_name
    # Table and column names are the model's own; every value is a parameter.
    head = "INSERT INTO {} ({}) VALUES ".format(  # noqa: S608
        quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    )
    tail = f" RETURNING {quote(key.column)}" if key is not None else ""
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    size = max(1, connection.features.max_query_params // len(fields))
    returned = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            sql = head + ", ".join([placeholder] * len(chunk)) + tail
            cursor.execute(sql, [value for row in chunk for value in row])
            if key is not None:
                returned += [row[0] for row in cursor.fetchall()]
    return returned


PREPARING_METHODS = ("get_prep_value", "get_db_prep_value", "get_db_prep_save")


def _is_plain(field):
    cls = type(field)
    base = next((base for base in cls.__mro__ if base in PLAIN_FIELDS), None)
    return base is not None and all(
        getattr(cls, name) is getattr(base, name) for name in PREPARING_METHODS
    )


def _converter(field):
    if _is_plain(field.target_field if field.is_relation else field):
        return None

    def convert(value):
        return field.get_db_prep_save(value, connection)

    return convert
