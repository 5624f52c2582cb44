"""learning.sql_insert: plain-tuple INSERTs store exactly what bulk_create stores."""

import datetime
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, ReferenceIndex

from learning import sql_insert
from learning.models import FacetValue, Les, SearchEntry

pytestmark = pytest.mark.django_db


def stored(model, ids):
    return [
        {k: v for k, v in row.items() if k != "id"}
        for row in model.objects.filter(pk__in=ids).order_by("pk").values()
    ]


def test_rows_equal_bulk_create_for_json_uuid_and_datetime_columns(kennisbank):
    now = timezone.now()
    ct = ContentType.objects.get_for_model(Les)
    entries = [
        PageLogEntry(
            content_type=ct,
            page_id=kennisbank.pk,
            label=f"Les {i}",
            action="wagtail.create",
            timestamp=now - datetime.timedelta(minutes=i),
            data={"nummer": i, "tekst": "coördinatie"},
            content_changed=bool(i % 2),
            uuid=uuid.uuid4(),
        )
        for i in range(3)
    ]
    expected_ids = [e.pk for e in PageLogEntry.objects.bulk_create(entries)]
    fields = [f for f in PageLogEntry._meta.concrete_fields if not f.primary_key]
    ids = sql_insert.insert(
        PageLogEntry,
        [f.name for f in fields],
        [tuple(getattr(e, f.attname) for f in fields) for e in entries],
        returning="id",
    )
    assert stored(PageLogEntry, ids) == stored(PageLogEntry, expected_ids)


def test_returning_gives_the_ids_in_the_order_of_the_rows(kennisbank):
    rows = [(kennisbank.pk, "thema", f"waarde-{i}", f"Waarde {i}") for i in range(5)]
    ids = sql_insert.insert(FacetValue, ["page", "facet", "value", "label"], rows, "id")
    assert [FacetValue.objects.get(pk=pk).value for pk in ids] == [f"waarde-{i}" for i in range(5)]


