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


def build_map(pilots):
    """Everything the template needs to draw the map of ``pilots`` (regions prefetched)."""
    shapes = load_shapes()
    frame = shapes or FALLBACK
    markers = []
    active_provinces = set()
    for pilot in pilots:
        for regio in pilot.regions.all():
            if regio.latitude is None or regio.longitude is None:
                continue
            x, y = project(regio.latitude, regio.longitude, frame)
            # Anchor labels near the edges inwards so the name is never cut off.
            anchor = "middle"
            if x > frame["width"] * 0.65:
                anchor = "end"
            elif x < frame["width"] * 0.35:
                anchor = "start"
            markers.append({"pilot": pilot, "regio": regio, "x": x, "y": y, "anchor": anchor})
            if regio.province:
                active_provinces.add(regio.province)
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
