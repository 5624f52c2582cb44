"""The bulk path of import_lessons: creates vs updates, relations, search rows, index
entries equal to the normal publishing path, and all-or-nothing on failure."""

import json

import pytest
from django.core.management import call_command
from modelsearch import index as search_index
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.search.models import IndexEntry

from learning import lesson_import
from learning.factories import make_doelgroep, make_region
from learning.models import FacetValue, Les, SearchEntry
from learning.search import SearchRequest, indexing, search

pytestmark = pytest.mark.django_db


def line(i, **overrides):
    data = {
        "id": f"les-{i}",
        "title": f"Steuncirkel {i}",
        "summary": "Familie en buren namen taken over.",
        "context": "Na de jeugdhulp viel de steun weg.",
        "approach": "Een steuncirkel met taken.",
        "life_domains": ["relaties", "werk"],
        "target_groups": [],
        "sectors": ["welzijn", "onderwijs"],
        "region": "venlo",
        "knowledge_sources": ["ervaringskennis"],
        "tags": ["netwerk", "Familie"],
        "date": "2021-01-19",
    }
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False)


@pytest.fixture
def importer(kennisbank, tmp_path, monkeypatch):
    make_region("Venlo")
    monkeypatch.setattr(lesson_import, "BATCH_SIZE", 2)  # exercise several batches

    def run(*lines):
        from io import StringIO

        path = tmp_path / "lessen.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out = StringIO()
        call_command("import_lessons", str(path), stdout=out, stderr=StringIO())
        return out.getvalue()

    return run


def test_creates_then_updates_without_duplicates(importer, kennisbank):
    assert "5 lessen aangemaakt, 0 bijgewerkt" in importer(*[line(i) for i in range(5)])
    out = importer(line(1, title="Nieuwe titel", tags=["geld"]), line(9), line(3))
    assert "1 lessen aangemaakt, 2 bijgewerkt" in out
    assert Les.objects.count() == 6
    les = Les.objects.get(external_id="les-1")
    assert les.title == les.draft_title == "Nieuwe titel"
    assert [t.name for t in les.tags.all()] == ["geld"]
    assert set(
        FacetValue.objects.filter(page=les, facet="thema").values_list("value", flat=True)
    ) == {"geld"}
    assert SearchEntry.objects.filter(page=les).count() == 1


def test_page_tree_stays_valid(importer, kennisbank):
    importer(*[line(i, title="Zelfde titel") for i in range(5)])
    importer(line(7, title="Zelfde titel"))
    assert all(not problems for problems in Page.find_problems())
    kennisbank.refresh_from_db()
    assert kennisbank.numchild == 6
    children = list(kennisbank.get_children().specific())
    assert len({p.slug for p in children}) == 6
    for page in children:
        assert page.url_path == f"{kennisbank.url_path}{page.slug}/"
        assert page.live and page.first_published_at and page.locale_id == kennisbank.locale_id


def test_relations_tags_and_facets_match_the_publish_path(importer):
    make_doelgroep("Dak en thuisloze jongeren")
    importer(
        line(1), line(2, region="", tags=["familie"], target_groups=["dak-en-thuisloze-jongeren"])
    )
    for les in Les.objects.all():
        stored = set(FacetValue.objects.filter(page=les).values_list("facet", "value", "label"))
        assert stored == set(indexing.facet_rows(les))
    les = Les.objects.get(external_id="les-1")
    assert {d.slug for d in les.levensgebieden.all()} == {"relaties", "werk"}
    assert {s.slug for s in les.sectoren.all()} == {"welzijn", "onderwijs"}
    assert les.regio.slug == "venlo"
    # Themes match case-insensitively (TAGGIT_CASE_INSENSITIVE): one tag "familie".
    assert Tag.objects.filter(name__iexact="familie").count() == 1


def test_search_finds_imported_lessons(importer):
    importer(*[line(i) for i in range(3)], line(3, title="Woning gevonden", summary="Een woning."))
    response = search(SearchRequest(q="wonen"))
    assert [hit.title for hit in response.hits] == ["Woning gevonden"]
    assert search(SearchRequest(q="steuncirkel", filters={"thema": ["netwerk"]})).total == 4
    assert [p.title for p in Les.objects.live().search("woning")] == ["Woning gevonden"]


def test_index_entries_equal_the_normal_indexing_path(importer):
    importer(line(1), line(2, title="Coördinatie met de corporatie"))
    bulk = {
        e.object_id: (str(e.title), str(e.body), str(e.autocomplete))
        for e in IndexEntry.objects.all()
    }
    for les in Les.objects.all():
        search_index.insert_or_update_object(les)
    normal = {
        e.object_id: (str(e.title), str(e.body), str(e.autocomplete))
        for e in IndexEntry.objects.all()
    }
    assert bulk == normal


