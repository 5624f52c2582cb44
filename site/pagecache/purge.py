"""Purging the page cache: one generation token in the shared cache, replaced on change.

Every entry is stored with the token that was current when its request began; an entry
with another token is a miss. Replacing the token (not incrementing a counter) keeps
this correct when the cache has lost the token: a new random token never matches an
old entry. The purge runs after the transaction commits, so no request can render the
old content after the purge and store it under the new token.
"""

import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"


def new_generation():
    token = secrets.token_hex(8)
    cache.set(GENERATION_KEY, token, None)
    return token


def purge(reason=""):
    """Invalidate every cached page once the current transaction commits."""

    def run():
        try:
            new_generation()
        except Exception:  # a cache outage must never break publishing
            logger.exception("Paginacache kon niet worden geleegd (%s)", reason)
        else:
            logger.debug("Paginacache geleegd: %s", reason)

    transaction.on_commit(run)


def purges_on(model):
    """Whether a change to ``model`` can change what an anonymous page shows."""
    return (
        issubclass(model, BaseSiteSetting | BaseGenericSetting)
        or model._meta.label_lower in settings.PAGECACHE_PURGE_MODELS
        or model in get_snippet_models()
    )


def _page_changed(sender, instance, **kwargs):
    purge(f"{instance._meta.label_lower} {instance.pk}")


def _saved(sender, instance, created, **kwargs):
    if issubclass(sender, Page):
        # Drafts are saved too; only a page that is created live shows at once (a
        # change to a live page goes through page_published).
        if created and instance.live:
            _page_changed(sender, instance)
    elif purges_on(sender):
        _page_changed(sender, instance)


def _deleted(sender, instance, **kwargs):
    if issubclass(sender, Page) or purges_on(sender):
        _page_changed(sender, instance)


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and not isinstance(instance, Page) and purges_on(type(instance)):
        _page_changed(type(instance), instance)


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_changed, dispatch_uid=f"pagecache-{id(signal)}")
    post_save.connect(_saved, dispatch_uid="pagecache-save")
    post_delete.connect(_deleted, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache-m2m")
