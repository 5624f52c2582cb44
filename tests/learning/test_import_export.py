"""import_lessons / export_lessons / reindex: validation, atomicity, idempotence, round trip."""

import json

import pytest
from django.core.management import CommandError, call_command

from learning.models import FacetValue, Les
from learning.search import SearchRequest, search

pytestmark = pytest.mark.django_db


def line(**overrides):
    data = {
        "id": "les-1",
        "title": "Werken met een steuncirkel",
        "summary": "Familie en buren namen taken over.",
        "context": "Na de jeugdhulp viel de steun weg.",
        "approach": "Een steuncirkel met taken.",
        "worked": "De jongere stond er niet alleen voor.",
        "did_not_work": "Niet iedereen had een netwerk.",
        "tips": "Zoek ook verre familie.",
        "life_domains": ["relaties"],
        "target_groups": [],
        "sectors": ["welzijn"],
        "region": "",
        "knowledge_sources": ["ervaringskennis"],
        "tags": ["netwerk"],
        "date": "2021-01-19",
    }
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False)


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_creates_published_searchable_lessons(kennisbank, jsonl):
    out, _ = run("import_lessons", jsonl(line(), line(id="les-2", title="Tweede les")))
    assert "2 lessen aangemaakt, 0 bijgewerkt" in out
    les = Les.objects.get(external_id="les-1")
    assert les.live and les.get_parent().specific == kennisbank
    assert "<p>Na de jeugdhulp viel de steun weg.</p>" == les.context
    assert [t.name for t in les.tags.all()] == ["netwerk"]
    response = search(SearchRequest(q="steuncirkel", filters={"levensgebied": ["big5-steun"]}))
    assert response.hits[0].title == "Werken met een steuncirkel"
    assert response.total == 2  # both lines mention the steuncirkel


def test_reimport_updates_instead_of_duplicating(kennisbank, jsonl):
    run("import_lessons", jsonl(line()))
    out, _ = run("import_lessons", jsonl(line(title="Nieuwe titel", tags=["familie"])))
    assert "0 lessen aangemaakt, 1 bijgewerkt" in out
    les = Les.objects.get()
    assert les.title == "Nieuwe titel"
    assert set(FacetValue.objects.filter(facet="thema").values_list("value", flat=True)) == {
        "familie"
    }


BAD_LINES = [
    ("{niet json", "geen geldige JSON"),
    ("[1, 2]", "één JSON-object"),
    (line(id=""), "‘id’ ontbreekt"),
    (line(title=None), "‘title’ ontbreekt"),
    (line(summary=5), "‘summary’ moet tekst zijn"),
    (line(life_domains=["maan"]), "onbekend levensgebied ‘maan’; bedoelt u:"),
    (line(target_groups="jongeren"), "moet een lijst"),
    (line(sectors=["bakkerij"]), "onbekende sector ‘bakkerij’; bedoelt u:"),
    (line(region="atlantis"), "onbekende regio ‘atlantis’"),
    (line(knowledge_sources=["intuïtie"]), "onbekende kennisbron ‘intuïtie’; bedoelt u:"),
    (line(date="22-11-2018"), "ongeldige datum"),
    (line(date=None), "‘date’ ontbreekt"),
    (line(kleur="rood"), "onbekend veld: kleur"),
    (line(synthetic="ja"), "‘synthetic’ moet true of false zijn"),
    (line(title="x" * 256), "langer dan 255"),
]


@pytest.mark.parametrize("bad,reason", BAD_LINES)
def test_one_bad_line_imports_nothing_and_names_the_line(kennisbank, jsonl, bad, reason):
    from io import StringIO

    path = jsonl(line(), bad)
    err = StringIO()
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("import_lessons", path, stdout=StringIO(), stderr=err)
    (error,) = err.getvalue().splitlines()
    assert error.startswith("regel 2: ") and reason in error
    assert Les.objects.count() == 0


def test_errors_report_line_numbers(kennisbank, jsonl, capsys):
    from io import StringIO

    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_lessons",
            jsonl(line(), line(id="b", region="atlantis"), "", line(id="les-1")),
            stderr=err,
            stdout=StringIO(),
        )
    text = err.getvalue()
    assert "regel 2: onbekende regio ‘atlantis’; er zijn nog geen regio's" in text
    assert "regel 4: id ‘les-1’ staat ook al op regel 1" in text


def test_skip_invalid_imports_the_good_lines(kennisbank, jsonl):
    out, err = run("import_lessons", jsonl(line(), line(id="x", date="gisteren")), "--skip-invalid")
    assert "1 lessen aangemaakt" in out and "1 overgeslagen" in out
    assert "regel 2: ongeldige datum" in err
    assert Les.objects.count() == 1


def test_missing_file_and_missing_kennisbank(home, kennisbank, tmp_path):
    with pytest.raises(CommandError, match="Kan .* niet lezen"):
        run("import_lessons", str(tmp_path / "bestaat-niet.jsonl"))


def test_no_kennisbank_page(home, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(line())
    with pytest.raises(CommandError, match="Geen kennisbankpagina"):
        run("import_lessons", str(path))


def test_export_round_trip(kennisbank, jsonl, tmp_path):
    run("import_lessons", jsonl(line(), line(id="les-2", title="Tweede", tags=[])))
    target = tmp_path / "export.jsonl"
    run("export_lessons", str(target))
    exported = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    assert [e["id"] for e in exported] == ["les-1", "les-2"]
    first = exported[0]
    assert first["context"] == "Na de jeugdhulp viel de steun weg."
    assert first["life_domains"] == ["relaties"]
    assert first["knowledge_sources"] == ["ervaringskennis"]
    out, _ = run("import_lessons", str(target))
    assert "0 lessen aangemaakt, 2 bijgewerkt" in out


def test_reindex_rebuilds_facets(content):
    FacetValue.objects.all().delete()
    assert search(SearchRequest(filters={"thema": ["coaching"]})).total == 0
    out, _ = run("reindex")
    assert "5 kennisbankpagina's" in out and "opnieuw geïndexeerd" in out
    assert search(SearchRequest(filters={"thema": ["coaching"]})).total == 2
