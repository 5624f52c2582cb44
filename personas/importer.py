"""Read, validate, save and export the CSV of regional figures.

Format (comma or semicolon separated, UTF-8, header on row 1):

    regio,kenmerken,aantal
    NL,totaal,2500000          population of the age group in the region
    NL,NEET,180000             young people with at least these characteristics
    GM0983,GSQ+NEET,120        ... combinations joined by "+"

``regio`` is a CBS code (also the code of a merged municipality), the name
("Amsterdam", any case) or slug of a taxonomy region, or NL for the whole
country. Every region needs the population and every combination of the
characteristics used in the file. The whole file is checked before anything is
written; errors carry the row number as a spreadsheet shows it.
"""

import csv
import io
from dataclasses import dataclass, field
from itertools import combinations

from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from leernetwerk.taxonomy.lookup import RegionLookup, RegionNotFound

from .models import Dataset, Figure, Kenmerk
from .models.figures import COMBINATION_SEPARATOR, NATIONAL_CODE, combination_key

HEADER = ["regio", "kenmerken", "aantal"]
POPULATION_WORD = "totaal"
MAX_KENMERKEN = 8  # 2**8 combinations per region is already 256 rows
MAX_ERRORS = 200


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)  # (row_number, region or None, combination, count)
    errors: list = field(default_factory=list)  # (row_number or None, message)
    kenmerken: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.errors and bool(self.rows)

    @property
    def regions(self):
        seen = {}
        for _row, region, _combination, _count in self.rows:
            seen.setdefault(region.pk if region else None, region)
        return list(seen.values())

    def error(self, row, message):
        if len(self.errors) < MAX_ERRORS:
            self.errors.append((row, message))


def _decode(data):
    if isinstance(data, bytes):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
    return data.lstrip("\ufeff")


def _reader(text):
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return csv.reader(io.StringIO(text), delimiter=delimiter)


