"""Send page changes to Elasticsearch when it is configured; when it is unreachable,
queue them in SearchOutbox (drained by ``manage.py reindex``)."""

import logging

from django.conf import settings

from learning.models import SearchOutbox

logger = logging.getLogger(__name__)


def _enabled():
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def _send(page_id, action):
    if not _enabled():
        return
    try:
        from .elastic import ElasticsearchBackend

        backend = ElasticsearchBackend(settings.ELASTICSEARCH_URL)
        if action == SearchOutbox.Action.INDEX:
            backend.index_page_id(page_id)
        else:
            backend.delete_page_id(page_id)
    except Exception as exc:  # any ES failure: publishing must still succeed
        logger.warning("Elasticsearch niet bereikbaar; pagina %s in de wachtrij gezet", page_id)
        SearchOutbox.objects.create(page_id=page_id, action=action, error=str(exc)[:1000])


def index_later_or_now(page_id):
    _send(page_id, "index")


def delete_later_or_now(page_id):
    _send(page_id, "delete")
