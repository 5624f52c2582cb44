"""The overview map: province shapes from the npm package jvectormap-content (nl-merc.js,
installed under var/node by scripts/install-node-packages) and pilot markers placed with
the same Mercator projection. Without the package the map shows the markers only."""

import logging
import math
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

# jvectormap's Mercator: x = R·λ, y = −R·ln(tan(π/4 + φ/2)), central meridian 0.
EARTH_RADIUS = 6381372
# Used when the shapes file is missing: the bbox nl-merc.js uses, so markers land alike.
FALLBACK = {
    "width": 900.0,
    "height": 1071.5366309598676,
    "bbox": ((373044.2486137667, -7090498.896693508), (801740.4489907753, -6580094.805296535)),
}

_PATH_RE = re.compile(r'"(NL-[A-Z]{2})"\s*:\s*\{\s*path\s*:\s*"([^"]+)"\s*,\s*name\s*:\s*"([^"]+)"')
_NUMBER = r"(-?\d+(?:\.\d+)?(?:e-?\d+)?)"
_BBOX_RE = re.compile(
    r"bbox\s*:\s*\[\s*\{\s*y\s*:\s*"
    + _NUMBER
    + r"\s*,\s*x\s*:\s*"
    + _NUMBER
    + r"\s*\}\s*,\s*\{\s*y\s*:\s*"
    + _NUMBER
    + r"\s*,\s*x\s*:\s*"
    + _NUMBER
    + r"\s*\}"
)
_SIZE_RE = re.compile(r"\n\s{4}height\s*:\s*" + _NUMBER + r",[\s\S]*?\n\s{4}width\s*:\s*" + _NUMBER)


def shapes_file():
    return Path(
        getattr(settings, "PILOTS_MAP_FILE", "")
        or settings.BASE_DIR / "var/node/node_modules/jvectormap-content/nl-merc.js"
    )


def parse_shapes(text):
    """Province paths, bbox and size from the nl-merc.js source; None if unrecognisable."""
    provinces = [
        {"code": code, "path": path, "name": name} for code, path, name in _PATH_RE.findall(text)
    ]
    bbox = _BBOX_RE.search(text)
    size = _SIZE_RE.search(text)
    if len(provinces) != 12 or bbox is None or size is None:
        return None
    y1, x1, y2, x2 = (float(v) for v in bbox.groups())
    return {
        "provinces": sorted(provinces, key=lambda p: p["code"]),
        "bbox": ((x1, y1), (x2, y2)),
        "height": float(size.group(1)),
        "width": float(size.group(2)),
    }


