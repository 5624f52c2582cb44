"""From the words typed to the concepts every backend scores (learning/search/plan.py)."""

import pytest

from learning.models import Synoniemgroep
from learning.search import synonyms
from learning.search.plan import (
    FUZZY_WEIGHTS,
    RELATED_WEIGHT,
    Alternative,
    build,
)
from learning.search.vocabulary import Vocabulary

pytestmark = pytest.mark.django_db


def vocabulary(*words):
    """A vocabulary of these words (each used on one page)."""
    from leernetwerk.sitesearch.analysis import tokens

    term_of = {w: tokens(w)[0].term for w in words}
    return Vocabulary(list(words), dict.fromkeys(words, 1), term_of, frozenset(term_of.values()))


@pytest.fixture(autouse=True)
def _only_our_synonyms():
    # The seeded lexicon would expand the words below too; these tests bring their own.
    Synoniemgroep.objects.all().delete()
    synonyms.clear_cache()
    yield
    synonyms.clear_cache()


def texts(plan):
    return [concept.text for concept in plan.concepts]


@pytest.mark.parametrize(
    "question", ["hoe kom ik als jongere aan een woning?", "hoe help ik een jongere aan een woning"]
)
def test_question_and_stop_words_drop_out(question):
    plan = build(question, vocabulary("jongere", "woning", "help"))
    assert texts(plan) == ["jongere", "woning"]
    assert plan.minimum == 1


def test_long_questions_need_more_than_one_concept():
    words = "schulden uitkering kamer huur jongere coach"
    plan = build(words, vocabulary(*words.split()))
    assert len(plan.concepts) == 6 and plan.minimum == 3


def test_same_word_twice_is_one_concept():
    plan = build("jongere jongeren", vocabulary("jongere"))
    assert len(plan.concepts) == 1


def test_lexicon_expands_both_ways_and_multi_word():
    Synoniemgroep.objects.create(terms="RMC\nregionaal meld- en coördinatiepunt")
    vocab = vocabulary("rmc", "regionaal", "meld", "coordinatiepunt")
    short = build("rmc", vocab).concepts[0]
    long = build("Regionaal Meld- en Coördinatiepunt", vocab).concepts
    assert len(long) == 1  # the expression is one concept
    assert {alt.terms for alt in short.wholes} == {alt.terms for alt in long[0].wholes} - {
        alt.terms for alt in long[0].wholes if len(alt.terms) == 1 and alt.weight < 1
    }
    assert any(len(alt.terms) == 3 for alt in short.wholes)


def test_related_terms_weigh_less():
    Synoniemgroep.objects.create(terms="drugsgebruik\nblowen", kind="verwant")
    concept = build("drugsgebruik", vocabulary("drugsgebruik", "blowen")).concepts[0]
    weights = {alt.terms: alt.weight for alt in concept.wholes}
    assert weights == {("drugsgebruik",): 1.0, ("blow",): RELATED_WEIGHT}


def test_typo_is_corrected_to_the_closest_known_word_with_its_parts():
    vocab = vocabulary("schuldhulpverlening", "schulden", "hulp")
    plan = build("schuldhulpverleneing", vocab)
    (concept,) = plan.concepts
    assert concept.corrected == "schuldhulpverlening"
    assert concept.wholes[-1] == Alternative(("schuldhulpverleen",), FUZZY_WEIGHTS[1])
    assert "schuld" in concept.leaves  # "hulp bij schulden" still counts
    assert plan.suggestion == "schuldhulpverlening"


def test_typo_wins_over_falling_apart_into_fragments():
    # Without the known word, "zorgverzekring" would split into zorg + verz + kring.
    plan = build("zorgverzekring 18", vocabulary("zorgverzekering", "zorg", "kring"))
    assert plan.concepts[0].corrected == "zorgverzekering"
    assert plan.suggestion == "zorgverzekering 18"


def test_short_and_known_words_are_not_corrected():
    plan = build("neet woning", vocabulary("meet", "weet", "woning"))
    assert plan.suggestion is None  # four letters: too many neighbours to guess from
    assert [c.wholes for c in plan.concepts][0] == [Alternative(("neet",))]


def test_unknown_compound_is_matched_by_its_parts():
    (concept,) = build("woonbegeleiding", vocabulary("wonen", "begeleiding")).concepts
    assert concept.leaves == ("woon", "begeleid")
    assert concept.need == 2 and concept.corrected is None
