"""Chart rendering: area-proportional geometry, accessibility, no leaks, caching."""

import math
import re

import pytest

from personas import importer
from personas.charts import render, text
from personas.charts.page import chart_file
from personas.charts.table import build_table, cell_key
from personas.disclosure import SHOWN
from personas.factories import csv_from_cells


def load(dataset, cells_by_region, codes):
    result = importer.validate(csv_from_cells(cells_by_region, codes), dataset)
    assert result.errors == []
    importer.save(result, dataset)
    dataset.refresh_from_db()
    return dataset


def lens_area(r1, r2, d):
    if d >= r1 + r2:
        return 0.0
    if d <= abs(r1 - r2):
        return math.pi * min(r1, r2) ** 2
    a = r1**2 * math.acos((d**2 + r1**2 - r2**2) / (2 * d * r1))
    b = r2**2 * math.acos((d**2 + r2**2 - r1**2) / (2 * d * r2))
    c = 0.5 * math.sqrt((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2))
    return a + b - c


def assert_areas_proportional(layout, totals):
    areas = {code: math.pi * radius**2 for code, radius, _centre in layout}
    scale = sum(areas.values()) / sum(totals.values())
    for code, total in totals.items():
        assert areas[code] == pytest.approx(total * scale, rel=0.05), (code, areas, totals)


@pytest.mark.parametrize(
    "cells",
    [
        {(): 5000, ("GSQ",): 900, ("NEET",): 300, ("GSQ", "NEET"): 150},
        {(): 5000, ("GSQ",): 100, ("NEET",): 2000, ("GSQ", "NEET"): 40},
    ],
)
def test_two_set_circles_and_overlap_are_area_proportional(dataset, kenmerken, regions, cells):
    load(dataset, {"GM0983": cells}, ["GSQ", "NEET"])
    table = build_table(dataset, regions["venlo"], kenmerken[:2])
    _fig, layout = render.draw_venn(table, "Titel")
    totals = {row.key[4:]: row.value for row in table.sets()}
    assert_areas_proportional(layout, totals)
    (_a, ra, ca), (_b, rb, cb) = layout
    overlap = lens_area(ra, rb, math.dist(ca, cb))
    scale = math.pi * ra**2 / totals["GSQ"]
    assert overlap == pytest.approx(cells[("GSQ", "NEET")] * scale, rel=0.05)


def test_three_set_circles_are_area_proportional(dataset, kenmerken, regions):
    codes = ["GSQ", "NEET", "UITK"]
    cells = {
        (): 9000,
        ("GSQ",): 700,
        ("NEET",): 400,
        ("UITK",): 250,
        ("GSQ", "NEET"): 180,
        ("GSQ", "UITK"): 90,
        ("NEET", "UITK"): 120,
        ("GSQ", "NEET", "UITK"): 60,
    }
    load(dataset, {"GM0983": cells}, codes)
    chosen = [k for k in kenmerken if k.code in codes]
    table = build_table(dataset, regions["venlo"], chosen)
    _fig, layout = render.draw_venn(table, "Titel")
    totals = {row.key[4:]: row.value for row in table.sets()}
    assert totals == {"GSQ": 1030, "NEET": 760, "UITK": 520}
    assert_areas_proportional(layout, totals)


def test_svg_has_title_description_and_fictional_label(dataset, kenmerken, regions):
    load(
        dataset,
        {"GM0983": {(): 900, ("GSQ",): 60, ("NEET",): 50, ("GSQ", "NEET"): 20}},
        ["GSQ", "NEET"],
    )
    table = build_table(dataset, regions["venlo"], kenmerken[:2])
    fig, _layout = render.draw(table, "Titel van de grafiek")
    svg = render.to_svg(fig, "Titel van de grafiek", text.chart_description(table)).decode()
    assert re.search(r'<svg[^>]*role="img"[^>]*aria-labelledby="grafiek-titel', svg)
    assert '<title id="grafiek-titel">Titel van de grafiek</title>' in svg
    assert '<desc id="grafiek-beschrijving">Fictieve gegevens' in svg
    assert "FICTIEVE GEGEVENS" in svg
    assert render.to_png(fig).startswith(b"\x89PNG")


def test_real_dataset_has_no_fictional_label(dataset, kenmerken, regions):
    dataset.is_fictional = False
    dataset.save()
    load(
        dataset,
        {"GM0983": {(): 900, ("GSQ",): 60, ("NEET",): 50, ("GSQ", "NEET"): 20}},
        ["GSQ", "NEET"],
    )
    table = build_table(dataset, regions["venlo"], kenmerken[:2])
    fig, _layout = render.draw(table, "Titel")
    svg = render.to_svg(fig, "Titel", text.chart_description(table)).decode()
    assert "FICTIEVE" not in svg and "Fictieve" not in svg


