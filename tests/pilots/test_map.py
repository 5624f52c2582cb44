"""The overview map: shapes from jvectormap-content, Mercator markers, graceful fallback."""

import math
import re

import pytest

from pilots import mapdata
from pilots.factories import make_pilot, make_regio


def _polygons(path):
    """Absolute polygons from an SVG path of M/m, L/l and Z commands (jvectormap's subset)."""
    polygons, current, x, y = [], [], 0.0, 0.0
    for command, args in re.findall(r"([MmLlZz])([^MmLlZz]*)", path):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", args)]
        pairs = list(zip(numbers[::2], numbers[1::2], strict=True))
        if command in "Zz":
            if current:
                polygons.append(current)
            current = []
            continue
        for i, (a, b) in enumerate(pairs):
            relative = command.islower() and not (command == "m" and not polygons and not current)
            x, y = (x + a, y + b) if relative else (a, b)
            if command in "Mm" and i == 0 and current:
                polygons.append(current)
                current = []
            current.append((x, y))
    if current:
        polygons.append(current)
    return polygons


def _inside(point, polygon):
    px, py = point
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y1 > py) != (y2 > py) and px < (x2 - x1) * (py - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def province_at(shapes, point):
    for province in shapes["provinces"]:
        if any(_inside(point, polygon) for polygon in _polygons(province["path"])):
            return province["code"]
    return None


def test_parse_shapes_rejects_garbage():
    assert mapdata.parse_shapes("var map = {};") is None


def test_projection_is_monotonic_and_inside_frame():
    frame = mapdata.FALLBACK
    west = mapdata.project(52.0, 4.0, frame)
    east = mapdata.project(52.0, 6.0, frame)
    north = mapdata.project(53.2, 5.0, frame)
    south = mapdata.project(51.0, 5.0, frame)
    assert west[0] < east[0] and north[1] < south[1]
    for x, y in (west, east, north, south):
        assert 0 <= x <= frame["width"] and 0 <= y <= frame["height"]


def test_shapes_file_has_twelve_provinces():
    # make install puts jvectormap-content under var/node; a missing file is a failure.
    assert mapdata.shapes_file().exists(), "run make install (scripts/install-node-packages)"
    shapes = mapdata.load_shapes()
    assert [p["code"] for p in shapes["provinces"]] == sorted(
        ["NL-DR", "NL-FL", "NL-FR", "NL-GE", "NL-GR", "NL-LI"]
        + ["NL-NB", "NL-NH", "NL-OV", "NL-UT", "NL-ZE", "NL-ZH"]
    )


@pytest.mark.parametrize(
    ("lat", "lon", "province"),
    [
        (51.3704, 6.1724, "NL-LI"),  # Venlo
        (51.9851, 5.8987, "NL-GE"),  # Arnhem
        (52.2658, 6.7931, "NL-OV"),  # Hengelo
        (51.8133, 4.6901, "NL-ZH"),  # Dordrecht
        (52.0200, 5.1000, "NL-UT"),  # Lekstroom (Nieuwegein)
        (53.2194, 6.5665, "NL-GR"),  # Groningen
        (51.4988, 3.6110, "NL-ZE"),  # Middelburg
    ],
)
def test_known_places_fall_in_their_province(lat, lon, province):
    shapes = mapdata.load_shapes()
    assert province_at(shapes, mapdata.project(lat, lon, shapes)) == province


@pytest.mark.django_db
def test_demo_pilots_are_drawn_in_their_provinces(client):
    from django.core.management import call_command

    from pilots.models import PilotPage

    call_command(
        "load_demo",
        only=["leernetwerk.taxonomy", "learning", "pilots"],
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    response = client.get("/pilots/")
    html = response.content.decode()
    assert html.count('data-code="NL-') == 12
    markers = response.context["pilot_map"]["markers"]
    shapes = mapdata.load_shapes()
    assert len(markers) >= 9
    for marker in markers:
        assert (
            province_at(shapes, (marker["place_x"], marker["place_y"])) == marker["regio"].province
        ), (
            marker["pilot"].title,
            marker["regio"].name,
        )
    # Every demo pilot with a region has a marker; their periods (2018-2021) are over,
    # so none is drawn as running.
    with_region = {p.pk for p in PilotPage.objects.live().filter(regions__isnull=False)}
    assert {m["pilot"].pk for m in markers} == with_region
    assert "pilot-map__marker--running" not in html
    # No two markers overlap (their 24 px hit areas included), however close the regions.
    for i, a in enumerate(markers):
        for b in markers[i + 1 :]:
            assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= mapdata.SPACING - 0.5
    assert any(m["moved"] for m in markers)
    # The number in a marker is the pilot's number in the list beside the map.
    for marker in markers:
        assert f'data-number="{marker["number"]}"' in html


@pytest.mark.django_db
def test_map_degrades_without_shapes(client, index, regio_a, settings, tmp_path):
    settings.PILOTS_MAP_FILE = str(tmp_path / "ontbreekt.js")
    make_pilot(index, "Pilot Alfa", regions=[regio_a])
    response = client.get(index.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "provinciegrenzen zijn niet beschikbaar" in html
    assert 'data-code="NL-' not in html
    assert 'aria-label="1. Pilot Alfa (Regio Alfa' in html  # markers and list still there
    assert ">Pilot Alfa</a></h3>" in html


@pytest.mark.django_db
def test_map_survives_a_corrupt_shapes_file(client, index, settings, tmp_path):
    broken = tmp_path / "nl-merc.js"
    broken.write_bytes(b"\xff\xfe nonsense")
    settings.PILOTS_MAP_FILE = str(broken)
    make_pilot(index, "Pilot Alfa", regions=[make_regio("Ergens")])
    assert client.get(index.url).status_code == 200


@pytest.mark.parametrize("count", [2, 3, 6, 7, 20])
def test_markers_on_one_spot_spread_without_overlap(count):
    frame = mapdata.FALLBACK
    points = [(450.0, 500.0, i) for i in range(count)]
    positions = mapdata.spread(points, frame)
    placed = list(positions.values())
    assert len(placed) == count
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            assert math.dist(a, b) >= mapdata.SPACING - 0.5
    # They stay near their spot: within a few marker widths.
    assert all(math.dist(p, (450, 500)) <= 3 * mapdata.SPACING for p in placed)


def test_neighbouring_groups_merge_and_stay_inside_the_map():
    frame = mapdata.FALLBACK
    # Two clusters just far enough apart to collide once spread, one in the corner.
    points = [(100.0, 100.0, i) for i in range(4)] + [(200.0, 110.0, i) for i in range(4, 8)]
    points += [(5.0, 5.0, 8), (8.0, 5.0, 9)]
    placed = list(mapdata.spread(points, frame).values())
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            assert math.dist(a, b) >= mapdata.SPACING - 0.5
    for x, y in placed:
        assert mapdata.HIT_RADIUS <= x <= frame["width"] - mapdata.HIT_RADIUS
        assert mapdata.HIT_RADIUS <= y <= frame["height"] - mapdata.HIT_RADIUS


def test_a_lone_marker_stays_on_its_spot():
    assert mapdata.spread([(300.0, 400.0, 0)], mapdata.FALLBACK) == {
        (300.0, 400.0, 0): (300.0, 400.0)
    }
