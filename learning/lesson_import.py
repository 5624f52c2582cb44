"""Write validated lesson records to the database in bulk (manage.py import_lessons).

Saving one page at a time through Wagtail costs some 60 queries per lesson (tree
insert, full clean, search index, reference index, audit log, facet rows), which
made 20,000 lessons take over an hour. Here every table is written in batches:

* new pages get their treebeard paths computed in Python, after the parent's last
  child (the parent row is locked, so two imports cannot hand out the same path);
* rows are written as plain tuples with multi-row INSERTs (sql_insert.py): the
  ``Page`` rows first, their new ids come back, then the ``Les`` child rows with
  the same ids (``bulk_create`` refuses multi-table inheritance, and building
  model instances for every facet, tag and reference row cost more than storing
  them);
* updates are written per table as plain tuples too; relations, tags, facet rows,
  the reference index and the "created" audit-log entries are rewritten per batch,
  the full-text index once at the end, when its title norms are known
  (search/bulk_index.py);
* the search and reference indexes read the pages as they are in memory, with
  their themes attached, instead of reading each batch back.

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

from . import sql_insert
from .import_rich_text import as_rich_text
from .lessons_io import RECORD_FIELDS, TEXT_FIELDS, unique_slug
from .models import (
    FacetValue,
    Les,
    LesTag,
    SearchDocument,
    SearchEntry,
    SearchWord,
    TermPostings,
)
from .search import bulk_index, indexing, postings
from .search.documents import Document

BATCH_SIZE = 500
FEATURES = {name: Les._meta.get_field(name).features for name in TEXT_FIELDS}
RELATIONS = {  # record key -> (many-to-many field, vocabulary attribute)
    "life_domains": "levensgebieden",
    "target_groups": "doelgroepen",
    "sectors": "sectoren",
}
# Fields that an update rewrites, in wagtailcore_page and learning_les.
UPDATED_FIELDS = [
    *["title", "draft_title", "live", "has_unpublished_changes"],
    *["first_published_at", "last_published_at", "summary", *TEXT_FIELDS],
    *["date", "regio", "kennisbronnen", "synthetic"],
    *RECORD_FIELDS,
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
        self.search_index = bulk_index.BulkIndex(Les)
        self.fulltext = postings.IndexWriter()
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
        changed_ids = [page.pk for page, _data in changed]
        if changed:
            self._update([page for page, _data in changed])
            self._clear(changed_ids)
        batch = new + changed
        pages = [page for page, _data in batch]
        self._relations(batch)
        self._attach_children(pages, changed_ids)
        self._search_rows(batch)
        self._indexes(pages, changed_ids)
        self.created += len(new)
        self.updated += len(changed)

    def finish(self):
        Page.objects.filter(pk=self.parent.pk).update(numchild=self._children().count())
        self.search_index.finish()
        self.fulltext.write()

    @staticmethod
    def analyze():
        """Tidy up after a bulk load (after commit). PostgreSQL: refresh the planner
        statistics, without which the planner would see the tables as they were
        before the import and choose plans that take seconds instead of milliseconds,
        and vacuum: a re-import updates every index row and page row it touches and
        leaves the old versions behind, and until autovacuum cleared them a search
        for a common word visited twice the heap pages (24 instead of 13 ms for
        *wonen*, when modelsearch's title-norm UPDATE still did the same on every
        import). VACUUM cannot run inside a transaction; there only ANALYZE runs.
        SQLite: merge the FTS5 index's segments, which a bulk insert leaves several
        of, into one (half a second at 20,000 lessons)."""
        if connection.vendor == "sqlite":
            fts = f"{IndexEntry._meta.db_table}_fts"  # Wagtail's FTS5 table
            with connection.cursor() as cursor:
                cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")  # noqa: S608
            return
        if connection.vendor != "postgresql":
            return
        tables = [Page, Les, FacetValue, SearchEntry, LesTag, IndexEntry]
        tables += [SearchDocument, TermPostings, SearchWord]
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            for model in tables:
                cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")

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
            setattr(page, name, as_rich_text(data[name], FEATURES[name]))
        page.date = data["date"]
        page.regio = self.vocab.regio.get(data["region"])
        page.kennisbronnen = data["knowledge_sources"]
        page.synthetic = data["synthetic"]
        for name in RECORD_FIELDS:
            setattr(page, name, data[name])
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or self.now
        page.last_published_at = self.now

    def _insert(self, pages):
        if not pages:
            return
        page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        ids = sql_insert.insert(
            Page,
            [f.name for f in page_fields],
            [tuple(getattr(p, f.attname) for f in page_fields) for p in pages],
            returning="id",
        )
        for page, pk in zip(pages, ids, strict=True):
            page.page_ptr_id = page.pk = pk
            page._state.adding = False
        les_fields = Les._meta.local_concrete_fields  # the child table, page_ptr first
        sql_insert.insert(
            Les,
            [f.name for f in les_fields],
            [tuple(getattr(p, f.attname) for f in les_fields) for p in pages],
        )
        template = PageLogEntry(
            content_type=self.content_type,
            action="wagtail.create",
            timestamp=self.now,
            data={},
            content_changed=True,
            uuid=get_active_log_context().uuid,
        )
        # Every other column as the template has it (its defaults included).
        fields = [f for f in PageLogEntry._meta.concrete_fields if not f.primary_key]
        rest = [f.attname for f in fields if f.attname not in ("page_id", "label")]
        sql_insert.insert(
            PageLogEntry,
            ["page", "label", *rest],
            [(p.pk, p.draft_title, *(getattr(template, name) for name in rest)) for p in pages],
        )

    def _update(self, pages):
        """Write ``UPDATED_FIELDS`` of existing pages, per table (Page, then Les)."""
        for model in (Page, Les):
            names = [n for n in UPDATED_FIELDS if Les._meta.get_field(n).model is model]
            attnames = [Les._meta.get_field(n).attname for n in names]
            sql_insert.update(
                model,
                names,
                [(page.pk, *(getattr(page, name) for name in attnames)) for page in pages],
            )

    def _clear(self, ids):
        """Remove the rows that ``_relations`` and ``_search_rows`` write anew."""
        for name in RELATIONS.values():
            field = Les._meta.get_field(name)
            sql_insert.delete(field.remote_field.through, field.m2m_field_name(), ids)
        # Nothing refers to these rows; the reference index entries of the themes
        # (``tagged_items``) are rewritten with the page's in ``_indexes``.
        sql_insert.delete(LesTag, "content_object", ids)
        sql_insert.delete(FacetValue, "page", ids)
        sql_insert.delete(SearchEntry, "page", ids)

    def _relations(self, batch):
        for key, name in RELATIONS.items():
            field = Les._meta.get_field(name)
            through = field.remote_field.through
            objects = getattr(self.vocab, name)
            sql_insert.insert(
                through,
                [field.m2m_field_name(), field.m2m_reverse_field_name()],
                [(page.pk, objects[slug].pk) for page, data in batch for slug in data[key]],
            )
        by_name = self.tags.resolve(name for _page, data in batch for name in data["tags"])
        pairs = [(page, tag) for page, data in batch for tag in _unique_tags(by_name, data["tags"])]
        ids = sql_insert.insert(
            LesTag,
            ["content_object", "tag"],
            [(page.pk, tag.pk) for page, tag in pairs],
            returning="id",
        )
        # The themes as the indexers will read them (page.tags, page.tagged_items),
        # without reading the batch back.
        tagged = {page.pk: [] for page, _data in batch}
        for (page, tag), pk in zip(pairs, ids, strict=True):
            tagged[page.pk].append(LesTag(pk=pk, tag=tag, content_object_id=page.pk))
        for page, _data in batch:
            page.tagged_items.set(tagged[page.pk])

    def _attach_children(self, pages, changed_ids):
        """The other child relations (e.g. admin comments), one query per relation
        for the pages that existed, so the reference index reads them from memory."""
        for relation in get_all_child_relations(Les):
            name = relation.get_accessor_name()
            if name == "tagged_items":
                continue
            column = relation.field.attname
            children = {pk: [] for pk in changed_ids}
            if changed_ids:
                lookup = {f"{column}__in": changed_ids}
                for child in relation.related_model.objects.filter(**lookup):
                    children[getattr(child, column)].append(child)
            for page in pages:
                getattr(page, name).set(children.get(page.pk, []))

    def _search_rows(self, batch):
        sql_insert.insert(
            SearchEntry,
            ["page", "kind", "date"],
            [(page.pk, Les.search_kind, data["date"]) for page, data in batch],
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
            rows += [indexing.facet_value_row(page.pk, *value) for value in values]
            labels = " ; ".join(label for facet, _v, label in values if facet != "jaar")
            document = Document(page.title, page.get_listing_summary(), labels, page.search_text())
            self.fulltext.replace_analysed(page.pk, postings.analyse_document(document))
        sql_insert.insert(FacetValue, ["page", "facet", "value", "label"], rows)

    def _indexes(self, pages, changed_ids):
        """Full-text index (written in ``finish``) and reference index of the pages as
        they are in memory (``_relations`` attached their themes)."""
        self.search_index.add(pages)
        if not ReferenceIndex.is_indexed(Les):
            return
        base = ContentType.objects.get_for_model(Page)
        if changed_ids:
            ReferenceIndex.objects.filter(
                base_content_type=base, object_id__in=[str(pk) for pk in changed_ids]
            ).delete()
        fields = [
            *["content_type", "base_content_type", "object_id", "to_content_type"],
            *["to_object_id", "model_path", "content_path", "content_path_hash"],
        ]
        sql_insert.insert(
            ReferenceIndex,
            fields,
            [
                (
                    *(self.content_type.pk, base.pk, str(page.pk), to_ct, str(to_id)),
                    *(model_path, content_path),
                    ReferenceIndex._get_content_path_hash(content_path),
                )
                for page in pages
                for to_ct, to_id, model_path, content_path in set(
                    ReferenceIndex._extract_references_from_object(page)
                )
            ],
        )


class TagResolver:
    """Theme names -> taggit tags, matched case-insensitively as taggit is configured
    (TAGGIT_CASE_INSENSITIVE); missing tags are created one by one so taggit picks a
    unique slug, and kept in ``created`` for the import's report. There are few
    distinct themes, so this stays cheap."""

    def __init__(self):
        self.by_name = {}
        self.created = []

    def resolve(self, names):
        wanted = {name.lower(): name for name in names if name.lower() not in self.by_name}
        if wanted:
            found = Tag.objects.annotate(lname=Lower("name")).filter(lname__in=list(wanted))
            for tag in found:
                self.by_name[tag.lname] = tag
            for lname, name in wanted.items():
                if lname not in self.by_name:
                    self.by_name[lname] = Tag.objects.create(name=name)
                    self.created.append(self.by_name[lname])
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