def validate(data, dataset, progress=False):
    """Parse and check the whole file; returns an ImportResult with rows or errors."""
    result = ImportResult()
    text = _decode(data)
    if text is None:
        result.error(None, _("Het bestand is geen UTF-8-tekst. Sla het op als CSV (UTF-8)."))
        return result
    lines = list(_reader(text))
    if not lines or [cell.strip().lower() for cell in lines[0]] != HEADER:
        result.error(1, _("De eerste rij moet de kolommen regio, kenmerken, aantal bevatten."))
        return result
    regions = RegionLookup()  # code, old (merged) code, name or slug
    kenmerken = {k.code.lower(): k for k in Kenmerk.objects.all()}
    seen = {}  # (region key, combination) -> row
    values = {}  # region key -> {combination: count}
    region_rows = {}  # region key -> first row
    used_codes = set()
    for number, cells in enumerate(tqdm(lines[1:], disable=not progress, desc="Controleren"), 2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != 3:
            result.error(
                number, _("Deze rij heeft %(n)d kolommen in plaats van 3.") % {"n": len(cells)}
            )
            continue
        region_code, combination_text, count_text = (cell.strip() for cell in cells)
        ok = True
        if region_code.upper() == NATIONAL_CODE:
            region = None
        else:
            try:
                region = regions.find(region_code)
            except RegionNotFound as exc:
                region = None
                result.error(number, str(exc))
                ok = False
            if region is not None and not dataset.allows(region):
                result.error(
                    number,
                    _("%(region)s past niet bij het regioniveau van de dataset (%(level)s).")
                    % {"region": region, "level": dataset.get_region_level_display()},
                )
                ok = False
        codes = []
        if combination_text.lower() == POPULATION_WORD:
            pass
        elif not combination_text:
            result.error(
                number, _("De kolom kenmerken is leeg (gebruik 'totaal' voor de bevolking).")
            )
            ok = False
        else:
            for code in combination_text.split(COMBINATION_SEPARATOR):
                kenmerk = kenmerken.get(code.strip().lower())
                if kenmerk is None:
                    result.error(number, _("Onbekend kenmerk '%(code)s'.") % {"code": code.strip()})
                    ok = False
                elif kenmerk.code in codes:
                    result.error(
                        number,
                        _("Kenmerk %(code)s staat dubbel in de combinatie.")
                        % {"code": kenmerk.code},
                    )
                    ok = False
                else:
                    codes.append(kenmerk.code)
        try:
            count = int(count_text)
        except ValueError:
            result.error(
                number, _("Het aantal '%(value)s' is geen geheel getal.") % {"value": count_text}
            )
            ok = False
        else:
            if count < 0:
                result.error(number, _("Het aantal %(count)d is negatief.") % {"count": count})
                ok = False
        if not ok:
            continue
        key = combination_key(codes)
        region_key = region.pk if region else None
        if (region_key, key) in seen:
            result.error(
                number,
                _("Deze combinatie staat al in rij %(row)d voor dezelfde regio.")
                % {"row": seen[(region_key, key)]},
            )
            continue
        seen[(region_key, key)] = number
        region_rows.setdefault(region_key, (number, region))
        values.setdefault(region_key, {})[key] = count
        used_codes.update(codes)
        result.rows.append((number, region, key, count))
    if len(used_codes) > MAX_KENMERKEN:
        result.error(
            None, _("Een bestand mag hoogstens %(n)d kenmerken bevatten.") % {"n": MAX_KENMERKEN}
        )
    if not result.errors:
        _check_combinations(result, values, region_rows, seen, sorted(used_codes))
    if not result.rows and not result.errors:
        result.error(None, _("Het bestand bevat geen cijfers."))
    if result.errors:
        result.rows = []
    else:
        result.kenmerken = [kenmerken[code.lower()] for code in sorted(used_codes)]
    return result


def _subsets(codes):
    for size in range(len(codes) + 1):
        yield from combinations(codes, size)


def _check_combinations(result, values, region_rows, seen, codes):
    """Complete, and consistent: no intersection exceeds its sets, no region count is negative."""
    all_keys = [(combination_key(c), c) for c in _subsets(codes)]
    for region_key, counts in values.items():
        first_row, region = region_rows[region_key]
        name = str(region) if region else _("Nederland")
        missing = [key or POPULATION_WORD for key, _c in all_keys if key not in counts]
        if missing:
            result.error(
                first_row,
                _("Voor %(region)s (vanaf rij %(row)d) ontbreken de combinaties: %(missing)s.")
                % {"region": name, "row": first_row, "missing": ", ".join(missing)},
            )
            continue
        for key, combo in all_keys:
            for drop in combo:
                smaller = combination_key(c for c in combo if c != drop)
                if counts[key] > counts[smaller]:
                    result.error(
                        seen[(region_key, key)],
                        _(
                            "%(combo)s (%(count)d) is groter dan %(smaller)s (%(smaller_count)d) "
                            "in rij %(row)d: een overlap kan niet groter zijn dan de groep zelf."
                        )
                        % {
                            "combo": key,
                            "count": counts[key],
                            "smaller": smaller or POPULATION_WORD,
                            "smaller_count": counts[smaller],
                            "row": seen[(region_key, smaller)],
                        },
                    )
        if result.errors:
            continue
        exclusive = exclusive_counts(counts, codes)
        for combo, count in exclusive.items():
            if count < 0:
                label = combination_key(combo) or _("geen van de kenmerken")
                result.error(
                    first_row,
                    _(
                        "De aantallen voor %(region)s (vanaf rij %(row)d) tellen niet op: "
                        "de groep met precies %(label)s zou %(count)d jongeren tellen."
                    )
                    % {"region": name, "row": first_row, "label": label, "count": count},
                )


def exclusive_counts(counts, codes):
    """Counts of young people with exactly each subset of ``codes`` (Möbius inversion).

    ``counts`` maps combination keys to "at least these" counts; the result maps
    tuples of codes (sorted as ``codes``) to "exactly these, none of the others".
    """
    n = len(codes)
    f = [0] * (1 << n)
    for mask in range(1 << n):
        f[mask] = counts[combination_key(codes[i] for i in range(n) if mask >> i & 1)]
    for i in range(n):
        bit = 1 << i
        for mask in range(1 << n):
            if not mask & bit:
                f[mask] -= f[mask | bit]
    return {tuple(codes[i] for i in range(n) if mask >> i & 1): f[mask] for mask in range(1 << n)}


@transaction.atomic
def save(result, dataset, progress=False):
    """Replace the dataset's figures by the validated rows, all or nothing."""
    if not result.is_valid:
        raise ValueError("Alleen een gecontroleerd, foutloos bestand kan worden opgeslagen.")
    dataset = Dataset.objects.select_for_update().get(pk=dataset.pk)
    dataset.figures.all().delete()
    figures = [
        Figure(dataset=dataset, region=region, combination=key, count=count)
        for _row, region, key, count in result.rows
    ]
    batch = 1000
    with tqdm(total=len(figures), disable=not progress, desc="Opslaan") as bar:
        for start in range(0, len(figures), batch):
            Figure.objects.bulk_create(figures[start : start + batch])
            bar.update(len(figures[start : start + batch]))
    dataset.kenmerken.set(result.kenmerken)
    dataset.save()  # bumps the version, which invalidates cached charts
    return len(figures)


def export(dataset):
    """The dataset's figures as CSV text in the import format."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    figures = dataset.figures.select_related("region")
    rows = []
    for figure in figures:
        if figure.region is None:
            region = NATIONAL_CODE
        else:
            region = figure.region.cbs_code or figure.region.slug
        combo = figure.combination or POPULATION_WORD
        sort_key = (
            figure.region is not None,
            region,
            figure.combination.count(COMBINATION_SEPARATOR) + bool(figure.combination),
            figure.combination,
        )
        rows.append((sort_key, [region, combo, figure.count]))
    for _key, row in sorted(rows):
        writer.writerow(row)
    return out.getvalue()
