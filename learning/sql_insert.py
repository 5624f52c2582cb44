"""Multi-row INSERTs from plain tuples, for the lesson importer.

``bulk_create`` builds a model instance per row and passes every value through
the field API; for the ~400,000 rows of a 20,000-lesson import that Python work
took longer than the database took to store them. Here a row is a tuple in the
order of the given fields. Only values whose type needs it (dates on SQLite,
JSON, UUIDs, choice lists) go through the field's ``get_db_prep_save``; no
``pre_save`` runs, so the caller supplies every value as it should be stored.
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
MAX_PARAMS_POSTGRES = 60_000  # the protocol allows 65,535 per statement


def insert(model, field_names, rows, returning=None):
    """Insert ``rows`` (tuples) into ``model``'s table; with ``returning`` (a field
    name) give back that column of the new rows, in the order of ``rows``."""
    rows = list(rows)
    if not rows:
        return []
    fields = [model._meta.get_field(name) for name in field_names]
    converters = [_converter(field) for field in fields]
    if any(converters):
        rows = [
            tuple(c(v) if c else v for c, v in zip(converters, row, strict=True)) for row in rows
        ]
    quote = connection.ops.quote_name
    # Table and column names are the model's own; every value is a parameter.
    head = "INSERT INTO {} ({}) VALUES ".format(  # noqa: S608
        quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    )
    tail = f" RETURNING {quote(model._meta.get_field(returning).column)}" if returning else ""
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    max_params = (
        connection.features.max_query_params
        if connection.vendor == "sqlite"
        else MAX_PARAMS_POSTGRES
    )
    size = max(1, max_params // len(fields))
    returned = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            sql = head + ", ".join([placeholder] * len(chunk)) + tail
            cursor.execute(sql, [value for row in chunk for value in row])
            if returning:
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
