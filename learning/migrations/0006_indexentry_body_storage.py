"""PostgreSQL: keep the body vector of full-text index rows in the row itself.

An index row also holds the plain text of title and body. Rows of a typical lesson
outgrow PostgreSQL's 2 kB limit, and the body vector (the largest value) was moved
to the TOAST table, so ranking a search's matches fetched it from there row by row
(about 40 ms for 7,500 matches at 20,000 lessons). With the plain body text moved
out instead and the vector kept in the row (compressed if need be), that took about
25 ms. Rows written before this migration keep their layout until ``manage.py
reindex`` rewrites them.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def apply(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ALTER COLUMN body_text SET STORAGE EXTERNAL, "
            "ALTER COLUMN body SET STORAGE MAIN"
        )


def revert(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ALTER COLUMN body_text SET STORAGE EXTENDED, "
            "ALTER COLUMN body SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("learning", "0005_indexentry_text_gin")]

    operations = [migrations.RunPython(apply, revert)]
