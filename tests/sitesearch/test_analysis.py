"""The Dutch analysis chain (leernetwerk.sitesearch): stems, plurals, compounds.

The word pairs in learning/data/word_pairs.json are the field's own list of words
that must not meet (wonen/gewoon) and forms that must (schuld/schulden)."""

import json
from pathlib import Path

import pytest

from leernetwerk.sitesearch import compounds
from leernetwerk.sitesearch.analysis import stem, tokens

PAIRS = json.loads(
    (Path(__file__).resolve().parents[2] / "learning" / "data" / "word_pairs.json").read_text(
        encoding="utf-8"
    )
)
# Forms the chain does not join yet, each for a reason:
KNOWN_APART = {
    # "thuisloos" is too rare in the word list to recognise "thuisloze" as its form.
    ("thuisloos", "thuisloze"),
    # A verb and its -atie noun: the stemmer has no derivation rules.
    ("participeren", "participatie"),
}


def terms(text):
    return {t.term for t in tokens(text)}


@pytest.mark.parametrize("first,second,why", PAIRS["must_not_match"])
def test_unrelated_words_stay_apart(first, second, why):
    assert not terms(first) & terms(second), why


@pytest.mark.parametrize("first,second,why", PAIRS["must_match"])
def test_forms_of_one_word_meet(first, second, why):
    if (first, second) in KNOWN_APART:
        assert not terms(first) & terms(second), "known apart: remove it from KNOWN_APART"
        return
    assert terms(first) & terms(second), why


@pytest.mark.parametrize(
    "word,expected",
    [
        ("gewoon", "gewoon"),  # the stemmer alone: woon, as wonen
        ("begeleiding", "begeleid"),  # the stemmer alone: beleid
        ("gezinnen", "gezin"),  # the stemmer alone: zin
        ("werkgever", "werkgever"),  # the stemmer alone: werkver
        ("schulden", "schuld"),  # the stemmer alone: schul
        ("toeslagen", "toeslag"),  # the stemmer alone: toeslaag
        ("woont", "woon"),  # a verb form meets its infinitive (wonen -> woon)
        ("start", "start"),  # ... but not another verb's (staren)
        ("kinderen", "kind"),
        ("scholen", "school"),
        ("sociale", "sociaal"),
        ("stage", "stage"),  # a noun in -e is not an inflected "stag"
        ("gelden", "gelden"),  # kept whole: not money
    ],
)
def test_stem_corrections(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize(
    "word,parts",
    [
        ("schuldhulpverlening", ("schuld", "hulpverlening")),
        ("werkervaringsplaats", ("werkervaring", "plaats")),  # linking -s-
        ("jongerenwerker", ("jongeren", "werker")),
        ("jeugdggz", ("jeugd", "ggz")),  # a field word registered by the lexicon
        ("kostendelersnorm", ("kosten", "deler", "norm")),
    ],
)
def test_compounds_split_into_known_parts(word, parts):
    assert compounds.split(word) == parts


@pytest.mark.parametrize(
    "word",
    ["samenwerking", "belangrijk", "verlening", "uitkering", "begeleiding", "gemeente", "jongere"],
)
def test_ordinary_words_stay_whole(word):
    assert compounds.split(word) == ()


def test_a_token_carries_its_parts_at_every_level():
    (token,) = tokens("Schuldhulpverlening")
    assert token.word == "schuldhulpverlening"
    assert {"schuld", "hulp"} <= set(token.parts)
    assert token.leaves[0] == "schuld" and "hulp" in token.leaves


def test_hyphenated_compound_is_one_word_with_its_parts():
    assert terms("jeugd-ggz") == terms("jeugdggz")
    (token,) = tokens("jeugd-ggz")
    assert token.leaves == ("jeugd", "ggz")


def test_stop_and_question_words_drop_out():
    assert [t.term for t in tokens("hoe help ik een jongere aan werk?")] == [
        "help",
        "jonger",
        "werk",
    ]


def test_numbers_and_apostrophes():
    assert terms("regio's") == terms("regio")
    assert "1627" in terms("16-27")


@pytest.mark.parametrize("text", ["achttien", "achttiende", "18e", "18de", "18-jarige"])
def test_numbers_written_as_words_or_ordinals_are_their_digits(text):
    assert terms(text) == {"18"}
    assert terms("drieëntwintig") == terms("23ste") == {"23"}


def test_invisible_characters_do_not_split_a_word():
    assert terms("jonge\u00adren") == terms("jongeren")
    assert terms("wo\u200bning") == terms("woning")
