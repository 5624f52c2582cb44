"""Every Dutch region from public CBS data: read ``data/regions.json``, check it and load
it into ``Regio`` (with the municipal mergers in ``Herindeling``).

The loader takes the model classes as arguments so the data migration can pass its
historical models; ``load_regions`` passes the real ones. It never deletes a region:
rows that pages, figures or scans point at survive and are matched by CBS code, or,
for the demo regions that had no code yet, by kind and name.
"""

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from django.utils.text import slugify

DATA_FILE = Path(__file__).resolve().parent / "data" / "regions.json"

# The file's lists in load order (a free slug goes to the earlier kind), with their kind.
LISTS = [
    ("gemeenten", "gemeente", re.compile(r"^GM\d{4}$")),
    ("provinces", "provincie", re.compile(r"^PV\d{2}$")),
    ("jeugdregios", "jeugdregio", re.compile(r"^JZ\d{2}$")),
    ("arbeidsmarktregios", "arbeidsmarktregio", re.compile(r"^AM\d{2}$")),
]
# A municipality's memberships: its key in the file and the list the code must be in.
MEMBERSHIPS = [
    ("province", "provinces"),
    ("arbeidsmarktregio", "arbeidsmarktregios"),
    ("jeugdregio", "jeugdregios"),
]
# CBS province codes to the ISO codes of Regio.province (Provincie).
PROVINCE_ISO = {
    "PV20": "NL-GR",
    "PV21": "NL-FR",
    "PV22": "NL-DR",
    "PV23": "NL-OV",
    "PV24": "NL-FL",
    "PV25": "NL-GE",
    "PV26": "NL-UT",
    "PV27": "NL-NH",
    "PV28": "NL-ZH",
    "PV29": "NL-ZE",
    "PV30": "NL-NB",
    "PV31": "NL-LI",
}
MAX_ERRORS = 10


class RegionDataError(ValueError):
    """The regions file cannot be used; the message says why, in Dutch."""


def normalise(name):
    """Compare names loosely: case, accents, hyphens and spaces do not count."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def read(path=DATA_FILE):
    """The checked contents of a regions file; raises RegionDataError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RegionDataError(f"Het bestand {path} bestaat niet.") from None
    except UnicodeDecodeError:
        raise RegionDataError(f"Het bestand {path} is geen UTF-8-tekst.") from None
    except OSError as exc:
        raise RegionDataError(f"Het bestand {path} kan niet gelezen worden ({exc}).") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RegionDataError(
            f"Het bestand {path.name} is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})."
        ) from None
    check(data)
    return data


def check(data):
    """Raise RegionDataError listing what is wrong with ``data`` (at most ten points)."""
    if not isinstance(data, dict):
        raise RegionDataError("Het regiobestand moet een JSON-object zijn.")
    errors = []
    codes = {}
    for key, _kind, pattern in LISTS:
        entries = data.get(key)
        if not isinstance(entries, list) or not entries:
            errors.append(f"De lijst '{key}' ontbreekt of is leeg.")
            continue
        codes[key] = set()
        for number, entry in enumerate(entries, 1):
            where = f"{key}, nummer {number}"
            if not isinstance(entry, dict):
                errors.append(f"{where}: geen object.")
                continue
            code, name = entry.get("code"), entry.get("name")
            if not isinstance(code, str) or not pattern.match(code):
                errors.append(f"{where}: ongeldige CBS-code {code!r}.")
            elif code in codes[key]:
                errors.append(f"{where}: de code {code} staat er twee keer in.")
            else:
                codes[key].add(code)
            if not isinstance(name, str) or not name.strip():
                errors.append(f"{where}: de naam ontbreekt.")
            for coordinate in ("lat", "lon"):
                value = entry.get(coordinate)
                if value is not None and not isinstance(value, (int, float)):
                    errors.append(f"{where}: '{coordinate}' is geen getal.")
    for entry in data.get("gemeenten") or []:
        if not isinstance(entry, dict):
            continue
        for field, key in MEMBERSHIPS:
            if key in codes and entry.get(field) not in codes[key]:
                errors.append(
                    f"Gemeente {entry.get('code')}: onbekende {field} {entry.get(field)!r}."
                )
    mergers = data.get("mergers", [])
    if not isinstance(mergers, list):
        errors.append("De lijst 'mergers' moet een lijst zijn.")
        mergers = []
    municipalities = codes.get("gemeenten", set())
    for number, entry in enumerate(mergers, 1):
        if not isinstance(entry, dict):
            errors.append(f"mergers, nummer {number}: geen object.")
            continue
        old, new = entry.get("old_code"), entry.get("new_code")
        if not isinstance(old, str) or not LISTS[0][2].match(old):
            errors.append(f"mergers, nummer {number}: ongeldige oude code {old!r}.")
        elif old in municipalities:
            errors.append(f"mergers, nummer {number}: {old} is nog een bestaande gemeente.")
        if new not in municipalities:
            errors.append(f"mergers, nummer {number}: onbekende nieuwe gemeente {new!r}.")
        if not isinstance(entry.get("old_name"), str) or not entry["old_name"].strip():
            errors.append(f"mergers, nummer {number}: de oude naam ontbreekt.")
    if errors:
        shown = "\n".join(f"- {error}" for error in errors[:MAX_ERRORS])
        more = len(errors) - MAX_ERRORS
        tail = f"\n… en nog {more} fout(en)." if more > 0 else ""
        raise RegionDataError(f"Het regiobestand klopt niet:\n{shown}{tail}")


