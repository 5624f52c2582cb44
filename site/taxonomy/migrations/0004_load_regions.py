"""Load every Dutch municipality, province, labour-market and youth-care region, with
their memberships and the recent municipal mergers, from data/regions.json.

Existing regions survive: they are matched by CBS code, or by kind and name.
Switched off by REGIONS_LOAD_ON_MIGRATE = False (the test settings).
"""

from django.conf import settings
from django.db import migrations

from leernetwerk.taxonomy import regions


def load(apps, schema_editor):
    if not getattr(settings, "REGIONS_LOAD_ON_MIGRATE", True):
        return
    regions.load(
        regions.read(), apps.get_model("taxonomy", "Regio"), apps.get_model("taxonomy", "Herindeling")
    )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0003_herindeling")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