def test_audit_log_and_reference_index(importer):
    importer(line(1))
    les = Les.objects.get()
    assert PageLogEntry.objects.filter(page=les, action="wagtail.create").count() == 1
    refs = ReferenceIndex.get_references_for_object(les)
    assert refs.filter(model_path="regio").exists()
    importer(line(1, region=""))
    assert not ReferenceIndex.get_references_for_object(les).filter(model_path="regio").exists()
    assert PageLogEntry.objects.filter(page=les, action="wagtail.create").count() == 1


def test_reference_index_equals_the_normal_indexing_path(importer):
    importer(line(1), line(2, region=""), line(3, tags=[]))
    fields = ["object_id", "to_content_type_id", "to_object_id", "model_path", "content_path"]

    def rows():
        return sorted(ReferenceIndex.objects.values_list(*fields))

    bulk = rows()
    assert any(path.startswith("tagged_items.") for *_rest, path in bulk)
    for les in Les.objects.all():
        ReferenceIndex.create_or_update_for_object(les)
    assert rows() == bulk


def test_reimport_keeps_one_index_row_per_lesson_with_its_title_norm(importer):
    # Titles of unequal length: with equal ones the mean length is each title's, and
    # its norm a legitimate 1.0.
    importer(line(1), line(2, title="Steuncirkel met de buren"))
    importer(line(1, title="Een veel langere titel voor deze steuncirkel"))
    entries = IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in Les.objects.all()])
    assert entries.count() == 2
    assert all(entry.title_norm != 1.0 for entry in entries)
    assert [p.title for p in Les.objects.search("langere")] == [
        "Een veel langere titel voor deze steuncirkel"
    ]


def test_title_norms_equal_modelsearchs_refresh(importer):
    """The norms are written with the rows; modelsearch writes 1.0 and then sets
    lavg / length on the rows that have 1.0 (lavg: the mean title length of the
    whole index, here including a re-imported lesson's new title)."""
    from wagtail.search.backends import get_search_backend

    importer(line(1), line(2, title="Een veel langere titel over wonen en werk"), line(3))
    importer(line(2, title="Kort"), line(4, title="Coördinatie van zorg en onderwijs"))
    latest = IndexEntry.objects.filter(
        object_id__in=[
            str(les.pk) for les in Les.objects.filter(external_id__in=["les-2", "les-4"])
        ]
    )
    bulk = dict(latest.values_list("object_id", "title_norm"))
    assert len(bulk) == 2 and 1.0 not in bulk.values()
    latest.update(title_norm=1.0)
    get_search_backend().get_index_for_model(Les)._refresh_title_norms()
    assert dict(latest.values_list("object_id", "title_norm")) == bulk


def test_tidying_after_the_import_keeps_the_index_sound(importer):
    from django.db import connection

    importer(*[line(i) for i in range(5)])
    lesson_import.LessonWriter.analyze()  # runs after commit in a real import
    if connection.vendor == "sqlite":
        fts = f"{IndexEntry._meta.db_table}_fts"
        with connection.cursor() as cursor:  # raises when the FTS5 index is corrupt
            cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")  # noqa: S608
    assert len(Les.objects.search("steuncirkel")) == 5


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_commit_the_import_vacuums_and_analyses(kennisbank):
    """A real commit runs the tidying on_commit: on PostgreSQL VACUUM (ANALYZE),
    which cannot run inside a transaction; on SQLite the FTS5 merge."""
    from django.db import connection

    from learning import lessons_io

    make_region("Venlo")
    records, errors, vocab = lessons_io.validate([line(i) for i in range(3)])
    assert not errors
    lessons_io.import_records(records, vocab, kennisbank)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL"
                " FROM pg_stat_user_tables WHERE relname = %s",
                [IndexEntry._meta.db_table],
            )
            assert cursor.fetchone() == (True, True)
    else:
        fts = f"{IndexEntry._meta.db_table}_fts"
        with connection.cursor() as cursor:  # raises when the FTS5 index is corrupt
            cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")  # noqa: S608
    assert len(Les.objects.search("steuncirkel")) == 3


def test_failure_in_a_later_batch_imports_nothing(importer, kennisbank, monkeypatch):
    pages_before = Page.objects.count()
    entries_before = IndexEntry.objects.count()
    original = lesson_import.LessonWriter._search_rows
    calls = []

    def fail_second_batch(self, batch):
        calls.append(batch)
        if len(calls) == 2:
            raise RuntimeError("schijf vol")
        original(self, batch)

    monkeypatch.setattr(lesson_import.LessonWriter, "_search_rows", fail_second_batch)
    with pytest.raises(RuntimeError):
        importer(*[line(i, tags=[f"nieuw-{i}"]) for i in range(5)])
    assert Page.objects.count() == pages_before
    assert IndexEntry.objects.count() == entries_before
    assert not Les.objects.exists() and not FacetValue.objects.exists()
    assert not Tag.objects.filter(name__startswith="nieuw-").exists()
    kennisbank.refresh_from_db()
    assert kennisbank.numchild == 0
