#!/usr/bin/env python3
"""Rebuild site/taxonomy/data/regions.json from the cartomap/nl TopoJSON files.

Usage: scripts/build_regions.py FOLDER [YEAR]

FOLDER holds gemeente_YEAR.topojson, provincie_YEAR.topojson,
arbeidsmarktregio_YEAR.topojson and jeugdregio_YEAR.topojson (folder wgs84/ of
the public repository cartomap/nl, CC BY 4.0, derived from CBS/PDOK). The files
carry only codes and names, so a municipality's memberships are found by
geometry: the point inside the municipality (see ``inner_point``) is tested
against every province, labour-market region and youth-care region. The
mergers and the source notes are kept from the existing regions.json.
Standard library only, so it runs without the project installed.
"""

import json
import sys
from itertools import pairwise
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "site" / "taxonomy" / "data" / "regions.json"
LAYERS = {
    "provincie": "provinces",
    "arbeidsmarktregio": "arbeidsmarktregios",
    "jeugdregio": "jeugdregios",
}


def decode_arcs(topology):
    """Absolute (lon, lat) points per arc, undoing TopoJSON's delta quantisation."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    """One closed ring from arc indexes (a negative index ~i is arc i reversed)."""
    points = []
    for index in indexes:
        part = arcs[index] if index >= 0 else arcs[~index][::-1]
        if points and _far(points[-1], part[0]):
            raise ValueError(f"ring is not connected at arc {index}")
        points.extend(part[1:] if points else part)
    if _far(points[0], points[-1]):
        raise ValueError("ring is not closed")
    return points


def _far(a, b):
    return abs(a[0] - b[0]) > 1e-9 or abs(a[1] - b[1]) > 1e-9


def features(topology):
    """(code, name, polygons) per feature; a polygon is a list of rings, outer first."""
    arcs = decode_arcs(topology)
    (collection,) = topology["objects"].values()
    for geometry in collection["geometries"]:
        parts = geometry["arcs"]
        if geometry["type"] == "Polygon":
            parts = [parts]
        polygons = [[ring(arcs, r) for r in polygon] for polygon in parts]
        props = geometry["properties"]
        yield props["statcode"], props["statnaam"], polygons


def area(points):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in pairwise(points)) / 2


def contains(polygons, point):
    """Even-odd rule over all rings: holes and islands are handled alike."""
    x, y = point
    inside = False
    for polygon in polygons:
        for points in polygon:
            for (x1, y1), (x2, y2) in pairwise(points):
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
    return inside


def inner_point(polygons):
    """A point surely inside the largest polygon: the middle of the widest stretch
    of a horizontal line through it (a centroid may fall outside a curved shape)."""
    largest = max(polygons, key=lambda p: abs(area(p[0])))
    ys = sorted({pt[1] for pt in largest[0]})
    best = None
    for i in range(len(ys) - 1):
        y = (ys[i] + ys[i + 1]) / 2
        xs = sorted(
            x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            for points in largest
            for (x1, y1), (x2, y2) in pairwise(points)
            if (y1 > y) != (y2 > y)
        )
        for a, b in zip(xs[::2], xs[1::2], strict=False):
            if best is None or b - a > best[0]:
                best = (b - a, ((a + b) / 2, y))
    return best[1]


def load(folder, layer, year):
    with open(Path(folder) / f"{layer}_{year}.topojson", encoding="utf-8") as fh:
        return list(features(json.load(fh)))


def build(folder, year):
    regions = {key: {} for key in LAYERS.values()}
    shapes = {}
    for layer, key in LAYERS.items():
        for code, name, polygons in load(folder, layer, year):
            regions[key][code] = name
            shapes[code] = (key, polygons)
    municipalities = []
    for code, name, polygons in load(folder, "gemeente", year):
        lon, lat = inner_point(polygons)
        entry = {"code": code, "name": name, "lat": round(lat, 4), "lon": round(lon, 4)}
        for key in LAYERS.values():
            hits = [c for c, (k, p) in shapes.items() if k == key and contains(p, (lon, lat))]
            if len(hits) != 1:
                raise ValueError(f"{code} {name}: {len(hits)} {key} found")
            entry[key[:-1]] = hits[0]
        municipalities.append(entry)
    return regions, municipalities


def dump(data):
    """JSON with one entry per line: small, and a change shows up as one line in a diff."""
    lines = ["{"]
    items = list(data.items())
    for i, (key, value) in enumerate(items):
        end = "," if i < len(items) - 1 else ""
        if isinstance(value, list):
            rows = [json.dumps(v, ensure_ascii=False) for v in value]
            body = ",\n  ".join(rows)
            lines.append(f' "{key}": [\n  {body}\n ]{end}' if rows else f' "{key}": []{end}')
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{end}")
    return "\n".join(lines) + "\n}\n"


def main(argv):
    folder, year = argv[1], (argv[2] if len(argv) > 2 else "2025")
    regions, municipalities = build(folder, year)
    data = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
    data["year"] = int(year)
    for key, names in regions.items():
        data[key] = [{"code": c, "name": n} for c, n in sorted(names.items())]
    data["gemeenten"] = sorted(municipalities, key=lambda m: m["code"])
    data.setdefault("mergers", [])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(dump(data), encoding="utf-8")
    print(f"{len(municipalities)} gemeenten geschreven naar {OUT}")


if __name__ == "__main__":
    main(sys.argv)
