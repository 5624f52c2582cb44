"""scripts/build_regions.py: TopoJSON decoding and memberships found by geometry, on a
tiny made-up map (two square municipalities, one province, two labour-market regions)."""

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_regions.py"


@pytest.fixture
def build():
    spec = importlib.util.spec_from_file_location("build_regions", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def square(x, width):
    return [[x, 0], [width, 0], [0, 10], [-width, 0], [0, -10]]


def topology(layer, features):
    arcs = [arc for _code, _name, arc in features]
    return {
        "type": "Topology",
        "arcs": arcs,
        "transform": {"scale": [0.01, 0.01], "translate": [5.0, 52.0]},
        "objects": {
            layer: {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[i]], "properties": {"statcode": c, "statnaam": n}}
                    for i, (c, n, _arc) in enumerate(features)
                ],
            }
        },
    }


def test_memberships_are_found_by_geometry(build, tmp_path):
    layers = {
        "gemeente": [("GM0001", "Oost", square(0, 10)), ("GM0002", "West", square(10, 10))],
        "provincie": [("PV25", "Gelderland", square(0, 20))],
        "arbeidsmarktregio": [("AM01", "Een", square(0, 10)), ("AM02", "Twee", square(10, 10))],
        "jeugdregio": [("JZ01", "Samen", square(0, 20))],
    }
    for layer, features in layers.items():
        (tmp_path / f"{layer}_2025.topojson").write_text(json.dumps(topology(layer, features)))
    regions, municipalities = build.build(tmp_path, "2025")
    assert regions["provinces"] == {"PV25": "Gelderland"}
    west = next(m for m in municipalities if m["code"] == "GM0002")
    assert (west["province"], west["arbeidsmarktregio"], west["jeugdregio"]) == (
        "PV25",
        "AM02",
        "JZ01",
    )
    assert 5.1 < west["lon"] < 5.2 and 52.0 < west["lat"] < 52.1


def test_a_broken_ring_stops_the_script(build):
    topo = topology("gemeente", [("GM0001", "Oost", [[0, 0], [10, 0], [0, 10]])])
    with pytest.raises(ValueError, match="not closed"):
        list(build.features(topo))