@lru_cache(maxsize=4)
def _load(path_str, mtime):
    try:
        return parse_shapes(Path(path_str).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def load_shapes():
    path = shapes_file()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    shapes = _load(str(path), mtime)
    if shapes is None:
        logger.warning("Kaartbestand %s is onleesbaar; kaart zonder provincies.", path)
    return shapes


def project(lat, lon, frame):
    """Latitude/longitude to SVG coordinates of the map ``frame`` (width, height, bbox)."""
    (x1, y1), (x2, y2) = frame["bbox"]
    mx = EARTH_RADIUS * math.radians(float(lon))
    my = -EARTH_RADIUS * math.log(math.tan(math.pi / 4 + math.radians(float(lat)) / 2))
    x = (mx - x1) / (x2 - x1) * frame["width"]
    y = (my - y1) / (y2 - y1) * frame["height"]
    return round(x, 1), round(y, 1)


# Marker sizes in map units (the map is 900 wide): the hit area of a marker is a circle of
# HIT_RADIUS, at least 24 px on a 320 px phone; markers are placed at least SPACING apart,
# so neither the dots nor the hit areas overlap.
HIT_RADIUS = 40
SPACING = 2 * HIT_RADIUS


def _slots(count):
    """Offsets for ``count`` markers around one point, each pair at least SPACING apart:
    a ring for up to six, else a hexagonal spiral (centre, then rings of 6, 12, ...)."""
    if count == 1:
        return [(0.0, 0.0)]
    if count <= 6:
        radius = SPACING / (2 * math.sin(math.pi / count))
        return [
            (
                radius * math.cos(-math.pi / 2 + 2 * math.pi * i / count),
                radius * math.sin(-math.pi / 2 + 2 * math.pi * i / count),
            )
            for i in range(count)
        ]
    slots = [(0.0, 0.0)]
    ring = 1
    while len(slots) < count:
        corners = [
            (
                ring * SPACING * math.cos(math.pi / 3 * k - math.pi / 2),
                ring * SPACING * math.sin(math.pi / 3 * k - math.pi / 2),
            )
            for k in range(7)
        ]
        for k in range(6):
            (ax, ay), (bx, by) = corners[k], corners[k + 1]
            for step in range(ring):
                t = step / ring
                slots.append((ax + (bx - ax) * t, ay + (by - ay) * t))
        ring += 1
    return slots[:count]


def _place(group, frame):
    """Spread the markers of ``group`` (indexes into points) around their centre point."""
    cx = sum(p[0] for p in group) / len(group)
    cy = sum(p[1] for p in group) / len(group)
    slots = _slots(len(group))
    # The markers keep their order round the centre, so each stays on its own side.
    by_angle = sorted(
        group, key=lambda p: (math.atan2(p[1] - cy, p[0] - cx) + math.pi / 2) % (2 * math.pi)
    )
    slot_order = sorted(
        slots,
        key=lambda s: (
            (math.atan2(s[1], s[0]) + math.pi / 2) % (2 * math.pi) if s != (0.0, 0.0) else -1
        ),
    )
    if len(slots) > 6:  # the spiral: nearest slots first, no angle order worth keeping
        slot_order = slots
    # Keep the whole group inside the frame, shifted as one.
    low_x = min(s[0] for s in slots) + cx
    high_x = max(s[0] for s in slots) + cx
    low_y = min(s[1] for s in slots) + cy
    high_y = max(s[1] for s in slots) + cy
    margin = HIT_RADIUS
    shift_x = max(0.0, margin - low_x) - max(0.0, high_x - (frame["width"] - margin))
    shift_y = max(0.0, margin - low_y) - max(0.0, high_y - (frame["height"] - margin))
    return {
        point: (round(cx + sx + shift_x, 1), round(cy + sy + shift_y, 1))
        for point, (sx, sy) in zip(by_angle, slot_order, strict=True)
    }


def spread(points, frame):
    """Marker positions for ``points`` (x, y) such that no two are closer than SPACING.

    Points too close together form a group that is laid out around its centre; when a
    laid-out group touches another marker the two groups merge and are laid out again,
    until no markers overlap. Returns a dict point -> position (equal points must be
    made distinct by the caller, e.g. with an index as third element)."""
    groups = [[p] for p in points]
    while True:
        placed = [_place(group, frame) for group in groups]
        merged = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                if any(
                    math.dist(a, b) < SPACING - 0.5
                    for a in placed[i].values()
                    for b in placed[j].values()
                ):
                    groups[i] = groups[i] + groups[j]
                    del groups[j]
                    merged = True
                    break
            if merged:
                break
        if not merged:
            return {point: pos for layout in placed for point, pos in layout.items()}


def build_map(pilots):
    """Everything the template needs to draw the map of ``pilots`` (regions prefetched).

    Each pilot has a number, shown in its markers and in the list beside the map. Markers
    of pilots in the same or neighbouring regions are spread around their place so none
    overlaps another; a thin line joins a moved marker to the spot it stands for."""
    shapes = load_shapes()
    frame = shapes or FALLBACK
    found = []
    active_provinces = set()
    for number, pilot in enumerate(pilots, start=1):
        for regio in pilot.regions.all():
            if regio.latitude is None or regio.longitude is None:
                continue
            x, y = project(regio.latitude, regio.longitude, frame)
            found.append((pilot, number, regio, (x, y, len(found))))
            if regio.province:
                active_provinces.add(regio.province)
    positions = spread([key for *_, key in found], frame)
    markers = []
    for pilot, number, regio, key in found:
        x, y = positions[key]
        # Anchor labels near the edges inwards so the name is never cut off.
        anchor = "middle"
        if x > frame["width"] * 0.65:
            anchor = "end"
        elif x < frame["width"] * 0.35:
            anchor = "start"
        markers.append(
            {
                "pilot": pilot,
                "number": number,
                "regio": regio,
                "x": x,
                "y": y,
                "place_x": key[0],
                "place_y": key[1],
                "moved": (x, y) != (key[0], key[1]),
                "anchor": anchor,
            }
        )
    provinces = [
        {**p, "active": p["code"] in active_provinces} for p in (shapes or {}).get("provinces", [])
    ]
    return {
        "has_shapes": shapes is not None,
        "width": round(frame["width"], 1),
        "height": round(frame["height"], 1),
        "provinces": provinces,
        "markers": markers,
    }
