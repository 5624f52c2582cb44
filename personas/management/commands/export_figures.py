"""``manage.py export_figures SLUG [--output FILE]``: the figures in the import format."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from personas import importer
from personas.models import Dataset


class Command(BaseCommand):
    help = "Exporteert de cijfers van een dataset als CSV (zelfde opmaak als de import)."

    def add_arguments(self, parser):
        parser.add_argument("dataset", help="Slug van de dataset.")
        parser.add_argument("--output", help="Schrijf naar dit bestand in plaats van stdout.")

    def handle(self, *args, **options):
        try:
            dataset = Dataset.objects.get(slug=options["dataset"])
        except Dataset.DoesNotExist as exc:
            raise CommandError(f"Dataset '{options['dataset']}' bestaat niet.") from exc
        text = importer.export(dataset)
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
