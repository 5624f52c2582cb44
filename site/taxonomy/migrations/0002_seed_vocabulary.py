"""Seed the fixed vocabulary: eight levensgebieden, the Big 5 with its mapping, and
the four sector groups. Editors may rename or describe them later."""

from django.db import migrations

from leernetwerk.taxonomy.vocabulary import BIG5, LEVENSGEBIEDEN, MAPPING, SECTORGROEPEN


def seed(apps, schema_editor):
    Levensgebied = apps.get_model("taxonomy", "Levensgebied")
    SectorGroep = apps.get_model("taxonomy", "SectorGroep")
    by_slug = {}
    for scheme, entries in (("levensgebieden", LEVENSGEBIEDEN), ("big5", BIG5)):
        for order, (slug, name) in enumerate(entries):
            by_slug[slug], _ = Levensgebied.objects.get_or_create(
                slug=slug, defaults={"name": name, "scheme": scheme, "sort_order": order})
    # Write the symmetrical mapping rows directly: historical models in migrations
    # do not have modelcluster's deferred-save behaviour.
    Through = Levensgebied.equivalents.through
    for slug, targets in MAPPING.items():
        for target in targets:
            a, b = by_slug[slug], by_slug[target]
            Through.objects.get_or_create(from_levensgebied=a, to_levensgebied=b)
            Through.objects.get_or_create(from_levensgebied=b, to_levensgebied=a)
    for number, slug, name, description in SECTORGROEPEN:
        SectorGroep.objects.get_or_create(
            number=number, defaults={"slug": slug, "name": name, "description": description})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