def test_large_inserts_are_split_below_the_parameter_limit(kennisbank):
    # Several statements on SQLite (999 parameters each); on PostgreSQL one COPY
    # after taking the new ids from the sequence.
    n = 3 * ((connection.features.max_query_params or 999) // 4) + 7
    rows = [(kennisbank.pk, "thema", f"w{i}", f"W{i}") for i in range(n)]
    with CaptureQueriesContext(connection) as ctx:
        ids = sql_insert.insert(FacetValue, ["page", "facet", "value", "label"], rows, "id")
    assert len(ids) == len(set(ids)) == n
    assert FacetValue.objects.filter(pk__in=ids).count() == n
    if connection.vendor == "sqlite":
        assert len(ctx.captured_queries) == 4  # 249 rows of 4 values per statement
    else:
        assert [q["sql"].split()[0] for q in ctx.captured_queries] == ["SELECT", "COPY"]


def test_later_rows_get_fresh_ids(kennisbank):
    ids = sql_insert.insert(
        FacetValue, ["page", "facet", "value", "label"], [(kennisbank.pk, "thema", "a", "A")], "id"
    )
    later = FacetValue.objects.create(page_id=kennisbank.pk, facet="thema", value="b", label="B")
    assert later.pk > ids[0]


def test_returning_only_the_automatic_primary_key(kennisbank):
    with pytest.raises(ValueError, match="automatic primary key"):
        sql_insert.insert(
            FacetValue,
            ["page", "facet", "value", "label"],
            [(kennisbank.pk, "thema", "a", "A")],
            "page",
        )
    assert not FacetValue.objects.filter(value="a").exists()


def test_dates_are_stored_as_dates(kennisbank):
    page = Page.objects.get(pk=kennisbank.pk)
    SearchEntry.objects.filter(page=page).delete()
    sql_insert.insert(
        SearchEntry, ["page", "kind", "date"], [(page.pk, "les", datetime.date(2020, 2, 29))]
    )
    assert SearchEntry.objects.get(page=page).date == datetime.date(2020, 2, 29)
    assert SearchEntry.objects.filter(date__year=2020).count() == 1


def test_uuid_column_is_prepared(kennisbank):
    ct = ContentType.objects.get_for_model(Page)
    path = "regio"
    sql_insert.insert(
        ReferenceIndex,
        [
            *["content_type", "base_content_type", "object_id", "to_content_type"],
            *["to_object_id", "model_path", "content_path", "content_path_hash"],
        ],
        [(ct.pk, ct.pk, str(kennisbank.pk), ct.pk, "1", path, path,
          ReferenceIndex._get_content_path_hash(path))],
    )  # fmt: skip
    row = ReferenceIndex.objects.get(object_id=str(kennisbank.pk))
    assert row.content_path_hash == ReferenceIndex._get_content_path_hash(path)


def test_nothing_to_insert_runs_no_query():
    with CaptureQueriesContext(connection) as ctx:
        assert sql_insert.insert(FacetValue, ["page", "facet", "value", "label"], []) == []
    assert not ctx.captured_queries


def test_only_fields_that_prepare_their_values_are_converted():
    les = {f.name: f for f in Les._meta.local_concrete_fields}
    assert sql_insert._converter(les["summary"]) is None
    assert sql_insert._converter(les["context"]) is None  # RichTextField prepares as text
    assert sql_insert._converter(les["regio"]) is None  # a foreign key to an integer id
    assert sql_insert._converter(les["kennisbronnen"]) is not None  # a list, stored as text
    assert sql_insert._converter(les["date"]) is not None


def _les_values(les):
    fields = ["title", "live", "last_published_at", "summary", "context", "date"]
    fields += ["regio_id", "kennisbronnen", "synthetic"]
    page = Les.objects.get(pk=les.pk)
    return [getattr(page, name) for name in fields]


@pytest.mark.parametrize("regio", [True, False])
def test_update_stores_what_bulk_update_stores(kennisbank, regio):
    from learning.factories import add_les, make_region

    by_orm, by_tuples = add_les(kennisbank, "Eerste les"), add_les(kennisbank, "Tweede les")
    values = {
        "title": "Nieuwe titel",
        "live": False,
        "last_published_at": timezone.now() - datetime.timedelta(days=3),
        "summary": "Coördinatie met de corporatie.",
        "context": "<p>Na de jeugdhulp &amp; daarna.</p>",
        "date": datetime.date(2020, 2, 29),
        "regio": make_region("Venlo") if regio else None,
        "kennisbronnen": ["ervaringskennis", "professionele_kennis"],
        "synthetic": True,
    }
    for name, value in values.items():
        setattr(by_orm, name, value)
    Les.objects.bulk_update([by_orm], list(values))
    # As with insert, the rows hold the values as stored: a foreign key's id.
    values["regio"] = values["regio"].pk if regio else None
    page_fields = ["title", "live", "last_published_at"]
    les_fields = [name for name in values if name not in page_fields]
    with CaptureQueriesContext(connection) as ctx:
        sql_insert.update(Page, page_fields, [(by_tuples.pk, *(values[n] for n in page_fields))])
        sql_insert.update(Les, les_fields, [(by_tuples.pk, *(values[n] for n in les_fields))])
    assert len(ctx.captured_queries) == 2  # one statement per table
    assert _les_values(by_tuples) == _les_values(by_orm)


def test_update_writes_only_the_models_own_table(kennisbank):
    from learning.factories import add_les

    les = add_les(kennisbank, "Eerste les")
    with pytest.raises(ValueError, match="own table"):
        sql_insert.update(Les, ["summary", "title"], [(les.pk, "Andere samenvatting", "Anders")])
    assert Les.objects.get(pk=les.pk).summary != "Andere samenvatting"


def test_delete_removes_the_rows_with_those_values_only(kennisbank):
    from learning.factories import add_les

    keep, drop = add_les(kennisbank, "Blijft"), add_les(kennisbank, "Gaat weg")
    rows = [(page.pk, "thema", f"w{i}", f"W{i}") for page in (keep, drop) for i in range(3)]
    sql_insert.insert(FacetValue, ["page", "facet", "value", "label"], rows)
    # More values than SQLite takes in one statement: split there, one on PostgreSQL.
    many = [drop.pk, *range(10**6, 10**6 + (connection.features.max_query_params or 999))]
    sql_insert.delete(FacetValue, "page", many)
    assert not FacetValue.objects.filter(page=drop).exists()
    assert FacetValue.objects.filter(page=keep, facet="thema").count() == 3
    sql_insert.delete(FacetValue, "page", [])  # nothing to do, no query
