"""Participatiescan: "weet niet" instead of an untouched slider counting as 50, and the
radar chart of the results."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from leernetwerk.core.factories import UserFactory
from leernetwerk.taxonomy.models import Regio
from toolkit.factories import make_scan_factors
from toolkit.models import Antwoord, Deelnemer, Scan


@pytest.fixture
def factors(db):
    return make_scan_factors()


@pytest.fixture
def scan(client, db):
    regio = Regio.objects.create(name="Twente", slug="twente", kind="arbeidsmarktregio")
    coordinator = UserFactory(username="coordinator")
    client.force_login(coordinator)
    client.post(
        reverse("toolkit:scan_nieuw"),
        {"title": "Scan 2026", "regio": regio.pk, "organisatie_type": "zorg"},
    )
    return Scan.objects.get()


def _url(scan):
    return reverse("toolkit:scan_invullen", args=[scan.pk])


def test_untouched_factors_start_as_weet_niet(client, scan, factors):
    html = client.get(_url(scan)).content.decode()
    boxes = re.findall(r'<input type="checkbox" name="(\w+)_weet_niet"[^>]*>', html)
    assert len(boxes) == len(factors) + 1  # every factor plus the overall picture
    assert all(" checked" in box for box in re.findall(r"<input type=\"checkbox\"[^>]*>", html))


def test_weet_niet_is_stored_as_null_and_ignores_the_slider(client, scan, factors):
    data = {f"factor_{f.pk}": 80 for f in factors}
    data[f"factor_{factors[0].pk}_weet_niet"] = "on"
    data[f"factor_{factors[1].pk}"] = "veel"  # slider nonsense does not matter then
    data[f"factor_{factors[1].pk}_weet_niet"] = "on"
    data["algemeen_beeld"] = 50
    data["algemeen_beeld_weet_niet"] = "on"
    assert client.post(_url(scan), data).status_code == 302
    deelnemer = Deelnemer.objects.get(scan=scan)
    scores = dict(deelnemer.antwoorden.values_list("factor_id", "score"))
    assert scores[factors[0].pk] is None and scores[factors[1].pk] is None
    assert scores[factors[2].pk] == 80
    assert deelnemer.algemeen_beeld is None
    # Filling in again shows the earlier choices: weet niet stays ticked, scores stay.
    html = client.get(_url(scan)).content.decode()
    assert re.search(rf'name="factor_{factors[0].pk}_weet_niet"[^>]* checked', html)
    assert not re.search(rf'name="factor_{factors[2].pk}_weet_niet"[^>]* checked', html)


def test_no_score_and_no_weet_niet_gets_a_dutch_message_and_saves_nothing(client, scan, factors):
    data = {f"factor_{f.pk}": 60 for f in factors}
    del data[f"factor_{factors[0].pk}"]
    response = client.post(_url(scan), data)  # algemeen beeld: neither score nor box
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("Geef een score van 0 tot en met 100.") == 2
    assert not Antwoord.objects.exists()
    assert Deelnemer.objects.get(scan=scan).submitted_at is None


@override_settings(PARTICIPATIESCAN_MIN_GROUP=2)
def test_weet_niet_counts_in_no_spread_average_or_group_size(client, scan, factors):
    first = factors[0]
    people = [(20, None), (60, None), (None, 40)]  # (score on the first factor, algemeen)
    for i, (score, algemeen) in enumerate(people):
        d = Deelnemer.objects.create(scan=scan, email=f"p{i}@example.org", organisatie_type="zorg")
        d.antwoorden.create(factor=first, score=score)
        d.algemeen_beeld = algemeen
        d.submitted_at = d.invited_at
        d.save()
    results = client.get(reverse("toolkit:scan_detail", args=[scan.pk])).context["results"]
    row = results["themas"][0][1][0]
    assert row["spread"] == {"min": 20, "median": 40, "max": 60, "n": 2}
    assert row["current"] == 40  # not (20 + 60 + 50) / 3, not (20 + 60 + 0) / 3
    assert results["overall"] is None  # one score for the overall picture: below the minimum


@override_settings(PARTICIPATIESCAN_MIN_GROUP=1)
def test_radar_chart_beside_the_table(client, scan, factors):
    data = {f"factor_{f.pk}": 50 + i for i, f in enumerate(factors)}
    data[f"factor_{factors[2].pk}_weet_niet"] = "on"
    data["algemeen_beeld"] = 70
    client.post(_url(scan), data)
    response = client.get(reverse("toolkit:scan_detail", args=[scan.pk]))
    radar = response.context["radar"]
    assert [s.number for s in radar["spokes"]] == list(range(1, len(factors) + 1))
    assert radar["missing"] == [3]
    assert radar["spokes"][0].point == (200.0, round(200 - 140 * 50 / 100, 1))
    html = response.content.decode()
    assert '<svg class="radar__chart"' in html and 'role="img"' in html
    assert "Zonder gemiddelde (te weinig scores): 3." in html
    assert f"1. {factors[0].name}</th>" in html  # the table carries the spokes' numbers


def test_no_radar_without_figures(client, scan, factors):
    response = client.get(reverse("toolkit:scan_detail", args=[scan.pk]))
    assert response.context["radar"] is None
    assert "radar__chart" not in response.content.decode()
