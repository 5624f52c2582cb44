"""import_lessons on files as people write them: vocabulary by label, code or loose
spelling, suggestions for unknown values, --create-missing, and rich text that is
sanitised so that nothing in a file can run on the lesson page."""

import json
import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from learning import lesson_import, lessons_io
from learning.factories import add_les
from learning.import_rich_text import as_rich_text
from learning.import_vocabulary import UnknownValue, Vocabulary, normalise
from learning.models import FacetValue, Les
from leernetwerk.taxonomy import demo as taxonomy_demo
from leernetwerk.taxonomy.models import Doelgroep, Levensgebied, Regio

pytestmark = pytest.mark.django_db

FEATURES = ["bold", "italic", "link", "ol", "ul"]


@pytest.fixture
def vocabulary(home, kennisbank):
    """The demo doelgroepen and regions, plus a municipality whose name has diacritics."""
    taxonomy_demo.load(home, lambda message: None)
    Regio.objects.create(
        name="Súdwest-Fryslân", slug="sudwest-fryslan", kind="gemeente", cbs_code="GM1900"
    )
    return kennisbank


def line(i=1, **overrides):
    data = {
        "id": f"les-{i}",
        "title": f"Les {i} over de overgang naar volwassenheid",
        "summary": "Wat een regio leerde.",
        "context": "Na de jeugdhulp viel de steun weg.",
        "life_domains": ["wonen"],
        "target_groups": [],
        "sectors": ["welzijn"],
        "region": "",
        "knowledge_sources": ["ervaringskennis"],
        "tags": [],
        "date": "2022-03-01",
    }
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False)


