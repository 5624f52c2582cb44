"""The published table behind one chart: exclusive overlap cells, set totals and
the population, with disclosure control applied."""

from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
from django.utils.translation import gettext as _

from .. import disclosure
from ..importer import exclusive_counts
from ..models import Figure
from ..models.figures import POPULATION, combination_key

POPULATION_KEY = "population"


def cell_key(combo):
    return "cell:" + combination_key(combo)


def set_key(code):
    return "set:" + code


@dataclass
class Row:
    key: str
    label: str
    value: int
    status: str
    layout: float = 0.0

    @property
    def shown(self):
        return self.status == disclosure.SHOWN

    @property
    def display(self):
        return disclosure.display(self.value, self.status)


@dataclass
class ChartTable:
    dataset: object
    region: object  # a Regio, or None for the whole country
    kenmerken: list  # Kenmerk objects sorted by code
    rows: dict = field(default_factory=dict)  # key -> Row, in display order

    @property
    def codes(self):
        return [k.code for k in self.kenmerken]

    @property
    def region_name(self):
        return self.region.name if self.region else _("Nederland")

    @property
    def population(self):
        return self.rows[POPULATION_KEY]

    @property
    def all_of_them(self):
        return self.rows[cell_key(self.codes)]

    def cells(self, include_none=False):
        return [
            row
            for key, row in self.rows.items()
            if key.startswith("cell:") and (include_none or key != "cell:")
        ]

    def sets(self):
        return [self.rows[set_key(code)] for code in self.codes]

    def percentage(self, row):
        """Share of the population, only for counts that are themselves shown."""
        if not (row.shown and self.population.shown and self.population.value):
            return None
        return 100 * row.value / self.population.value

    def display_percentage(self, row):
        share = self.percentage(row)
        if share is None:
            return ""
        return f"{share:.1f}".replace(".", ",") + "%"

    def relations(self):
        return relations_for(self.codes)


def relations_for(codes):
    subsets = [c for size in range(1, len(codes) + 1) for c in combinations(codes, size)]
    relations = [
        disclosure.Relation(set_key(code), tuple(cell_key(c) for c in subsets if code in c))
        for code in codes
    ]
    relations.append(
        disclosure.Relation(POPULATION_KEY, (cell_key(()),) + tuple(cell_key(c) for c in subsets))
    )
    return relations


def combination_label(combo, labels, total):
    if not combo:
        return _("Geen van deze kenmerken")
    names = [labels[code] for code in combo]
    if len(combo) == total:
        return _("Alle kenmerken: %(names)s") % {"names": ", ".join(names)}
    return _("Alleen %(names)s") % {"names": " + ".join(names)}


def build_table(dataset, region, kenmerken):
    """The protected table, or None when the dataset lacks figures for this region."""
    kenmerken = sorted(kenmerken, key=lambda k: k.code)
    codes = [k.code for k in kenmerken]
    wanted = [
        combination_key(c) for size in range(len(codes) + 1) for c in combinations(codes, size)
    ]
    counts = dict(
        Figure.objects.filter(dataset=dataset, region=region, combination__in=wanted).values_list(
            "combination", "count"
        )
    )
    if set(counts) != set(wanted):
        return None
    labels = {k.code: k.label for k in kenmerken}
    exclusive = exclusive_counts(counts, codes)
    table = ChartTable(dataset=dataset, region=region, kenmerken=kenmerken)
    values = {POPULATION_KEY: counts[POPULATION]}
    names = {POPULATION_KEY: _("Alle jongeren van 16 tot 27 jaar")}
    for code in codes:
        values[set_key(code)] = counts[code]
        names[set_key(code)] = labels[code]
    ordered = sorted(exclusive, key=lambda c: (-len(c), c)) if codes else []
    for combo in ordered:
        if combo:
            values[cell_key(combo)] = exclusive[combo]
            names[cell_key(combo)] = combination_label(combo, labels, len(codes))
    values[cell_key(())] = exclusive[()]
    names[cell_key(())] = combination_label((), labels, len(codes))
    relations = relations_for(codes)
    sensitive = _differencing_risks(dataset, region, codes, wanted, values)
    status = disclosure.protect(values, relations, never_hide={POPULATION_KEY}, sensitive=sensitive)
    layout = layout_values(values, relations, status)
    for key, value in values.items():
        table.rows[key] = Row(key, names[key], value, status[key], layout[key])
    return table


def _published_values(counts, codes):
    exclusive = exclusive_counts(counts, codes)
    values = {POPULATION_KEY: counts[POPULATION]}
    values.update({set_key(code): counts[code] for code in codes})
    values.update({cell_key(combo): n for combo, n in exclusive.items()})
    return values


def _differencing_risks(dataset, region, codes, wanted, values):
    """Keys of a region's table that, minus its published municipalities, leave a
    small count for the rest of the region; those must not be shown for the region."""
    if region is None:
        return set()
    part_ids = [part.pk for part in region.municipalities.all()]
    if not part_ids:
        return set()
    per_part = {}
    for region_id, combination, count in Figure.objects.filter(
        dataset=dataset, region_id__in=part_ids, combination__in=wanted
    ).values_list("region_id", "combination", "count"):
        per_part.setdefault(region_id, {})[combination] = count
    parts = [counts for counts in per_part.values() if set(counts) == set(wanted)]
    if not parts:
        return set()
    risky = set()
    part_values = [_published_values(counts, codes) for counts in parts]
    for key, value in values.items():
        if key == POPULATION_KEY:
            continue  # populations are public anyway
        rest = value - sum(p[key] for p in part_values)
        if rest < disclosure.THRESHOLD:
            risky.add(key)
    return risky


def layout_values(values, relations, status):
    """Sizes to draw with: real counts where shown, an estimate from the shown counts only
    where hidden, so the geometry never gives a suppressed count away."""
    hidden = [key for key, s in status.items() if s != disclosure.SHOWN]
    layout = {key: float(values[key]) for key, s in status.items() if s == disclosure.SHOWN}
    if hidden:
        index = {key: i for i, key in enumerate(hidden)}
        rows, rhs = [], []
        for relation in relations:
            row = np.zeros(len(hidden))
            constant = 0.0
            for key, sign in [(relation.total, 1.0)] + [(p, -1.0) for p in relation.parts]:
                if key in index:
                    row[index[key]] += sign
                else:
                    constant -= sign * values[key]
            if row.any():
                rows.append(row)
                rhs.append(constant)
        estimate = np.linalg.lstsq(np.array(rows), np.array(rhs), rcond=None)[0] if rows else []
        for key in hidden:
            guess = float(estimate[index[key]]) if rows else 0.0
            if status[key] == disclosure.PRIMARY:
                layout[key] = min(max(guess, 1.0), disclosure.THRESHOLD - 1)
            else:
                layout[key] = max(guess, float(disclosure.THRESHOLD))
    return layout
