"""Participatiescan: a minimum group size for every breakdown, and no group revealed by
subtracting the shown groups from the total."""

import pytest
from django.test import override_settings

from toolkit.scan_results import Spread


def _spread(groups):
    spread = Spread()
    for kind, scores in groups.items():
        for score in scores:
            spread.add(score, kind)
    return spread


def _shown(spread):
    return {label: summary["n"] for label, summary in spread.per_type()}


def test_a_group_of_one_is_never_shown():
    spread = _spread({"zorg": [26], "vso_pro": [10, 20, 30], "werkgevers": [40, 50, 60]})
    shown = _shown(spread)
    assert "Zorg" not in shown
    # Zorg alone would follow from total minus the rest, so one more group is left out.
    assert len(shown) == 1 and sum(shown.values()) == 3


def test_hidden_groups_that_together_reach_the_minimum_need_no_extra_hiding():
    spread = _spread({"zorg": [1, 2], "werkgevers": [3, 4], "vso_pro": [5, 6, 7]})
    assert list(_shown(spread).values()) == [3]  # zorg+werkgevers (4) stay hidden together


def test_too_few_people_overall_shows_nothing():
    spread = _spread({"zorg": [10], "vso_pro": [20]})
    assert spread.summary is None and spread.per_type() == []


@override_settings(PARTICIPATIESCAN_MIN_GROUP=5)
def test_minimum_is_configurable():
    spread = _spread({"zorg": [1, 2, 3, 4], "vso_pro": [5, 6, 7, 8, 9]})
    assert spread.per_type() == [] and spread.summary["n"] == 9


@pytest.mark.parametrize("seed", range(30))
def test_no_subtraction_reveals_a_small_group(seed):
    import random

    rng = random.Random(seed)
    kinds = ["zorg", "vso_pro", "werkgevers", "sociale_dienst", "overig"]
    groups = {k: [rng.randint(0, 100) for _ in range(rng.randint(1, 5))] for k in kinds}
    spread = _spread(groups)
    shown_total = sum(_shown(spread).values())
    hidden_total = sum(len(v) for v in groups.values()) - shown_total
    assert all(n >= 3 for n in _shown(spread).values())
    assert hidden_total == 0 or hidden_total >= 3
