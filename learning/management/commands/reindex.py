"""manage.py reindex: rebuild the kennisbank search tables (and Elasticsearch when set up)."""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from learning.models import FacetValue, SearchEntry
from learning.search import fulltext, indexing, snapshot
from learning.search.database import KENNISBANK_MODELS

BATCH = 500


class Command(BaseCommand):
    help = (
        "Bouwt de zoekgegevens van de kennisbank opnieuw op: facetten, de database-index en, "
        "als ELASTICSEARCH_URL is ingesteld, de Elasticsearch-index plus gemiste updates."
    )

    def handle(self, *args, **options):
        models = [apps.get_model(label) for label in KENNISBANK_MODELS]
        pages = Page.objects.type(*models).live().order_by("pk")
        ids = list(pages.values_list("pk", flat=True))
        FacetValue.objects.exclude(page_id__in=ids).delete()
        SearchEntry.objects.exclude(page_id__in=ids).delete()
        backend = get_search_backend()
        for start in tqdm(
            range(0, len(ids), BATCH), desc="Herindexeren", unit="blok", disable=None
        ):
            batch = Page.objects.filter(pk__in=ids[start : start + BATCH]).specific()
            by_model = {}
            for page in batch:
                indexing.sync_page(page)
                by_model.setdefault(type(page), []).append(page)
            for model, objs in by_model.items():
                backend.add_bulk(model, objs)
        progress = lambda it, n: tqdm(  # noqa: E731
            it, total=n, desc="Zoekindex", unit="blok", disable=None
        )
        indexed = fulltext.rebuild(progress=progress)
        snapshot.changed()
        self.stdout.write(
            f"{len(ids)} kennisbankpagina's en {indexed} pagina's in de zoekindex opnieuw "
            "geïndexeerd in de database."
        )
        if settings.ELASTICSEARCH_URL:
            from learning.search.elastic import ElasticsearchBackend

            es = ElasticsearchBackend(settings.ELASTICSEARCH_URL)
            progress = lambda it, n: tqdm(  # noqa: E731
                it, total=n, desc="Elasticsearch", unit="pagina", disable=None
            )
            every = list(
                Page.objects.live().filter(depth__gt=2).order_by("pk").values_list("pk", flat=True)
            )
            try:
                done = es.rebuild(every, progress=progress)
            except Exception as exc:  # the database part is done; ES can be redone later
                raise CommandError(
                    f"Elasticsearch is niet bereikbaar ({exc.__class__.__name__}); de database-"
                    "index is bijgewerkt, de wachtrij blijft bewaard. Probeer het later opnieuw."
                ) from None
            self.stdout.write(f"{done} pagina's naar Elasticsearch gestuurd; wachtrij leeg.")
