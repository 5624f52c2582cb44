"""The participatiescan's radar chart: one spoke per success factor, drawn as SVG by the
server (no JavaScript). The result table next to it is the accessible alternative, so
the spokes carry the factors' numbers from that table, not their long names."""

import math
from dataclasses import dataclass

SIZE = 400  # viewBox width and height
CENTRE = SIZE / 2
RADIUS = 140
LABEL_RADIUS = RADIUS + 20
RINGS = (25, 50, 75, 100)
# At most 342 px wide on a 390 px phone (the page's padding): 15 units stay >= 12 px.
FONT_SIZE = 15


@dataclass
class Spoke:
    number: int
    name: str
    value: int | None
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    point: tuple | None


def _at(angle, radius):
    return (
        round(CENTRE + radius * math.cos(angle), 1),
        round(CENTRE + radius * math.sin(angle), 1),
    )


def _anchor(x):
    if x > CENTRE + 5:
        return "start"
    if x < CENTRE - 5:
        return "end"
    return "middle"


def _points(points):
    return " ".join(f"{x},{y}" for x, y in points)


def radar(results, key="current"):
    """Geometry for the template from ``scan_results.report_rows`` output, or None when
    no factor has a value to show."""
    rows = [row for _, theme_rows in results["themas"] for row in theme_rows]
    if not rows or all(row.get(key) is None for row in rows):
        return None
    spokes = []
    for index, row in enumerate(rows):
        angle = -math.pi / 2 + 2 * math.pi * index / len(rows)
        x, y = _at(angle, RADIUS)
        label_x, label_y = _at(angle, LABEL_RADIUS)
        value = row.get(key)
        spokes.append(
            Spoke(
                number=row["number"],
                name=row["factor"].name,
                value=value,
                x=x,
                y=y,
                label_x=label_x,
                label_y=label_y,
                anchor=_anchor(label_x),
                point=_at(angle, RADIUS * value / 100) if value is not None else None,
            )
        )
    known = [spoke.point for spoke in spokes if spoke.point]
    rings = [
        {
            "value": ring,
            "points": _points(
                _at(-math.pi / 2 + 2 * math.pi * i / len(rows), RADIUS * ring / 100)
                for i in range(len(rows))
            ),
            "label_y": round(CENTRE - RADIUS * ring / 100, 1),
        }
        for ring in RINGS
    ]
    return {
        "size": SIZE,
        "centre": CENTRE,
        "font_size": FONT_SIZE,
        "spokes": spokes,
        "rings": rings,
        "shape": _points(known) if len(known) >= 3 else "",
        "missing": [spoke.number for spoke in spokes if spoke.value is None],
    }
