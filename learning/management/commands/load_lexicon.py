"""manage.py load_lexicon: add the lexicon groups that are new in learning/data/lexicon.json."""

from django.core.management.base import BaseCommand

from learning import lexicon
from learning.models import Synoniemgroep
from learning.search import synonyms


class Command(BaseCommand):
    help = (
        "Voegt de groepen uit learning/data/lexicon.json en related.json toe die nog niet bij "
        "de synoniemen "
        "staan. Groepen die redacteuren al hebben, blijven zoals ze zijn."
    )

    def handle(self, *args, **options):
        added = lexicon.load(Synoniemgroep) + lexicon.load(Synoniemgroep, "verwant")
        synonyms.clear_cache()
        self.stdout.write(f"{added} synoniemgroepen toegevoegd.")
