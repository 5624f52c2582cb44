"""Bulk INSERTs, UPDATEs and DELETEs from plain tuples, for the lesson importer.

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

``update`` rewrites columns of existing rows the same way: ``bulk_update`` builds a
``CASE WHEN`` expression per row and field, which made re-importing 3,000 lessons
take 20 s, two thirds of it in building those expressions.

``delete`` removes rows by one column's values without Django's deletion collector:
Wagtail listens to every model's ``post_delete`` (for its reference index), so a
queryset's ``delete()`` first reads every row it deletes. Only rows that nothing
refers to and that no index lists are deleted this way (facet rows, relations).

``tests/learning/test_sql_insert.py`` checks the stored rows equal bulk_create's
and bulk_update's.
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


def update(model, field_names, rows):
    """Set ``field_names`` (columns of ``model``'s own table) of existing rows;
    each row is (primary key, *values)."""
    rows = list(rows)
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    if any(field.model is not model for field in fields):
        raise ValueError(f"update writes {model.__name__}'s own table only")
    key = model._meta.pk
    converters = [None, *(_converter(field) for field in fields)]
    rows = [tuple(c(v) if c else v for c, v in zip(converters, row, strict=True)) for row in rows]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement: the values travel as one array per column.
            names = [f"c{i}" for i in range(len(fields) + 1)]
            arrays = ", ".join(f"%s::{_array_type(field)}" for field in [key, *fields])
            assignments = ", ".join(
                f"{quote(field.column)} = v.{name}"
                for field, name in zip(fields, names[1:], strict=True)
            )
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM UNNEST({arrays})"  # noqa: S608
                f" AS v({', '.join(names)}) WHERE {table}.{quote(key.column)} = v.c0",
                [list(column) for column in zip(*rows, strict=True)],
            )
        else:
            assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
            cursor.executemany(
                f"UPDATE {table} SET {assignments} WHERE {quote(key.column)} = %s",  # noqa: S608
                [(*row[1:], row[0]) for row in rows],
            )


def delete(model, field_name, values):
    """Delete ``model``'s rows whose ``field_name`` is one of ``values``."""
    values = list(values)
    if not values:
        return
    field = model._meta.get_field(field_name)
    quote = connection.ops.quote_name
    head = f"DELETE FROM {quote(model._meta.db_table)} WHERE {quote(field.column)}"  # noqa: S608
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"{head} = ANY(%s::{_array_type(field)})", [values])
            return
        size = connection.features.max_query_params
        for start in range(0, len(values), size):
            chunk = values[start : start + size]
            cursor.execute(f"{head} IN ({', '.join(['%s'] * len(chunk))})", chunk)


def _array_type(field):
    target = field.target_field if field.is_relation else field
    # Without the type's parameters: varchar(50)[] would truncate instead of fail.
    return target.db_type(connection).split("(")[0] + "[]"


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
