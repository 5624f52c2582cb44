"""Seed the editor-managed synonyms with the field's lexicon (learning/data/lexicon.json)."""

from django.db import migrations


def load_lexicon(apps, schema_editor):
    from learning import lexicon

    lexicon.load(apps.get_model("learning", "Synoniemgroep"))


class Migration(migrations.Migration):
    dependencies = [("learning", "0008_search_postings")]

    operations = [migrations.RunPython(load_lexicon, migrations.RunPython.noop)]
