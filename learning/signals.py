"""Keep the search tables and caches in step with publishing, and never let a search
index problem (Elasticsearch down) make publishing fail."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    workflow_approved,
    workflow_rejected,
)

from .contribute import notify_decision
from .models import Synoniemgroep
from .search import fulltext, indexing, outbox, snapshot, synonyms


@receiver(page_published)
def on_publish(sender, instance, **kwargs):
    fulltext.index_page(instance)
    if indexing.is_indexable(instance):
        indexing.sync_page(instance)
    outbox.index_later_or_now(instance.pk)
    snapshot.changed()


@receiver(page_unpublished)
def on_unpublish(sender, instance, **kwargs):
    fulltext.remove_page(instance.pk)
    if indexing.is_indexable(instance.specific):
        indexing.remove_page(instance.pk)
    outbox.delete_later_or_now(instance.pk)
    snapshot.changed()


@receiver(pre_delete)
def before_delete(sender, instance, **kwargs):
    # Before the cascade removes the page's SearchDocument, which lists its terms.
    if isinstance(instance, Page):
        fulltext.remove_page(instance.pk)


@receiver(post_delete)
def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        snapshot.changed()
        outbox.delete_later_or_now(instance.pk)


# A move or a view restriction can make pages public or private for the search.
post_page_move.connect(snapshot.changed, dispatch_uid="learning.snapshot.move")
post_save.connect(snapshot.changed, sender=PageViewRestriction)
post_delete.connect(snapshot.changed, sender=PageViewRestriction)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
def on_visibility_change(sender, instance, **kwargs):
    # Elasticsearch holds public pages only: re-send the pages below the change
    # (the database search reads visibility from its snapshot instead).
    page = instance.page if isinstance(instance, PageViewRestriction) else instance
    for page_id in Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True):
        outbox.index_later_or_now(page_id)


post_save.connect(synonyms.clear_cache, sender=Synoniemgroep)
post_delete.connect(synonyms.clear_cache, sender=Synoniemgroep)


# A contributed lesson's review ended or asks for changes: tell the contributor.
workflow_approved.connect(notify_decision, dispatch_uid="learning.contribution.approved")
workflow_rejected.connect(notify_decision, dispatch_uid="learning.contribution.rejected")
