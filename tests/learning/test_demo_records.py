"""The kennisbank demo: lessons of 150-400 words that read like databank records, and
guidelines with recommendations, a verantwoording and a change log."""

import re

import pytest
from django.core.management import call_command
from django.utils.text import slugify

from learning import demo_content, demo_details
from learning.demo import lesson_sections
from learning.models import Les, LesVerwant, Richtlijn
from leernetwerk.sitesearch.analysis import plain_text


def _words(text):
    return len(re.findall(r"\S+", text))


@pytest.mark.parametrize("entry", demo_content.L, ids=lambda entry: slugify(entry[0])[:40])
def test_every_demo_lesson_has_150_to_400_words(entry):
    assert 150 <= sum(_words(section) for section in lesson_sections(entry)) <= 400


def test_demo_records_are_complete_and_honest():
    slugs = {slugify(entry[0])[:80] for entry in demo_content.L}
    assert set(demo_details.DETAILS) == slugs
    for slug, (
        _text,
        (age_from, age_to),
        level,
        author,
        _day,
        contact,
        keys,
        related,
    ) in demo_details.DETAILS.items():
        assert 12 <= age_from <= age_to <= 30, slug
        assert level and author and contact[0] and keys, slug
        assert related and slug not in related and set(related) <= slugs, slug
    for title, _by, _year, url in demo_details.SOURCES.values():
        # Only stable home pages; no made-up deep links.
        assert url in ("", "https://www.nji.nl", "https://www.movisie.nl"), title
    for slug, (recommendations, verantwoording, changes) in demo_details.GUIDELINE_DETAILS.items():
        assert 3 <= len(recommendations) <= 6 and all(why for _t, _s, why in recommendations)
        assert verantwoording and 2 <= len(changes) <= 3, slug
        assert len({version for version, _d, _w in changes}) == len(changes), slug


@pytest.mark.django_db
def test_loaded_demo_lessons_and_guidelines_show_their_records(client):
    for _ in range(2):  # idempotent: a second run replaces, never doubles
        call_command("load_demo", only=["learning"], stdout=open("/dev/null", "w"))  # noqa: SIM115
    lessons = Les.objects.live().filter(external_id__startswith="demo-")
    assert lessons.count() == len(demo_content.L)
    for lesson in lessons:
        texts = [lesson.context, lesson.approach, lesson.worked, lesson.did_not_work, lesson.tips]
        assert 150 <= sum(_words(plain_text(text)) for text in texts) <= 400, lesson.title
        assert lesson.sources.count() >= 1 and lesson.evidence_level
    count = sum(len(d[7]) for d in demo_details.DETAILS.values())
    assert LesVerwant.objects.count() == count
    html = client.get("/kennisbank/begin-het-toekomstplan-op-je-zestiende/").content.decode()
    for text in [
        "Over deze les",
        "16 tot 18 jaar",
        "Goed beschreven",
        "Verslag: Tweede leercirkel",
    ]:
        assert text in html, text
    guideline = Richtlijn.objects.get(slug="veldnorm-overgang-18")
    assert guideline.recommendations.count() == 4 and guideline.changes.count() == 3
    html = client.get(guideline.url).content.decode()
    assert "Aanbevelingen" in html and "Wijzigingen per versie" in html
