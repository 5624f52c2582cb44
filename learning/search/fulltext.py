"""Keep the full-text index (postings.py) in step with the pages.

Every live page below the home page is indexed, whatever its type (the site-wide
search covers them all); publishing replaces a page's entry, unpublishing and
deleting remove it, ``rebuild`` (``manage.py reindex``) writes everything afresh,
with impacts from the final average field lengths.
"""

from django.db import connection, transaction
from wagtail.models import Page

from learning.models import SearchDocument, SearchWord, TermPostings

from .documents import document_for
from .postings import IndexWriter, analyse_document

BATCH = 500


def indexable(page):
    return page.depth > 2  # not the tree root or the home page


def index_page(page):
    """Write (or, when it is not live, remove) the entry of one page."""
    writer = IndexWriter()
    if page.live and indexable(page):
        writer.replace(page.pk, document_for(page.specific))
    else:
        writer.remove(page.pk)
    writer.write()


def remove_page(page_id):
    writer = IndexWriter()
    writer.remove(page_id)
    writer.write()


def rebuild(progress=lambda batches, total: batches):
    """Index every live page anew; returns how many."""
    ids = list(Page.objects.live().filter(depth__gt=2).order_by("pk").values_list("pk", flat=True))
    writer = IndexWriter()
    batches = range(0, len(ids), BATCH)
    for start in progress(batches, len(batches)):
        for page in Page.objects.filter(pk__in=ids[start : start + BATCH]).specific():
            writer.replace_analysed(page.pk, analyse_document(document_for(page)))
    with transaction.atomic():
        # Plain DELETEs: a queryset's delete() reads every row first (Wagtail listens
        # to every model's post_delete), 50,000 posting lists included.
        with connection.cursor() as cursor:
            for model in (TermPostings, SearchDocument, SearchWord):
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - a model's own table
        writer.write()
    return len(ids)