def load(data, Regio, Herindeling):
    """Create or update every region in ``data``; returns a Counter of what changed.

    Run it inside a transaction: it saves in bulk and a failure must leave nothing.
    """
    check(data)
    existing = list(Regio.objects.all())
    by_code = {r.cbs_code.upper(): r for r in existing if r.cbs_code}
    by_name = {(r.kind, normalise(r.name)): r for r in existing if not r.cbs_code}
    slugs = {r.slug for r in existing}
    counts = Counter()
    regions = {}  # code -> Regio (saved or to create)
    new, changed = [], []
    for key, kind, _pattern in LISTS:
        for entry in data[key]:
            code = entry["code"]
            region = by_code.get(code)
            if region is not None:
                region.name = entry["name"]
            else:
                region = by_name.pop((kind, normalise(entry["name"])), None)
            if region is None:
                region = Regio(name=entry["name"], slug=_free_slug(entry["name"], kind, slugs))
                new.append(region)
                counts[f"nieuw: {kind}"] += 1
            else:
                changed.append(region)
                counts[f"bijgewerkt: {kind}"] += 1
            region.kind, region.cbs_code = kind, code
            if region.latitude is None and entry.get("lat") is not None:
                region.latitude, region.longitude = entry["lat"], entry["lon"]
            regions[code] = region
    members = _members(data)
    province_of = {e["code"]: e["province"] for e in data["gemeenten"]}
    for code, region in regions.items():  # municipalities first: groups look at them
        _set_province_and_place(region, code, members, regions, province_of)
    Regio.objects.bulk_create(new)
    fields = ["name", "kind", "cbs_code", "province", "latitude", "longitude"]
    Regio.objects.bulk_update(changed, fields, batch_size=200)
    _save_memberships(Regio, regions, members)
    counts.update(_save_mergers(Herindeling, data.get("mergers", []), regions))
    return counts


def _free_slug(name, kind, taken):
    base = slugify(name)[:130] or kind
    for slug in (base, f"{base}-{kind}"):
        if slug not in taken:
            taken.add(slug)
            return slug
    number = 2
    while f"{base}-{kind}-{number}" in taken:
        number += 1
    taken.add(f"{base}-{kind}-{number}")
    return f"{base}-{kind}-{number}"


def _members(data):
    """Group code -> the codes of its municipalities."""
    members = {}
    for entry in data["gemeenten"]:
        for field, _key in MEMBERSHIPS:
            members.setdefault(entry[field], []).append(entry["code"])
    return members


def _set_province_and_place(region, code, members, regions, province_of):
    if region.kind == "gemeente":
        region.province = PROVINCE_ISO[province_of[code]]
        return
    if region.kind == "provincie":
        region.province = PROVINCE_ISO.get(code, "")
    else:
        # A labour-market or youth-care region may cross a border: take the province
        # most of its municipalities are in.
        provinces = Counter(regions[m].province for m in members.get(code, []))
        region.province = provinces.most_common(1)[0][0] if provinces else ""
    if region.latitude is None:
        points = [regions[m] for m in members.get(code, []) if regions[m].latitude is not None]
        if points:
            region.latitude = round(sum(float(p.latitude) for p in points) / len(points), 5)
            region.longitude = round(sum(float(p.longitude) for p in points) / len(points), 5)


def _save_memberships(Regio, regions, members):
    """Each group's municipalities, replaced as a whole; rows for other links stay."""
    Through = Regio.municipalities.through
    groups = [regions[code] for code in members]
    Through.objects.filter(from_regio__in=groups).delete()
    Through.objects.bulk_create(
        [
            Through(from_regio_id=regions[group].pk, to_regio_id=regions[member].pk)
            for group, codes in members.items()
            for member in codes
        ],
        batch_size=500,
    )


def _save_mergers(Herindeling, mergers, regions):
    counts = Counter()
    existing = {h.old_code: h for h in Herindeling.objects.all()}
    for entry in mergers:
        target = regions[entry["new_code"]]
        values = {"old_name": entry["old_name"], "regio": target, "date": entry.get("date")}
        row = existing.get(entry["old_code"])
        if row is None:
            Herindeling.objects.create(old_code=entry["old_code"], **values)
            counts["nieuw: herindeling"] += 1
        else:
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
            counts["bijgewerkt: herindeling"] += 1
    return counts