def test_upset_for_more_than_three_and_no_small_number_in_svg(dataset, kenmerken, regions):
    codes = ["GSQ", "JH", "NEET", "UITK"]
    cells = {(): 3000}
    import itertools

    for size in range(1, 5):
        for combo in itertools.combinations(codes, size):
            cells[combo] = 7 if size == 3 else 40 + 10 * size
    load(dataset, {"GM0983": cells}, codes)
    table = build_table(dataset, regions["venlo"], kenmerken)
    assert len(table.cells()) == 15
    fig, layout = render.draw(table, "Titel")
    assert layout == []  # UpSet, not circles
    svg = render.to_svg(fig, "Titel", text.chart_description(table)).decode()
    texts = re.findall(r">([^<>]+)</text>", svg) or re.findall(r"<text[^>]*>([^<]*)<", svg)
    assert "&lt;10" in svg
    assert not any(t.strip() == "7" for t in texts)


def test_geometry_does_not_reveal_hidden_counts(dataset, kenmerken, regions):
    """Two worlds that differ only in hidden cells give byte-identical charts."""
    first = {(): 500, ("GSQ",): 40, ("NEET",): 30, ("GSQ", "NEET"): 4}
    second = {(): 501, ("GSQ",): 39, ("NEET",): 29, ("GSQ", "NEET"): 5}
    outputs = []
    for cells in (first, second):
        load(dataset, {"GM0983": cells}, ["GSQ", "NEET"])
        table = build_table(dataset, regions["venlo"], kenmerken[:2])
        hidden = {row.key for row in table.rows.values() if row.status != SHOWN}
        assert {cell_key(()), cell_key(("GSQ",)), cell_key(("NEET",))} <= hidden
        assert cell_key(("GSQ", "NEET")) in hidden
        shown = {row.key: row.display for row in table.rows.values()}
        fig, _layout = render.draw(table, "Titel")
        outputs.append((shown, render.to_svg(fig, "Titel", text.chart_description(table))))
    assert outputs[0][0] == outputs[1][0]
    assert outputs[0][1] == outputs[1][1]


def test_chart_cache_is_invalidated_by_a_new_import(imported, kenmerken, regions, make_persona):
    persona = make_persona(kenmerken=kenmerken[:2], dataset=imported, region=regions["venlo"])
    first = chart_file(persona, regions["venlo"], "csv").decode()
    assert "40" in first
    new = {(): 800, ("GSQ",): 120, ("NEET",): 90, ("GSQ", "NEET"): 77}
    load(imported, {"NL": new, "GM0983": new, "leiden": new}, ["GSQ", "NEET"])
    persona.refresh_from_db()
    second = chart_file(persona, regions["venlo"], "csv").decode()
    assert "77" in second and second != first


def test_region_minus_its_municipality_reveals_no_small_count(dataset, kenmerken, regions):
    """Holland Rijnland minus Leiden is the rest of the region: no shown pair of
    numbers may differ by less than 10, or that rest's small count is out."""
    from leernetwerk.taxonomy.models import Regio

    dataset.region_level = dataset.Level.GEMENGD
    dataset.save()
    whole = Regio.objects.create(name="Holland Rijnland", slug="hr", kind="arbeidsmarktregio")
    whole.municipalities.set([regions["leiden"]])
    leiden = {(): 900, ("GSQ",): 60, ("NEET",): 50, ("GSQ", "NEET"): 30}
    rest = {(): 2000, ("GSQ",): 80, ("NEET",): 70, ("GSQ", "NEET"): 3}
    total = {k: leiden[k] + rest[k] for k in leiden}
    load(dataset, {"leiden": leiden, "hr": total}, ["GSQ", "NEET"])
    part = build_table(dataset, regions["leiden"], kenmerken[:2])
    region = build_table(dataset, whole, kenmerken[:2])
    assert region.rows[cell_key(("GSQ", "NEET"))].status != SHOWN
    for key, row in region.rows.items():
        if key == "population":
            continue
        if row.shown and part.rows[key].shown:
            assert row.value - part.rows[key].value >= 10, key
    # Without the nesting the region's 33 would have been shown.
    whole.municipalities.clear()
    assert build_table(dataset, whole, kenmerken[:2]).rows[cell_key(("GSQ", "NEET"))].shown
