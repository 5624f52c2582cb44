"""CSV import: valid files, every kind of invalid file, atomicity, command and export."""

import pytest
from django.core.management import CommandError, call_command

from personas import importer
from personas.models import Figure


def rows_of(text):
    return text.strip().splitlines()


def replace_line(text, old, new):
    lines = rows_of(text)
    index = lines.index(old)
    lines[index] = new
    return "\n".join(lines) + "\n", index + 1  # spreadsheet row number


def test_valid_file_is_saved(dataset, valid_csv, kenmerken, regions):
    result = importer.validate(valid_csv.encode("utf-8-sig"), dataset)
    assert result.errors == []
    assert len(result.rows) == 12
    assert [k.code for k in result.kenmerken] == ["GSQ", "NEET"]
    version = dataset.version
    assert importer.save(result, dataset) == 12
    dataset.refresh_from_db()
    assert dataset.version > version
    assert set(dataset.kenmerken.values_list("code", flat=True)) == {"GSQ", "NEET"}
    venlo = Figure.objects.get(dataset=dataset, region=regions["venlo"], combination="GSQ+NEET")
    assert venlo.count == 40
    population = Figure.objects.get(dataset=dataset, region=None, combination="")
    assert population.count == (800 + 120 + 90 + 40) * 100


def test_semicolons_and_any_code_case_are_accepted(dataset, valid_csv):
    text = valid_csv.replace(",", ";").replace("GM0983", "gm0983").replace("NEET", "neet")
    assert importer.validate(text, dataset).errors == []


def test_export_round_trips(dataset, valid_csv):
    importer.save(importer.validate(valid_csv, dataset), dataset)
    exported = importer.export(dataset)
    assert rows_of(exported)[0] == "regio,kenmerken,aantal"
    assert "GM0546,GSQ+NEET,40" in rows_of(exported)  # regions by CBS code when known
    again = importer.validate(exported, dataset)
    assert again.errors == []
    original = importer.validate(valid_csv, dataset)
    assert {r[1:] for r in again.rows} == {r[1:] for r in original.rows}


@pytest.mark.parametrize(
    "old,new,fragment",
    [
        ("GM0983,GSQ,160", "GM9999,GSQ,160", "Onbekende regio 'GM9999'"),
        ("GM0983,GSQ,160", "rivierenland,GSQ,160", "past niet bij het regioniveau"),
        ("GM0983,GSQ,160", "GM0983,XYZ,160", "Onbekend kenmerk 'XYZ'"),
        ("GM0983,GSQ,160", "GM0983,GSQ,-5", "negatief"),
        ("GM0983,GSQ,160", "GM0983,GSQ,veel", "geen geheel getal"),
        ("GM0983,GSQ,160", "GM0983,GSQ,160,extra", "4 kolommen"),
        ("GM0983,GSQ,160", "GM0983,,160", "kolom kenmerken is leeg"),
        ("GM0983,GSQ,160", "GM0983,GSQ+GSQ,160", "staat dubbel"),
        ("GM0983,GSQ+NEET,40", "GM0983,GSQ+NEET,200", "kan niet groter zijn dan de groep"),
        ("GM0983,totaal,1050", "GM0983,totaal,100", "kan niet groter zijn dan de groep"),
    ],
)
def test_invalid_rows_are_reported_with_row_number(dataset, valid_csv, old, new, fragment):
    text, row = replace_line(valid_csv, old, new)
    result = importer.validate(text, dataset)
    assert result.rows == []
    # The error sits on the offending row, or (for a too-small total) names it.
    assert any(
        (number == row or f"rij {row}:" in message or f"rij {row}" in message)
        and fragment in message
        for number, message in result.errors
    ), result.errors


def test_missing_combination_is_reported(dataset, valid_csv):
    lines = [line for line in rows_of(valid_csv) if line != "leiden,GSQ+NEET,40"]
    result = importer.validate("\n".join(lines), dataset)
    first_leiden_row = next(i for i, line in enumerate(lines, 1) if line.startswith("leiden"))
    assert any(
        row == first_leiden_row and "ontbreken de combinaties: GSQ+NEET" in message
        for row, message in result.errors
    ), result.errors


