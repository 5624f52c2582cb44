"""The regions file and its loader: every region, memberships, mergers, old rows kept."""

import json

import pytest
from django.core.management import CommandError, call_command

from leernetwerk.taxonomy import regions
from leernetwerk.taxonomy.models import Herindeling, Regio

pytestmark = pytest.mark.django_db


def small_data(**changes):
    """A minimal valid file: two municipalities, their groups and one merger."""
    data = {
        "gemeenten": [
            {
                "code": "GM0001",
                "name": "Noordstad",
                "lat": 52.5,
                "lon": 5.0,
                "province": "PV25",
                "arbeidsmarktregio": "AM01",
                "jeugdregio": "JZ01",
            },
            {
                "code": "GM0002",
                "name": "Zuiddorp",
                "lat": 51.5,
                "lon": 5.5,
                "province": "PV25",
                "arbeidsmarktregio": "AM01",
                "jeugdregio": "JZ01",
            },
        ],
        "provinces": [{"code": "PV25", "name": "Gelderland"}],
        "arbeidsmarktregios": [{"code": "AM01", "name": "Middenland"}],
        "jeugdregios": [{"code": "JZ01", "name": "Middenland"}],
        "mergers": [
            {
                "old_code": "GM0009",
                "old_name": "Oudwoude",
                "new_code": "GM0001",
                "date": "2023-01-01",
            }
        ],
    }
    data.update(changes)
    return data


def test_real_file_holds_every_kind_with_memberships():
    data = regions.read()
    assert len(data["gemeenten"]) == 342
    assert len(data["provinces"]) == 12
    assert len(data["arbeidsmarktregios"]) == 35
    assert len(data["jeugdregios"]) == 42
    amsterdam = next(g for g in data["gemeenten"] if g["code"] == "GM0363")
    assert (amsterdam["province"], amsterdam["arbeidsmarktregio"], amsterdam["jeugdregio"]) == (
        "PV27",
        "AM18",
        "JZ13",
    )
    assert {"old_code": "GM0457", "old_name": "Weesp", "new_code": "GM0363"}.items() <= next(
        m for m in data["mergers"] if m["old_code"] == "GM0457"
    ).items()


def test_load_creates_regions_memberships_and_mergers(all_regions):
    assert Regio.objects.filter(kind="gemeente").count() == 342
    assert Regio.objects.count() == 342 + 12 + 35 + 42
    amsterdam = Regio.objects.get(cbs_code="GM0363")
    assert amsterdam.province == "NL-NH"
    assert {r.cbs_code for r in amsterdam.part_of.all()} == {"PV27", "AM18", "JZ13"}
    groot_amsterdam = Regio.objects.get(cbs_code="AM18")
    assert groot_amsterdam.kind == "arbeidsmarktregio"
    assert groot_amsterdam.municipalities.filter(cbs_code="GM0363").exists()
    assert Herindeling.objects.get(old_code="GM0457").regio == amsterdam


def test_load_is_idempotent(all_regions):
    before = Regio.objects.count(), Regio.municipalities.through.objects.count()
    counts = regions.load(regions.read(), Regio, Herindeling)
    assert (Regio.objects.count(), Regio.municipalities.through.objects.count()) == before
    assert not any(key.startswith("nieuw") for key in counts)


def test_existing_demo_regions_are_kept_and_matched_by_code_or_name():
    venlo = Regio.objects.create(name="Venlo", slug="venlo", kind="gemeente", cbs_code="GM0983")
    midden = Regio.objects.create(name="Midden-Holland", slug="midden-holland", kind="jeugdregio")
    gelderland = Regio.objects.create(name="Gelderland", slug="gelderland", kind="provincie")
    regions.load(regions.read(), Regio, Herindeling)
    venlo.refresh_from_db()
    midden.refresh_from_db()
    gelderland.refresh_from_db()
    assert venlo.slug == "venlo" and venlo.province == "NL-LI"
    # Matched by kind and name ("Midden Holland" in the CBS file): same row, code added.
    assert (midden.cbs_code, midden.slug, midden.name) == (
        "JZ27",
        "midden-holland",
        "Midden-Holland",
    )
    assert gelderland.cbs_code == "PV25"
    assert Regio.objects.filter(name__in=["Venlo", "Gelderland"]).count() == 2


