"""Add the lexicon groups that are new in learning/data (woning, corporatie, verhuurder …)
to databases seeded before them. Only these groups: one an editor deleted on purpose
is not brought back, and groups editors already have are left alone."""

from django.db import migrations

NEW = {
    "gelijk": ["corporatie"],
    "verwant": [
        "woning",
        "verhuurder",
        "studio",
        "bijbaan",
        "docent",
        "student",
        "behandeling",
        "crisis",
        "politie",
        "zorgverzekeraar",
        "verhuizing",
    ],
}


def load_new_groups(apps, schema_editor):
    from learning import lexicon

    model = apps.get_model("learning", "Synoniemgroep")
    for kind, firsts in NEW.items():
        lexicon.load(model, kind, only=set(firsts))


class Migration(migrations.Migration):
    dependencies = [("learning", "0014_les_details_richtlijn_aanbevelingen")]

    operations = [migrations.RunPython(load_new_groups, migrations.RunPython.noop)]
