"""Keep the search tables and caches in step with publishing, and never let a search
index problem (Elasticsearch down) make publishing fail."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import Synoniemgroep
from .search import indexing, outbox, snapshot, suggest, synonyms


@receiver(page_published)
def on_publish(sender, instance, **kwargs):
    if indexing.is_indexable(instance):
        indexing.sync_page(instance)
        outbox.index_later_or_now(instance.pk)
    snapshot.changed()
    suggest.bump_version()


@receiver(page_unpublished)
def on_unpublish(sender, instance, **kwargs):
    if indexing.is_indexable(instance.specific):
        indexing.remove_page(instance.pk)
        outbox.delete_later_or_now(instance.pk)
    snapshot.changed()
    suggest.bump_version()


@receiver(post_delete)
def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        snapshot.changed()
        if indexing.is_indexable(instance):
            outbox.delete_later_or_now(instance.pk)


# A move or a view restriction can make pages public or private for the search.
post_page_move.connect(snapshot.changed, dispatch_uid="learning.snapshot.move")
post_save.connect(snapshot.changed, sender=PageViewRestriction)
post_delete.connect(snapshot.changed, sender=PageViewRestriction)


post_save.connect(synonyms.clear_cache, sender=Synoniemgroep)
post_delete.connect(synonyms.clear_cache, sender=Synoniemgroep)
