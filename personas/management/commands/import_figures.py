"""``manage.py import_figures FILE [--dataset SLUG]``: check the whole CSV, then save it
atomically (all rows or none)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from personas import importer
from personas.models import Dataset


class Command(BaseCommand):
    help = "Importeert cijfers per regio en kenmerkcombinatie uit een CSV-bestand."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pad naar het CSV-bestand.")
        parser.add_argument(
            "--dataset", help="Slug van de dataset (mag weg als er maar één dataset is)."
        )
        parser.add_argument(
            "--check", action="store_true", help="Alleen controleren, niets opslaan."
        )

    def handle(self, *args, **options):
        dataset = self._dataset(options["dataset"])
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Bestand {path} bestaat niet.")
        progress = options["verbosity"] > 0
        result = importer.validate(path.read_bytes(), dataset, progress=progress)
        if result.errors:
            for row, message in result.errors:
                where = f"rij {row}: " if row else ""
                self.stderr.write(f"{where}{message}")
            raise CommandError(f"{len(result.errors)} fout(en) gevonden; er is niets opgeslagen.")
        if options["check"]:
            self.stdout.write(f"Bestand is in orde: {len(result.rows)} cijfers.")
            return
        saved = importer.save(result, dataset, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"{saved} cijfers opgeslagen in {dataset}."))

    def _dataset(self, slug):
        if slug:
            try:
                return Dataset.objects.get(slug=slug)
            except Dataset.DoesNotExist as exc:
                raise CommandError(f"Dataset '{slug}' bestaat niet.") from exc
        datasets = list(Dataset.objects.all()[:2])
        if len(datasets) != 1:
            raise CommandError("Geef met --dataset aan in welke dataset de cijfers horen.")
        return datasets[0]
