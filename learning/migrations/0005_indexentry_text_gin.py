"""PostgreSQL: an index on ``title || body`` of the full-text index table.

modelsearch matches the concatenation of an entry's title and body vectors; without
an index on that expression every search read and concatenated all entries (about
55 ms at 20,000 lessons, even when one lesson matched). With it, a selective search
is a bitmap index scan (well under a millisecond). See learning/search/matching.py.
"""

from django.db import migrations

INDEX = "learning_indexentry_text_gin"
TABLE = "wagtailsearch_indexentry"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin (("title" || "body"))'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0004_searchstate"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
