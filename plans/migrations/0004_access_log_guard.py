"""A database-level guard for the append-only access log (see plans/models/audit.py).

PostgreSQL: a trigger refuses UPDATE always, and DELETE unless the transaction set
``plans.accesslog_purge`` (only ``AccessLogEntry.purge_expired`` does). TRUNCATE, which
needs the table owner's rights, is not affected (Django's test flush uses it).
SQLite: a trigger refuses UPDATE. DELETE stays possible at this level, because Django's
test flush on SQLite empties tables with DELETE; the ORM guard refuses it in the app.
"""

from django.db import migrations

PG_UP = [
    """
CREATE OR REPLACE FUNCTION plans_accesslog_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('plans.accesslog_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Het toegangslog is alleen-toevoegen';
END;
$$ LANGUAGE plpgsql
""",
    """
CREATE TRIGGER plans_accesslog_guard BEFORE UPDATE OR DELETE ON plans_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION plans_accesslog_guard()
""",
]
PG_DOWN = [
    "DROP TRIGGER IF EXISTS plans_accesslog_guard ON plans_accesslogentry",
    "DROP FUNCTION IF EXISTS plans_accesslog_guard()",
]
SQLITE_UP = [
    """
CREATE TRIGGER plans_accesslog_no_update BEFORE UPDATE ON plans_accesslogentry
BEGIN SELECT RAISE(ABORT, 'Het toegangslog is alleen-toevoegen (UPDATE)'); END
"""
]
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS plans_accesslog_no_update"]


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("plans", "0003_access_log_append_only")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_UP, "sqlite": SQLITE_UP}),
            _run({"postgresql": PG_DOWN, "sqlite": SQLITE_DOWN}),
        )
    ]
