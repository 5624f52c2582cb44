"""manage.py import_lessons FILE: lessons from JSON Lines (validated first, all or nothing)."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from learning import lessons_io
from learning.models import KennisbankPage


class Command(BaseCommand):
    help = (
        "Importeert lessen uit een JSON Lines-bestand. Elke regel wordt eerst gecontroleerd; "
        "bij een fout wordt niets geïmporteerd, tenzij --skip-invalid is opgegeven."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="pad naar het .jsonl-bestand")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="sla foute regels over en importeer de rest",
        )
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help="voeg onbekende doelgroepen toe als nieuwe doelgroepen (en meld ze)",
        )
        parser.add_argument(
            "--parent", default="", help="slug van de kennisbankpagina (standaard: de eerste)"
        )

    def handle(self, *args, file, skip_invalid, create_missing, parent, **options):
        kennisbank = KennisbankPage.objects.all()
        kennisbank = kennisbank.filter(slug=parent) if parent else kennisbank
        kennisbank = kennisbank.first()
        if kennisbank is None:
            raise CommandError("Geen kennisbankpagina gevonden; draai eerst load_demo.")
        try:
            with open(file, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Kan {file} niet lezen: {exc}") from None

        records, errors, vocab = lessons_io.validate(
            tqdm(lines, desc="Controleren", unit="regel", disable=None),
            create_missing=create_missing,
        )
        for error in errors:
            self.stderr.write(error)
        if errors and not skip_invalid:
            raise CommandError(
                f"{len(errors)} foute regel(s); er is niets geïmporteerd. "
                "Verbeter het bestand of gebruik --skip-invalid."
            )
        result = lessons_io.import_records(
            records,
            vocab,
            kennisbank,
            progress=lambda it: tqdm(it, desc="Importeren", unit="les", disable=None),
        )
        skipped = f", {len(errors)} overgeslagen" if errors else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.created} lessen aangemaakt, {result.updated} bijgewerkt{skipped}."
            )
        )
        # What the import added to the open vocabularies, for the editors to review.
        if result.new_doelgroepen:
            names = ", ".join(group.name for group in result.new_doelgroepen)
            self.stdout.write(f"Nieuwe doelgroepen (controleer ze in de CMS): {names}")
        if result.new_themes:
            names = ", ".join(tag.name for tag in result.new_themes)
            self.stdout.write(f"Nieuwe thema's (controleer ze in de CMS): {names}")