def test_equal_names_get_their_own_slugs(all_regions):
    groningen = Regio.objects.filter(name="Groningen").order_by("kind")
    assert [(r.kind, r.slug) for r in groningen] == [
        ("arbeidsmarktregio", "groningen-arbeidsmarktregio"),
        ("gemeente", "groningen"),
        ("jeugdregio", "groningen-jeugdregio"),
        ("provincie", "groningen-provincie"),
    ]


def test_merger_in_a_small_file_and_an_updated_target():
    regions.load(small_data(), Regio, Herindeling)
    merger = Herindeling.objects.get(old_code="GM0009")
    assert merger.regio.cbs_code == "GM0001"
    data = small_data()
    data["mergers"][0]["new_code"] = "GM0002"
    regions.load(data, Regio, Herindeling)
    merger.refresh_from_db()
    assert merger.regio.cbs_code == "GM0002"
    group = Regio.objects.get(cbs_code="AM01")
    assert group.municipalities.count() == 2
    assert group.province == "NL-GE"
    assert float(group.latitude) == pytest.approx(52.0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (small_data(provinces=[]), "De lijst 'provinces' ontbreekt of is leeg."),
        (
            small_data(gemeenten=[{"code": "X1", "name": "Fout"}]),
            "ongeldige CBS-code 'X1'",
        ),
        (
            small_data(
                mergers=[{"old_code": "GM0001", "old_name": "Noordstad", "new_code": "GM0002"}]
            ),
            "GM0001 is nog een bestaande gemeente",
        ),
        (
            small_data(mergers=[{"old_code": "GM0008", "old_name": "Weg", "new_code": "GM0404"}]),
            "onbekende nieuwe gemeente 'GM0404'",
        ),
    ],
)
def test_bad_data_is_refused_in_dutch(data, message):
    with pytest.raises(regions.RegionDataError, match=message):
        regions.load(data, Regio, Herindeling)
    assert not Regio.objects.exists()


def test_unknown_membership_is_refused():
    data = small_data()
    data["gemeenten"][1]["jeugdregio"] = "JZ99"
    with pytest.raises(regions.RegionDataError, match="onbekende jeugdregio 'JZ99'"):
        regions.check(data)


def test_command_reports_counts(tmp_path, capsys):
    path = tmp_path / "regios.json"
    path.write_text(json.dumps(small_data()), encoding="utf-8")
    call_command("load_regions", str(path))
    out = capsys.readouterr().out
    assert "nieuw: gemeente: 2" in out
    assert "Klaar: 5 regio's, 1 herindelingen." in out
    call_command("load_regions", str(path))
    assert "bijgewerkt: gemeente: 2" in capsys.readouterr().out
    assert Regio.objects.count() == 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{niet: json", "geen geldige JSON"),
        (json.dumps({"gemeenten": []}), "Het regiobestand klopt niet"),
    ],
)
def test_command_bad_file_is_a_dutch_error_and_saves_nothing(tmp_path, content, message):
    path = tmp_path / "regios.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("load_regions", str(path))
    assert not Regio.objects.exists()


def test_command_missing_file(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("load_regions", str(tmp_path / "weg.json"))


def test_failure_halfway_rolls_back(tmp_path, monkeypatch):
    path = tmp_path / "regios.json"
    path.write_text(json.dumps(small_data()), encoding="utf-8")

    def broken(*args, **kwargs):
        raise regions.RegionDataError("kapot halverwege")

    monkeypatch.setattr(regions, "_save_mergers", broken)
    with pytest.raises(CommandError, match="kapot halverwege"):
        call_command("load_regions", str(path))
    assert not Regio.objects.exists()
