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
    from leernetwerk.sitesearch.text import fold

    model = apps.get_model("learning", "Synoniemgroep")
    for kind, firsts in NEW.items():
        existing = {
            fold(terms.replace(",", "\n").splitlines()[0].strip())
            for terms in model.objects.filter(kind=kind).values_list("terms", flat=True)
            if terms.strip()
        }
        for group in lexicon.groups(kind):
            first = fold(group["terms"][0])
            if first in firsts and first not in existing:
                model.objects.create(terms="\n".join(group["terms"]), kind=kind)


class Migration(migrations.Migration):
    dependencies = [("learning", "0014_les_details_richtlijn_aanbevelingen")]

    operations = [migrations.RunPython(load_new_groups, migrations.RunPython.noop)]
