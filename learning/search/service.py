"""Pick the backend: Elasticsearch when ELASTICSEARCH_URL is set, else the database."""

from django.conf import settings

from .database import DatabaseBackend
from .results import with_promotions


def get_backend():
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        from .elastic import ElasticsearchBackend

        return ElasticsearchBackend(settings.ELASTICSEARCH_URL)
    return DatabaseBackend()


def search(request):
    """Answer a ``SearchRequest`` with a ``SearchResponse``; editors' picks first."""
    return with_promotions(get_backend().search(request))
