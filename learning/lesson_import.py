"""Write validated lesson records to the database in bulk (manage.py import_lessons).

Saving one page at a time through Wagtail costs some 60 queries per lesson (tree
insert, full clean, search index, reference index, audit log, facet rows), which
made 20,000 lessons take over an hour. Here every table is written in batches:

* new pages get their treebeard paths computed in Python, after the parent's last
  child (the parent row is locked, so two imports cannot hand out the same path);
* Django's ``bulk_create`` refuses multi-table inheritance, so the ``Page`` rows are
  bulk-created first (their ids come back) and the ``Les`` rows are then inserted
  with the same low-level insert that ``Model.save()`` uses for a child table;
* updates use ``bulk_update``; relations, tags, facet rows, the search index, the
  reference index and the "created" audit-log entries are rewritten per batch.

The caller wraps everything in one transaction, so a failure imports nothing.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.functions import Lower
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from taggit.models import Tag
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.search.models import IndexEntry

from leernetwerk.taxonomy.models import Levensgebied

from .lessons_io import TEXT_FIELDS, as_rich_text, unique_slug
from .models import FacetValue, Les, LesTag, SearchEntry
from .search import bulk_index, indexing

BATCH_SIZE = 500
RELATIONS = {  # record key -> (many-to-many field, vocabulary attribute)
    "life_domains": "levensgebieden",
    "target_groups": "doelgroepen",
    "sectors": "sectoren",
}
# Page fields that an update rewrites (bulk_update writes them to wagtailcore_page).
UPDATED_FIELDS = [
    *["title", "draft_title", "live", "has_unpublished_changes"],
    *["first_published_at", "last_published_at", "summary", *TEXT_FIELDS],
    *["date", "regio", "kennisbronnen", "synthetic"],
]


class LessonWriter:
    """Collects pages for a batch and writes each batch with a fixed number of queries."""

    def __init__(self, parent, vocab):
        self.vocab = vocab
        self.now = timezone.now()
        # Lock the parent: the paths handed out below must not be taken meanwhile.
        self.parent = Page.objects.select_for_update().get(pk=parent.pk)
        last = self._children().order_by("-path").first()
        self.next_position = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        self.used_slugs = set(self._children().values_list("slug", flat=True))
        self.content_type = ContentType.objects.get_for_model(Les)
        self.equivalents = _domain_equivalents()
        self.tags = TagResolver()
        self.created = self.updated = 0

    def write(self, records, existing):
        """Create or update one batch of records; ``existing`` maps id -> Les."""
        new, changed = [], []
        for record in records:
            data = record.data
            page = existing.get(data["id"])
            if page is None:
                page = self._new_page(data)
                new.append((page, data))
            else:
                changed.append((page, data))
            self._fill(page, data)
        self._insert([page for page, _data in new])
        if changed:
            Les.objects.bulk_update([page for page, _data in changed], UPDATED_FIELDS)
            self._clear([page.pk for page, _data in changed])
        batch = new + changed
        self._relations(batch)
        self._search_rows(batch)
        self._indexes([page.pk for page, _data in batch], [page.pk for page, _data in new])
        self.created += len(new)
        self.updated += len(changed)

    def finish(self):
        Page.objects.filter(pk=self.parent.pk).update(numchild=self._children().count())
        bulk_index.finish(Les)

    @staticmethod
    def analyze():
        """Refresh PostgreSQL's planner statistics after a bulk load. Until autovacuum
        gets to it, the planner would see the tables as they were before the import
        and choose plans that take seconds instead of milliseconds."""
        if connection.vendor != "postgresql":
            return
        tables = [Page, Les, FacetValue, SearchEntry, LesTag, IndexEntry]
        with connection.cursor() as cursor:
            for model in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")

    def _children(self):
        # Not parent.get_children(): treebeard trusts numchild there, which this
        # import only corrects at the end.
        return Page.objects.filter(path__startswith=self.parent.path, depth=self.parent.depth + 1)

    def _new_page(self, data):
        slug = unique_slug(data, self.used_slugs)
        page = Les(
            slug=slug,
            external_id=data["id"],
            path=Page._get_path(self.parent.path, self.parent.depth + 1, self.next_position),
            depth=self.parent.depth + 1,
            numchild=0,
            url_path=f"{self.parent.url_path}{slug}/",
            locale_id=self.parent.locale_id,
            content_type=self.content_type,
        )
        self.next_position += 1
        return page

    def _fill(self, page, data):
        page.title = page.draft_title = data["title"]
        page.summary = data["summary"]
        for name in TEXT_FIELDS:
            setattr(page, name, as_rich_text(data[name]))
        page.date = data["date"]
        page.regio = self.vocab.regio.get(data["region"])
        page.kennisbronnen = data["knowledge_sources"]
        page.synthetic = data["synthetic"]
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or self.now
        page.last_published_at = self.now

    def _insert(self, pages):
        if not pages:
            return
        page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        rows = [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in pages]
        Page.objects.bulk_create(rows)  # returns the new ids on SQLite and PostgreSQL
        for page, row in zip(pages, rows, strict=True):
            page.page_ptr_id = page.pk = row.pk
            page._state.adding = False
        fields = Les._meta.local_concrete_fields
        size = connection.ops.bulk_batch_size(fields, pages) or len(pages)
        for start in range(0, len(pages), size):
            # The child-table insert that Model.save() does for multi-table inheritance.
            Les._base_manager._insert(pages[start : start + size], fields=fields)
        PageLogEntry.objects.bulk_create(
            PageLogEntry(
                content_type=self.content_type,
                page_id=page.pk,
                label=page.draft_title,
                action="wagtail.create",
                timestamp=self.now,
                data={},
                content_changed=True,
                uuid=get_active_log_context().uuid,
            )
            for page in pages
        )

    def _clear(self, ids):
        """Remove the rows that ``_relations`` and ``_search_rows`` write anew."""
        for name in RELATIONS.values():
            field = Les._meta.get_field(name)
            lookup = {f"{field.m2m_field_name()}_id__in": ids}
            field.remote_field.through.objects.filter(**lookup).delete()
        LesTag.objects.filter(content_object_id__in=ids).delete()
        FacetValue.objects.filter(page_id__in=ids).delete()
        SearchEntry.objects.filter(page_id__in=ids).delete()

    def _relations(self, batch):
        for key, name in RELATIONS.items():
            field = Les._meta.get_field(name)
            through = field.remote_field.through
            source = field.m2m_field_name() + "_id"
            target = field.m2m_reverse_field_name() + "_id"
            objects = getattr(self.vocab, name)
            through.objects.bulk_create(
                through(**{source: page.pk, target: objects[slug].pk})
                for page, data in batch
                for slug in data[key]
            )
        tags = self.tags.resolve(name for _page, data in batch for name in data["tags"])
        LesTag.objects.bulk_create(
            LesTag(content_object_id=page.pk, tag=tag)
            for page, data in batch
            for tag in _unique_tags(tags, data["tags"])
        )

    def _search_rows(self, batch):
        SearchEntry.objects.bulk_create(
            SearchEntry(page_id=page.pk, kind=Les.search_kind, date=data["date"])
            for page, data in batch
        )
        rows = []
        for page, data in batch:
            domains = {d.pk: d for s in data["life_domains"] for d in self.equivalents[s]}
            values = indexing.facet_rows_from(
                domains=domains.values(),
                doelgroepen=[self.vocab.doelgroepen[s] for s in data["target_groups"]],
                sectoren=[self.vocab.sectoren[s] for s in data["sectors"]],
                regio=page.regio,
                kennisbronnen=data["knowledge_sources"],
                tags=_unique_tags(self.tags.by_name, data["tags"]),
                date=data["date"],
            )
            rows += [indexing.facet_value(page.pk, *value) for value in values]
        FacetValue.objects.bulk_create(rows)

    def _indexes(self, ids, new_ids):
        """Full-text index and reference index, from freshly read pages (tags included)."""
        # Prefetch what the indexers read per page: the tags and every child relation.
        children = [rel.get_accessor_name() for rel in get_all_child_relations(Les)]
        pages = list(Les.objects.filter(pk__in=ids).prefetch_related("tags", *children))
        bulk_index.add_bulk(Les, pages)
        if not ReferenceIndex.is_indexed(Les):
            return
        base = ContentType.objects.get_for_model(Page)
        existing = [str(pk) for pk in ids if pk not in set(new_ids)]
        if existing:
            ReferenceIndex.objects.filter(base_content_type=base, object_id__in=existing).delete()
        ReferenceIndex.objects.bulk_create(
            ReferenceIndex(
                content_type=self.content_type,
                base_content_type=base,
                object_id=page.pk,
                to_content_type_id=to_ct,
                to_object_id=to_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for page in pages
            for to_ct, to_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(page)
            )
        )


class TagResolver:
    """Theme names -> taggit tags, matched case-insensitively as taggit is configured
    (TAGGIT_CASE_INSENSITIVE); missing tags are created one by one so taggit picks a
    unique slug. There are few distinct themes, so this stays cheap."""

    def __init__(self):
        self.by_name = {}

    def resolve(self, names):
        wanted = {name.lower(): name for name in names if name.lower() not in self.by_name}
        if wanted:
            found = Tag.objects.annotate(lname=Lower("name")).filter(lname__in=list(wanted))
            for tag in found:
                self.by_name[tag.lname] = tag
            for lname, name in wanted.items():
                if lname not in self.by_name:
                    self.by_name[lname] = Tag.objects.create(name=name)
        return self.by_name


def _unique_tags(by_name, names):
    return list({by_name[name.lower()].pk: by_name[name.lower()] for name in names}.values())


def _domain_equivalents():
    """slug -> that life domain plus its counterparts in the other scheme."""
    domains = {d.pk: d for d in Levensgebied.objects.all()}
    result = {d.slug: [d] for d in domains.values()}
    pairs = Levensgebied.equivalents.through.objects.values_list(
        "from_levensgebied_id", "to_levensgebied_id"
    )
    for source, target in pairs:
        result[domains[source].slug].append(domains[target])
    return result
