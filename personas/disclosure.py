"""Statistical disclosure control for the published tables of a chart.

A table is a set of named counts plus additive relations (a total equals the sum
of its parts). Counts below ``THRESHOLD`` are suppressed (primary, shown as
"<10"). Then we play the attacker: knowing every shown count, every relation,
that primary cells lie in [0, 9] and that other hidden cells are at least 10, we
compute with linear programming the smallest and largest value each primary cell
can take. While one of them is pinned to a single value, another shown count in
one of its relations is hidden too (secondary suppression, shown as "x").
"""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

THRESHOLD = 10
SHOWN, PRIMARY, SECONDARY = "shown", "primary", "secondary"
MIN_SPREAD = 1.0  # a pinned cell has no room left; integer tables need at least one step


@dataclass(frozen=True)
class Relation:
    total: str
    parts: tuple


def protect(values, relations, never_hide=(), sensitive=()):
    """Return {key: status}. ``never_hide`` keys are only hidden as a last resort.

    ``sensitive`` keys are hidden (as "x") and protected like small counts, for cells
    whose difference with a published part of the region would be a small count.
    """
    status = {key: PRIMARY if value < THRESHOLD else SHOWN for key, value in values.items()}
    for key in sensitive:
        if status[key] == SHOWN:
            status[key] = SECONDARY
    while True:
        pinned = _pinned_cells(values, relations, status, sensitive)
        if not pinned:
            return status
        candidate = _next_to_hide(pinned[0], values, relations, status, never_hide)
        if candidate is None:
            return status  # everything that could be hidden is hidden
        status[candidate] = SECONDARY


def _next_to_hide(key, values, relations, status, never_hide):
    """The smallest shown count that shares a relation with ``key`` (parts before totals)."""
    options = []
    for relation in relations:
        members = (relation.total, *relation.parts)
        if key not in members:
            continue
        for member in members:
            if status[member] == SHOWN:
                options.append(
                    (member in never_hide, member == relation.total, values[member], member)
                )
    if not options:
        options = [(k in never_hide, True, v, k) for k, v in values.items() if status[k] == SHOWN]
    return min(options)[3] if options else None


def bounds(values, relations, status):
    """What an attacker can learn: {hidden key: (min, max)} from the shown counts."""
    hidden = [key for key, s in status.items() if s != SHOWN]
    if not hidden:
        return {}
    index = {key: i for i, key in enumerate(hidden)}
    rows, rhs = [], []
    for relation in relations:
        row = np.zeros(len(hidden))
        constant = 0.0
        for key, sign in [(relation.total, 1.0)] + [(part, -1.0) for part in relation.parts]:
            if key in index:
                row[index[key]] += sign
            else:
                constant -= sign * values[key]
        if row.any():
            rows.append(row)
            rhs.append(constant)
    limits = [(0, THRESHOLD - 1) if status[key] == PRIMARY else (THRESHOLD, None) for key in hidden]
    result = {}
    for key in hidden:
        objective = np.zeros(len(hidden))
        objective[index[key]] = 1.0
        found = []
        for sign in (1.0, -1.0):
            solution = linprog(
                sign * objective,
                A_eq=np.array(rows) if rows else None,
                b_eq=np.array(rhs) if rows else None,
                bounds=limits,
                method="highs",
            )
            found.append(sign * solution.fun if solution.status == 0 else None)
        result[key] = (found[0], found[1] if found[1] is not None else float("inf"))
    return result


def _pinned_cells(values, relations, status, sensitive=()):
    if PRIMARY not in status.values() and not sensitive:
        return []
    pinned = []
    for key, (low, high) in bounds(values, relations, status).items():
        if status[key] != PRIMARY and key not in sensitive:
            continue
        if low is None or high - low < MIN_SPREAD - 1e-6:
            pinned.append(key)
    return pinned


def display(value, state):
    """How a count is printed: Dutch thousands separator, or its suppression mark."""
    if state == PRIMARY:
        return "<10"
    if state == SECONDARY:
        return "x"
    return f"{value:,}".replace(",", ".")
