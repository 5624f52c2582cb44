"""manage.py export_lessons FILE: every lesson as JSON Lines (the import format)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from learning import lessons_io
from learning.models import Les


class Command(BaseCommand):
    help = "Schrijft alle lessen als JSON Lines (hetzelfde formaat als import_lessons)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="pad naar het .jsonl-bestand, of - voor de uitvoer")

    def handle(self, *args, file, **options):
        lessons = (
            Les.objects.order_by("pk")
            .select_related("regio")
            .prefetch_related("levensgebieden", "doelgroepen", "sectoren", "tags")
        )
        try:
            out = sys.stdout if file == "-" else open(file, "w", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"Kan {file} niet schrijven: {exc}") from None
        count = 0
        try:
            for les in tqdm(
                lessons, total=lessons.count(), desc="Exporteren", unit="les", disable=None
            ):
                out.write(json.dumps(lessons_io.export_record(les), ensure_ascii=False) + "\n")
                count += 1
        finally:
            if out is not sys.stdout:
                out.close()
        self.stderr.write(f"{count} lessen geëxporteerd.")