def run(path, *args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_lessons", path, *args, stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


def slugs(manager):
    return sorted(item.slug for item in manager.all())


# --- Vocabulary ------------------------------------------------------------------


def test_a_realistic_file_resolves_labels_codes_case_underscores_and_diacritics(vocabulary, jsonl):
    path = jsonl(
        line(
            1,
            life_domains=["Wonen", "big5_steun", "VRIJE TIJD", " Scholing "],
            target_groups=[
                "Jongeren zonder startkwalificatie",
                "jongeren_zonder_startkwalificatie",  # the same one again
                "DAK- EN THUISLOZE JONGEREN",
            ],
            sectors=["Jeugdhulp en jeugdgezondheidszorg", "werk_inkomen", "ONDERWIJS"],
            region="GM0983",  # Venlo by its CBS code
            knowledge_sources=["Wetenschappelijke kennis", "wetenschappelijke-kennis"],
        ),
        line(
            2,
            life_domains=["Wonen (Big 5)", "Big 5 inkomen"],
            target_groups=["Alleenstaande minderjarige vreemdelingen (AMV)"],
            sectors=["2"],  # sector group number
            region="Arnhem",  # by name
            knowledge_sources=["Professionele_Kennis", "ERVARINGSKENNIS"],
        ),
        line(3, region="sudwest fryslan", sectors=["Werk en inkomen, RMC en leerplicht"]),
        line(4, region="Venlo (gemeente)", life_domains=["Zórg"]),
    )
    out, err, error = run(path)
    assert error is None, err
    assert "4 lessen aangemaakt" in out
    first, second, third, fourth = Les.objects.order_by("external_id")
    assert slugs(first.levensgebieden) == ["big5-steun", "scholing", "vrije-tijd", "wonen"]
    assert slugs(first.doelgroepen) == [
        "dak-en-thuisloze-jongeren",
        "jongeren-zonder-startkwalificatie",
    ]
    assert slugs(first.sectoren) == ["jeugdhulp", "onderwijs", "werk-inkomen"]
    assert first.regio.slug == "venlo"
    assert first.kennisbronnen == ["wetenschappelijke_kennis"]
    assert slugs(second.levensgebieden) == ["big5-inkomen", "big5-wonen"]
    assert slugs(second.doelgroepen) == ["alleenstaande-minderjarige-vreemdelingen-amv"]
    assert slugs(second.sectoren) == ["jeugdhulp"]
    assert second.regio.slug == "arnhem"
    assert second.kennisbronnen == ["professionele_kennis", "ervaringskennis"]
    assert third.regio.slug == "sudwest-fryslan"
    assert slugs(third.sectoren) == ["werk-inkomen"]
    assert fourth.regio.slug == "venlo"
    assert slugs(fourth.levensgebieden) == ["zorg"]
    # The facet rows carry the resolved values, so the filters find the lessons.
    assert FacetValue.objects.filter(facet="regio", value="venlo").count() == 2
    assert Doelgroep.objects.count() == len(taxonomy_demo.DOELGROEPEN)  # none made up


def test_normalise_folds_case_diacritics_and_separators():
    expected = "jongeren-zonder-startkwalificatie"
    for written in [
        "Jongeren zonder startkwalificatie",
        "jongeren_zonder_startkwalificatie",
        "JONGEREN-ZONDER-STARTKWALIFICATIE",
        "  Jongeren  zonder – startkwalificatie ",
        "Jóngeren zonder startkwalificatïe",
    ]:
        assert normalise(written) == expected
    assert normalise("Werk en inkomen, RMC en leerplicht") == "werk-en-inkomen-rmc-en-leerplicht"


def test_a_name_in_both_schemes_is_the_domain_of_the_eight_levensgebieden(vocabulary):
    vocab = Vocabulary.load()
    assert vocab.resolve("levensgebieden", "Wonen") == "wonen"
    assert vocab.resolve("levensgebieden", "INKOMEN") == "inkomen"
    for written in ["big5-wonen", "big5_wonen", "Wonen (Big 5)", "Big 5 Wonen"]:
        assert vocab.resolve("levensgebieden", written) == "big5-wonen"
    assert vocab.resolve("levensgebieden", "Steun en netwerk") == "big5-steun"


def test_the_scheme_decides_when_slugs_do_not(vocabulary):
    """Also when no slug equals the name, 'Wonen' is the eight-levensgebieden domain."""
    Levensgebied.objects.filter(slug="wonen").update(slug="wonen-en-huisvesting")
    vocab = Vocabulary.load()
    assert vocab.resolve("levensgebieden", "wonen") == "wonen-en-huisvesting"
    assert vocab.resolve("levensgebieden", "Wonen (Big 5)") == "big5-wonen"


def test_an_ambiguous_region_name_is_an_error_naming_both(vocabulary):
    Regio.objects.create(
        name="Utrecht", slug="gemeente-utrecht", kind="gemeente", cbs_code="GM0344"
    )
    Regio.objects.create(name="Utrecht", slug="provincie-utrecht", kind="provincie")
    vocab = Vocabulary.load()
    with pytest.raises(UnknownValue) as exc:
        vocab.resolve("regio", "utrecht")
    assert str(exc.value) == (
        "regio ‘utrecht’ is niet eenduidig; bedoelt u: ‘Utrecht (gemeente)’ of "
        "‘Utrecht (provincie)’?"
    )
    assert vocab.resolve("regio", "GM0344") == "gemeente-utrecht"
    assert vocab.resolve("regio", "Utrecht (provincie)") == "provincie-utrecht"


def test_an_unknown_sector_names_the_three_closest_and_imports_nothing(vocabulary, jsonl):
    out, err, error = run(jsonl(line(1), line(2, sectors=["jeugdzorg", "welzijn"])))
    assert error is not None and "niets geïmporteerd" in str(error)
    assert err.splitlines() == [
        "regel 2: onbekende sector ‘jeugdzorg’; bedoelt u: "
        "‘Jeugdhulp en jeugdgezondheidszorg’, ‘Werk en inkomen, RMC en leerplicht’ of "
        "‘Welzijn’?"
    ]
    assert not Les.objects.exists()


def test_every_unknown_value_of_a_line_is_reported_with_suggestions(vocabulary, jsonl):
    bad = line(
        2,
        life_domains=["woonen"],
        region="Venloo",
        knowledge_sources=["praktijkkennis"],
    )
    _out, err, error = run(jsonl(bad))
    assert error is not None
    (report,) = err.splitlines()
    problems = report.removeprefix("regel 1: ").split("; bedoelt u: ")
    assert problems[0] == "onbekend levensgebied ‘woonen’"
    assert report.count("bedoelt u:") == 3
    # Three names each (‘…’, ‘…’ of ‘…’), the closest first.
    for suggestions in re.findall(r"bedoelt u: (.*?)\?", report):
        assert len(re.findall(r"‘[^’]+’", suggestions)) == 3
    assert "bedoelt u: ‘Wonen’" in report
    assert "onbekende regio ‘Venloo’; bedoelt u: ‘Venlo (gemeente)’" in report
    assert (
        "onbekende kennisbron ‘praktijkkennis’; bedoelt u: ‘Wetenschappelijke kennis’, "
        "‘Ervaringskennis’ of ‘Professionele kennis’?" in report
    )


def test_resolving_costs_no_query_per_value(vocabulary):
    def queries(n):
        lines = [
            line(i, target_groups=["Jongeren zonder startkwalificatie"], region="GM0983")
            for i in range(n)
        ]
        with CaptureQueriesContext(connection) as captured:
            records, errors, _vocab = lessons_io.validate(lines)
        assert not errors and len(records) == n
        return len(captured)

    assert queries(3) == queries(60)


# --- Open vocabularies: --create-missing -------------------------------------------


def test_a_new_target_group_is_an_error_without_create_missing(vocabulary, jsonl):
    path = jsonl(line(1, target_groups=["Jongeren in de wijk"]))
    _out, err, error = run(path)
    assert error is not None
    assert err.startswith("regel 1: onbekende doelgroep ‘Jongeren in de wijk’; bedoelt u: ‘")
    assert "(een nieuwe doelgroep voegt u toe met --create-missing)" in err
    assert not Doelgroep.objects.filter(name__icontains="wijk").exists()
    assert not Les.objects.exists()


def test_create_missing_adds_new_target_groups_and_lists_them(vocabulary, jsonl):
    path = jsonl(
        line(1, target_groups=["Jongeren in de wijk", "Jongeren zonder startkwalificatie"]),
        line(2, target_groups=["jongeren_in_de_wijk", "Statushouders"], tags=["Buurtwerk"]),
    )
    out, err, error = run(path, "--create-missing")
    assert error is None, err
    assert "2 lessen aangemaakt" in out
    assert "Nieuwe doelgroepen (controleer ze in de CMS): Jongeren in de wijk, Statushouders" in out
    assert "Nieuwe thema's (controleer ze in de CMS): Buurtwerk" in out
    new = Doelgroep.objects.get(name="Jongeren in de wijk")  # one, for both spellings
    assert new.slug == "jongeren-in-de-wijk"
    first, second = Les.objects.order_by("external_id")
    assert slugs(first.doelgroepen) == ["jongeren-in-de-wijk", "jongeren-zonder-startkwalificatie"]
    assert slugs(second.doelgroepen) == ["jongeren-in-de-wijk", "statushouders"]
    assert FacetValue.objects.filter(facet="doelgroep", value="statushouders").count() == 1
    # A second import finds them like any other doelgroep: nothing new to list.
    out, _err, _error = run(jsonl(line(3, target_groups=["Statushouders"])))
    assert "Nieuwe doelgroepen" not in out and "1 lessen aangemaakt" in out


def test_create_missing_does_not_open_the_controlled_vocabularies(vocabulary, jsonl):
    _out, err, error = run(
        jsonl(line(1, sectors=["jeugdzorg"], region="Maastricht")), "--create-missing"
    )
    assert error is not None
    assert "onbekende sector ‘jeugdzorg’" in err and "onbekende regio ‘Maastricht’" in err
    assert not Regio.objects.filter(name="Maastricht").exists()


def test_an_error_leaves_no_new_target_group_behind(vocabulary, jsonl):
    groups = Doelgroep.objects.count()
    path = jsonl(
        line(1, target_groups=["Jongeren in de wijk"], tags=["nieuw"]), line(2, sectors=["x"])
    )
    _out, _err, error = run(path, "--create-missing")
    assert error is not None
    assert Doelgroep.objects.count() == groups
    assert not Les.objects.exists() and not Tag.objects.filter(name="nieuw").exists()


def test_a_failure_while_writing_rolls_back_the_new_target_groups(vocabulary, jsonl, monkeypatch):
    groups = Doelgroep.objects.count()

    def fail(self, records, existing):
        assert Doelgroep.objects.filter(name="Jongeren in de wijk").exists()  # created first
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(lesson_import.LessonWriter, "write", fail)
    with pytest.raises(RuntimeError):
        run(jsonl(line(1, target_groups=["Jongeren in de wijk"])), "--create-missing")
    assert Doelgroep.objects.count() == groups
    assert not Les.objects.exists()


def test_skip_invalid_creates_only_what_the_imported_lines_use(vocabulary, jsonl):
    path = jsonl(
        line(1, target_groups=["Jongeren in de wijk"]),
        line(2, target_groups=["Statushouders"], date="gisteren"),
    )
    out, err, error = run(path, "--create-missing", "--skip-invalid")
    assert error is None
    assert "1 lessen aangemaakt" in out and "1 overgeslagen" in out
    assert "regel 2: ongeldige datum" in err
    assert Doelgroep.objects.filter(name="Jongeren in de wijk").exists()
    assert not Doelgroep.objects.filter(name="Statushouders").exists()
    assert "Statushouders" not in out


# --- Rich text -------------------------------------------------------------------

PAYLOAD = {
    "title": '<script>steal("xss-title")</script> Steun na de jeugdhulp',
    "summary": "<b onclick=\"steal('xss-summary')\">Een netwerk</b> hielp.",
    "context": (
        "<p onclick=\"steal('xss-1')\">De situatie.</p><script>steal('xss-2')</script>"
        "<style>body{background:url(javascript:steal('xss-3'))}</style>"
    ),
    "approach": (
        "<p><a href=\"javascript:steal('xss-4')\">klik</a> en "
        "<a href=\" JaVaScRiPt:steal('xss-5')\">hier</a> en "
        '<a href="https://www.nji.nl/" onmouseover="steal(\'xss-6\')" target="_blank">NJi</a>'
        "</p>"
    ),
    "worked": (
        '<img src=x onerror="steal(\'xss-7\')"><p><b style="color:red">Vet</b> en '
        "<em>nadruk</em></p><ul><li>een</li><li>twee</li></ul>"
    ),
    "did_not_work": (
        "<svg onload=\"steal('xss-8')\"><script>steal('xss-9')</script></svg>"
        "<iframe src=\"javascript:steal('xss-10')\"></iframe><p>Niet alles.</p>"
    ),
    "tips": '<a href="data:text/html,<script>steal(1)</script>">data</a><p>Bel op tijd.</p>',
}


def test_a_script_payload_is_inert_on_the_lesson_page(vocabulary, jsonl, client):
    out, err, error = run(jsonl(line(1, **PAYLOAD)))
    assert error is None, err
    les = Les.objects.get()
    response = client.get(les.url)
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    for number in range(1, 11):
        assert f"xss-{number}'" not in html  # nothing of the rich-text payloads is left
    # Every script on the page is the site's own file, none inline.
    assert all(script.get("src") and not script.string for script in soup.find_all("script"))
    for element in soup.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")], element
    article = soup.select_one("article.kb-les")
    for element in article.find_all(True):
        assert "style" not in element.attrs and "target" not in element.attrs, element
    hrefs = [a.get("href") for a in article.find_all("a") if a.get("href")]
    assert hrefs and all(href.startswith(("https:", "/")) for href in hrefs), hrefs
    # What may stay, stays: text, bold, emphasis, lists and a safe link.
    assert article.find("a", string="NJi")["href"] == "https://www.nji.nl/"
    assert article.find("b").get_text() == "Vet" and article.find("em").get_text() == "nadruk"
    assert [li.get_text() for li in article.find_all("li")] == ["een", "twee"]
    for text in ["De situatie.", "klik", "hier", "Niet alles.", "Bel op tijd."]:
        assert text in article.get_text()
    # Title and summary are plain text: shown as written, escaped, never as markup.
    assert article.h1.get_text() == PAYLOAD["title"]
    assert "&lt;script&gt;steal(" in html
    assert article.select_one("p.lead").get_text() == PAYLOAD["summary"]
    assert les.title == PAYLOAD["title"]


def test_plain_text_is_escaped_and_split_into_paragraphs():
    assert as_rich_text("jongeren < 18 & ouders\r\n\r\nTweede <3", FEATURES) == (
        "<p>jongeren &lt; 18 &amp; ouders</p><p>Tweede &lt;3</p>"
    )


def test_blocks_the_features_do_not_allow_become_paragraphs():
    stored = as_rich_text("<h2>Aanpak</h2><div>een</div><div>twee <b>drie</b></div>", FEATURES)
    soup = BeautifulSoup(stored, "html.parser")
    assert [p.get_text() for p in soup.find_all("p")] == ["Aanpak", "een", "twee drie"]
    assert not soup.find_all(["h2", "div"]) and soup.find("b").get_text() == "drie"


def test_features_follow_the_field():
    assert as_rich_text("<p><b>vet</b> <i>schuin</i></p>", ["bold"]) == "<p><b>vet</b> schuin</p>"


# --- Export ----------------------------------------------------------------------


def test_rich_text_survives_export_and_import(vocabulary, jsonl, tmp_path):
    rich = (
        '<p>Met <b>vet</b> en een <a href="https://www.nji.nl/">link</a>.</p><ul><li>een</li></ul>'
    )
    run(jsonl(line(1, context=rich, approach="jongeren < 18 & ouders\n\nTweede alinea")))
    stored = Les.objects.get()
    assert stored.context == rich
    target = tmp_path / "export.jsonl"
    call_command("export_lessons", str(target), stderr=StringIO())
    (exported,) = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    assert exported["context"] == rich
    assert exported["approach"] == "jongeren < 18 & ouders\n\nTweede alinea"
    out, err, error = run(str(target))
    assert error is None and "1 bijgewerkt" in out, err
    again = Les.objects.get()
    assert (again.context, again.approach) == (stored.context, stored.approach)


def test_export_of_cms_text_imports_as_it_was_exported(vocabulary, tmp_path):
    """Text written in the CMS: block keys go, a link to a page becomes its URL, and
    a paragraph that shows a tag as text stays text."""
    add_les(
        vocabulary,
        "Geschreven in de CMS",
        context=(
            '<p data-block-key="a1">Schrijf &lt;b&gt; niet zelf &amp; lees de '
            f'<a linktype="page" id="{vocabulary.pk}">kennisbank</a>.</p>'
        ),
        tips='<p data-block-key="b2">Gewoon een tip.</p>',
    )
    target = tmp_path / "export.jsonl"
    call_command("export_lessons", str(target), stderr=StringIO())
    (exported,) = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    assert exported["tips"] == "Gewoon een tip."
    link = f'<a href="{vocabulary.url}">kennisbank</a>'
    assert exported["context"] == f"<p>Schrijf &lt;b&gt; niet zelf &amp; lees de {link}.</p>"
    out, err, error = run(str(target))
    assert error is None, err
    imported = Les.objects.get(external_id=exported["id"])
    assert imported.context == exported["context"]
    assert imported.tips == "<p>Gewoon een tip.</p>"


# --- Record fields -----------------------------------------------------------------

RECORD = {
    "author": "Team Jong Volwassen, Zwolle",
    "last_reviewed": "2025-06-01",
    "target_age_from": 16,
    "target_age_to": 23,
    "evidence_level": "Goed beschreven",  # a label, as people write it
    "contact_name": "Fatima el Idrissi",
    "contact_organisation": "Wijkteam Zwolle",
    "contact_email": "info@wijkteam-zwolle.example",
}


def test_record_fields_import_update_and_export(vocabulary, jsonl, tmp_path):
    out, err, error = run(jsonl(line(1, **RECORD)))
    assert error is None, err
    les = Les.objects.get()
    assert (les.author, les.target_age_from, les.target_age_to) == (RECORD["author"], 16, 23)
    assert les.evidence_level == "goed_beschreven" and str(les.last_reviewed) == "2025-06-01"
    assert (les.contact_name, les.contact_email) == ("Fatima el Idrissi", RECORD["contact_email"])
    run(jsonl(line(1, **{**RECORD, "target_age_to": 27, "evidence_level": "effectief_eerste"})))
    les.refresh_from_db()
    assert (les.target_age_to, les.evidence_level) == (27, "effectief_eerste")
    target = tmp_path / "export.jsonl"
    call_command("export_lessons", str(target), stderr=StringIO())
    (exported,) = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    assert exported["evidence_level"] == "effectief_eerste"
    assert exported["last_reviewed"] == "2025-06-01" and exported["target_age_to"] == 27
    assert exported["contact_organisation"] == "Wijkteam Zwolle"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target_age_from": 10}, "Kies een leeftijd van 12 tot en met 30 jaar"),
        ({"target_age_from": 20, "target_age_to": 18}, "mag niet lager zijn dan"),
        ({"target_age_to": "achttien"}, "moet een heel getal zijn"),
        ({"target_age_to": True}, "moet een heel getal zijn"),
        ({"evidence_level": "bewezen"}, "onbekend erkenningsniveau ‘bewezen’"),
        ({"contact_email": "geen adres"}, "is geen e-mailadres"),
        ({"last_reviewed": "1 juni"}, "ongeldige datum ‘1 juni’"),
        ({"author": "x" * 201}, "‘author’ is langer dan 200 tekens"),
    ],
)
def test_bad_record_fields_import_nothing(vocabulary, jsonl, changes, message):
    out, err, error = run(jsonl(line(1, **{**RECORD, **changes})))
    assert error is not None and message in err, err
    assert not Les.objects.exists()
