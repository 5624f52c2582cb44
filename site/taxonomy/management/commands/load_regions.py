"""``manage.py load_regions [BESTAND]``: load or refresh every Dutch region (idempotent)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from leernetwerk.taxonomy import regions
from leernetwerk.taxonomy.models import Herindeling, Regio
from leernetwerk.taxonomy.regions_index import index_regions


class Command(BaseCommand):
    help = (
        "Laadt alle gemeenten, provincies, arbeidsmarktregio's en jeugdregio's met hun "
        "indeling en de gemeentelijke herindelingen uit het regiobestand. Bestaande regio's "
        "blijven bestaan; nogmaals draaien kan altijd."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "bestand",
            nargs="?",
            default=str(regions.DATA_FILE),
            help="Het JSON-bestand (standaard site/taxonomy/data/regions.json).",
        )

    def handle(self, *args, **options):
        try:
            data = regions.read(options["bestand"])
            # One transaction: a failure halfway leaves the regions as they were.
            with transaction.atomic():
                counts = regions.load(data, Regio, Herindeling)
        except regions.RegionDataError as exc:
            raise CommandError(str(exc)) from None
        index_regions()
        for key in sorted(counts):
            self.stdout.write(f"{key}: {counts[key]}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {Regio.objects.count()} regio's, "
                f"{Herindeling.objects.count()} herindelingen."
            )
        )
