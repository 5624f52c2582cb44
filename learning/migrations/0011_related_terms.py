"""Seed the editor-managed synonyms with the field's related terms (learning/data/related.json)."""

from django.db import migrations


def load_related(apps, schema_editor):
    from learning import lexicon

    lexicon.load(apps.get_model("learning", "Synoniemgroep"), "verwant")


class Migration(migrations.Migration):
    dependencies = [("learning", "0010_synoniemgroep_kind")]

    operations = [migrations.RunPython(load_related, migrations.RunPython.noop)]
