"""Disclosure control: no count under 10 is shown, and none can be worked out from
the counts that are shown (checked by brute force where the table is small enough,
by linear programming otherwise)."""

import itertools
import random

import pytest

from personas import disclosure
from personas.charts.table import POPULATION_KEY, cell_key, relations_for, set_key


def table_values(cells, codes):
    """Published values (exclusive cells, set totals, population) from exclusive cells."""
    values = {cell_key(combo): n for combo, n in cells.items()}
    for code in codes:
        values[set_key(code)] = sum(n for combo, n in cells.items() if code in combo)
    values[POPULATION_KEY] = sum(cells.values())
    return values


def all_cells(codes):
    return [c for size in range(len(codes) + 1) for c in itertools.combinations(codes, size)]


def random_cells(codes, rng, small_share=0.3):
    cells = {}
    for combo in all_cells(codes):
        if combo and rng.random() < small_share:
            cells[combo] = rng.randint(0, 9)
        else:
            cells[combo] = rng.randint(10, 60)
    return cells


def check_no_small_count_shown(values, status):
    for key, value in values.items():
        if value < disclosure.THRESHOLD:
            assert status[key] != disclosure.SHOWN, key
        assert disclosure.display(value, status[key]) != str(value) or value >= 10


def check_no_single_subtraction(values, relations, status):
    """No relation leaves exactly one hidden member: that one would be a subtraction away."""
    for relation in relations:
        members = (relation.total, *relation.parts)
        hidden = [m for m in members if status[m] != disclosure.SHOWN]
        assert len(hidden) != 1, (relation, hidden)


def test_small_counts_are_shown_as_less_than_ten():
    assert disclosure.display(7, disclosure.PRIMARY) == "<10"
    assert disclosure.display(0, disclosure.PRIMARY) == "<10"
    assert disclosure.display(25, disclosure.SECONDARY) == "x"
    assert disclosure.display(12345, disclosure.SHOWN) == "12.345"


def test_one_small_cell_gets_a_partner_in_every_relation():
    codes = ["A", "B"]
    cells = {(): 500, ("A",): 40, ("B",): 30, ("A", "B"): 4}
    values = table_values(cells, codes)
    relations = relations_for(codes)
    status = disclosure.protect(values, relations, never_hide={POPULATION_KEY})
    assert status[cell_key(("A", "B"))] == disclosure.PRIMARY
    assert disclosure.SECONDARY in status.values()
    check_no_small_count_shown(values, status)
    check_no_single_subtraction(values, relations, status)
    assert status[POPULATION_KEY] == disclosure.SHOWN


def test_two_zero_cells_are_not_left_to_sum_to_zero():
    """Hiding two zeros together is not enough: their derivable sum 0 gives both away."""
    values = {"total": 20, "a": 0, "b": 0, "c": 20}
    relations = [disclosure.Relation("total", ("a", "b", "c"))]
    status = disclosure.protect(values, relations)
    assert status["c"] == disclosure.SECONDARY


def brute_force_solutions(values, status, codes):
    """Every integer table consistent with what is shown (2 sets; population is shown).

    Only the overlap cells are free: the "none" cell and all totals follow from them.
    """
    free = [c for c in all_cells(codes) if c]
    population = values[POPULATION_KEY]

    def fits(key, value):
        if status[key] == disclosure.SHOWN:
            return value == values[key]
        if status[key] == disclosure.PRIMARY:
            return 0 <= value < disclosure.THRESHOLD
        return value >= disclosure.THRESHOLD

    def options(combo):
        key = cell_key(combo)
        if status[key] == disclosure.SHOWN:
            return [values[key]]
        if status[key] == disclosure.PRIMARY:
            return range(disclosure.THRESHOLD)
        caps = [values[set_key(c)] for c in combo if status[set_key(c)] == disclosure.SHOWN]
        return range(disclosure.THRESHOLD, min(caps or [population]) + 1)

    for guess in itertools.product(*(options(c) for c in free)):
        world = dict(zip(free, guess, strict=True))
        world[()] = population - sum(guess)
        candidate = table_values(world, codes)
        if all(fits(key, value) for key, value in candidate.items()):
            yield candidate


@pytest.mark.parametrize("seed", range(30))
def test_two_set_tables_brute_force(seed):
    """Try every possible value of the hidden cells: each small one keeps two or more."""
    rng = random.Random(seed)
    codes = ["A", "B"]
    cells = {(): rng.randint(10, 30)}
    for combo in (("A",), ("B",), ("A", "B")):
        cells[combo] = rng.randint(0, 9) if rng.random() < 0.5 else rng.randint(10, 25)
    values = table_values(cells, codes)
    relations = relations_for(codes)
    status = disclosure.protect(values, relations, never_hide={POPULATION_KEY})
    check_no_small_count_shown(values, status)
    check_no_single_subtraction(values, relations, status)
    solutions = list(brute_force_solutions(values, status, codes))
    assert solutions, "the true table must be one of the solutions"
    for key, state in status.items():
        if state == disclosure.PRIMARY:
            assert len({s[key] for s in solutions}) >= 2, (key, cells, status)


@pytest.mark.parametrize("n_codes", [3, 4])
@pytest.mark.parametrize("seed", range(6))
def test_larger_tables_leave_every_small_cell_open(n_codes, seed):
    rng = random.Random(100 * n_codes + seed)
    codes = ["A", "B", "C", "D"][:n_codes]
    values = table_values(random_cells(codes, rng), codes)
    relations = relations_for(codes)
    status = disclosure.protect(values, relations, never_hide={POPULATION_KEY})
    check_no_small_count_shown(values, status)
    check_no_single_subtraction(values, relations, status)
    for key, (low, high) in disclosure.bounds(values, relations, status).items():
        if status[key] == disclosure.PRIMARY:
            assert high - low >= 1 - 1e-6, (key, low, high)
            assert low <= values[key] <= high


def test_tables_without_small_counts_show_everything():
    codes = ["A", "B", "C"]
    values = table_values(dict.fromkeys(all_cells(codes), 50), codes)
    status = disclosure.protect(values, relations_for(codes))
    assert set(status.values()) == {disclosure.SHOWN}