def test_duplicate_row_is_reported(dataset, valid_csv):
    text = valid_csv + "GM0983,GSQ,160\n"
    result = importer.validate(text, dataset)
    assert any("staat al in rij" in message for _row, message in result.errors)


def test_counts_that_do_not_add_up_are_reported(dataset, kenmerken, regions):
    # Every pair fits in its sets, but A + B - AB exceeds the population.
    text = "regio,kenmerken,aantal\nGM0983,totaal,100\nGM0983,GSQ,80\nGM0983,NEET,80\n"
    text += "GM0983,GSQ+NEET,10\n"
    result = importer.validate(text, dataset)
    assert any("tellen niet op" in message for _row, message in result.errors), result.errors


@pytest.mark.parametrize(
    "content,fragment",
    [
        (b"", "De eerste rij"),
        (b"gebied,code,n\nNL,totaal,5\n", "De eerste rij"),
        ("regio,kenmerken,aantal\nNL,totaal,5\n".encode("utf-16"), "geen UTF-8"),
        (b"regio,kenmerken,aantal\n", "geen cijfers"),
    ],
)
def test_unreadable_files_are_refused(dataset, kenmerken, content, fragment):
    result = importer.validate(content, dataset)
    assert any(fragment in message for _row, message in result.errors), result.errors


def test_invalid_file_changes_nothing(dataset, valid_csv):
    importer.save(importer.validate(valid_csv, dataset), dataset)
    before = list(Figure.objects.order_by("pk").values_list("pk", "count"))
    dataset.refresh_from_db()
    version = dataset.version
    text, _row = replace_line(valid_csv, "GM0983,GSQ,160", "GM0983,GSQ,-1")
    result = importer.validate(text, dataset)
    with pytest.raises(ValueError):
        importer.save(result, dataset)
    assert list(Figure.objects.order_by("pk").values_list("pk", "count")) == before
    dataset.refresh_from_db()
    assert dataset.version == version


def test_failure_while_saving_rolls_everything_back(dataset, valid_csv, monkeypatch):
    importer.save(importer.validate(valid_csv, dataset), dataset)
    before = list(Figure.objects.order_by("pk").values_list("pk", "count"))
    result = importer.validate(valid_csv.replace("GM0983,GSQ,160", "GM0983,GSQ,161"), dataset)
    assert result.errors == []
    monkeypatch.setattr(importer, "tqdm", _ExplodingBar)
    with pytest.raises(RuntimeError):
        importer.save(result, dataset)
    assert list(Figure.objects.order_by("pk").values_list("pk", "count")) == before


class _ExplodingBar:
    """Fails after the first batch was written, as a crash halfway a large file would."""

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n):
        raise RuntimeError("crash halverwege")


def test_command_imports_and_reports_errors(dataset, valid_csv, tmp_path, capsys):
    path = tmp_path / "cijfers.csv"
    path.write_text(valid_csv, encoding="utf-8")
    call_command("import_figures", str(path))  # one dataset: --dataset may be left out
    assert Figure.objects.filter(dataset=dataset).count() == 12
    bad, _row = replace_line(valid_csv, "GM0983,GSQ,160", "GM0983,ONBEKEND,160")
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(CommandError, match="niets opgeslagen"):
        call_command("import_figures", str(path), "--dataset", "testcijfers")
    assert "Onbekend kenmerk 'ONBEKEND'" in capsys.readouterr().err
    assert Figure.objects.get(dataset=dataset, region__slug="venlo", combination="GSQ").count == 160


def test_command_refuses_unknown_dataset_and_missing_file(dataset, tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import_figures", str(tmp_path / "x.csv"), "--dataset", "nope")
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import_figures", str(tmp_path / "x.csv"))


def test_export_command_writes_import_format(dataset, valid_csv, tmp_path):
    importer.save(importer.validate(valid_csv, dataset), dataset)
    out = tmp_path / "export.csv"
    call_command("export_figures", "testcijfers", "--output", str(out))
    assert len(rows_of(out.read_text())) == 13
    assert importer.validate(out.read_text(), dataset).errors == []
