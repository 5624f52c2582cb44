"""PostgreSQL: drop the index on ``title || body`` of Wagtail's full-text table.

It served the kennisbank's old match on modelsearch's table (migration 0005). The
kennisbank now searches its own posting lists (learning/search/postings.py); the
table only serves the CMS's search, which does not need it, and every bulk import
paid for keeping a fourth GIN index up to date.
"""

from django.db import migrations

INDEX = "learning_indexentry_text_gin"
TABLE = "wagtailsearch_indexentry"


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin (("title" || "body"))'
        )


class Migration(migrations.Migration):
    dependencies = [("learning", "0011_related_terms")]

    operations = [migrations.RunPython(drop, create)]
