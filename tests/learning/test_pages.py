"""Page types: rendering, validation, parent rules and listing query counts."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.factories import add_les
from learning.models import KennisbankPage, Leercirkel, Les, Richtlijn

pytestmark = pytest.mark.django_db


def test_lesson_page_shows_every_part(client, content):
    html = client.get(content["wonen"].url).content.decode()
    for text in [
        "Een eigen woning vinden",
        "Jongeren vonden sneller een woning",
        "De situatie",
        "Wonen",
        "Welzijn",
        "Venlo",
        "Ervaringskennis",
        "coaching",
        "Tweede leercirkel",
    ]:
        assert text in html


def test_leercirkel_lists_its_lessons(client, content):
    html = client.get(content["cirkel"].url).content.decode()
    assert "Leercirkel" in html
    assert "Lessen uit deze bijeenkomst" in html
    assert "Een eigen woning vinden" in html
    assert "Van school naar werk" not in html


def test_leercirkel_without_lessons_says_so(client, kennisbank):
    from learning.factories import add_leercirkel

    page = add_leercirkel(kennisbank, "Werksessie praktijkleren", kind="werksessie")
    html = client.get(page.url).content.decode()
    assert "Werksessie" in html
    assert "nog geen lessen" in html


def test_guideline_page_shows_status_and_related_lessons(client, content):
    from learning.models import RichtlijnLes

    guideline = content["guideline"]
    guideline.related_lessons.set([RichtlijnLes(les=content["werk"])])
    guideline.review_date = datetime.date(2000, 1, 1)
    guideline.save_revision().publish()
    html = client.get(guideline.url).content.decode()
    assert "Vastgesteld" in html
    assert "Van school naar werk" in html
    assert "herziening is te laat" in html


def test_learned_at_must_be_a_session_or_pilot(content, home):
    les = content["amv"]
    les.learned_at = home
    with pytest.raises(ValidationError) as exc:
        les.full_clean()
    assert "leercirkel" in str(exc.value)
    les.learned_at = content["cirkel"]
    les.full_clean()


def test_kennisbronnen_reject_unknown_values(content):
    les = content["amv"]
    les.kennisbronnen = ["onzin"]
    with pytest.raises(ValidationError):
        les.full_clean()


def test_page_tree_rules():
    assert Les.allowed_parent_page_models() == [KennisbankPage]
    assert set(KennisbankPage.allowed_subpage_models()) == {Les, Leercirkel, Richtlijn}
    assert Richtlijn.allowed_subpage_models() == []


def test_kennisbank_page_lists_everything_without_a_query(client, content):
    html = client.get("/kennisbank/").content.decode()
    assert "5 resultaten" in html
    assert 'name="levensgebied"' in html


def test_kennisbank_query_count_does_not_grow(client, kennisbank):
    def add(start, n):
        for i in range(start, start + n):
            add_les(kennisbank, f"Les nummer {i}", domains=["werk"], tags=[f"t{i}"])

    def count(params):
        client.get("/kennisbank/", params)  # warm caches
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/kennisbank/", params).status_code == 200
        return len(ctx.captured_queries)

    add(0, 3)
    small = [count({}), count({"q": "les", "levensgebied": "werk"})]
    add(3, 12)
    large = [count({}), count({"q": "les", "levensgebied": "werk"})]
    assert small == large
