"""Robustness of the four public search endpoints (issue 14, part 8).

Whatever arrives in the query string (NUL and other control characters, quotes, the
full-text operators of SQLite FTS5, PostgreSQL tsquery and Elasticsearch, 10,000
characters, any Unicode, repeated or unknown parameters), the answer is a 200 or a
400 with a Dutch message, never a 500. Decisions (see learning/README.md):

* control characters are removed from the search words and filter values when the
  request is parsed (``SearchRequest``), so no backend ever sees them;
* the JSON API answers 400 with a Dutch ``error`` for what it cannot take (over 200
  characters or 50 words, unknown parameters, bad numbers); the HTML pages fall back
  to safe defaults (the first 200 characters and 50 words) and always answer 200;
* autocomplete searches only the folded words of the input, never its punctuation.

The fuzz test runs against the suite's real database (SQLite by default, PostgreSQL
with DATABASE_URL), on the published lessons of ``module_content`` (conftest.py), made
once for the module, so that searches find something.
"""

import re
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from learning.search.contract import FACETS
from leernetwerk.sitesearch.analysis import words

pytestmark = pytest.mark.django_db

API = "/api/search/"
AUTOCOMPLETE = "/api/search/autocomplete/"
KENNISBANK = "/kennisbank/"
SITE = "/zoeken/"
ENDPOINTS = [SITE, KENNISBANK, API, AUTOCOMPLETE]

# A 400 of the API explains itself in Dutch: at least one everyday Dutch word.
DUTCH = re.compile(
    r"\b(de|het|een|is|te|moet|kan|alleen|onbekende?|pagina|bestaat|niet|tussen|"
    r"maximaal|zoekvraag|waarden)\b",
    re.IGNORECASE,
)


def get(client, path, params):
    """GET ``path`` with ``params`` (a list of pairs, so names may repeat), encoded
    the way a browser encodes a form (UTF-8, NUL as %00)."""
    return client.get(f"{path}?{urlencode(params)}" if params else path)


def check(response, path):
    """The robustness contract of one answer."""
    if path in (SITE, KENNISBANK):
        # The HTML pages never refuse a search: odd input falls back to defaults.
        assert response.status_code == 200, response.status_code
        return
    assert response.status_code in (200, 400), response.status_code
    data = response.json()
    if response.status_code == 400:
        assert isinstance(data["error"], str) and DUTCH.search(data["error"]), data
    else:
        assert isinstance(data["results"], list)


# --- Strategies --------------------------------------------------------------------

CONTROL = ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x1f", "\x7f", "\x85", "\x9f", "\t", "\n"]
OPERATORS = [
    "AND", "OR", "NOT", "NEAR", "NEAR(", "*", "^", ":", "(", ")", "-", "+", '"', "'",
    "\\", "!", "&", "|", "<->", "~", "?", "{", "}", "[", "]", "/", "%", "_", ";", "--",
    "title:", "body:", "0x00", "%00",
]  # fmt: skip
UNICODE = [
    "\u0301",  # a lone combining mark
    "\u200f", "\u202e", "\u200d", "\ufeff", "\u00ad",  # RTL marks, joiner, BOM, soft hyphen
    "😀", "👩‍👩‍👧", "中文", "日本語", "한국어", "العربية", "עברית",
    "ﬁ", "İ", "ß", "Ⅻ", "١٢", "coördinatie", "\ufffd", "\U0010fffd",
]  # fmt: skip
WORDS = ["coach", "woning", "wonen", "jongeren", "AMV", "school", "werk", "toekomstplan", "eigen"]
TOKENS = CONTROL + OPERATORS + UNICODE + WORDS

# Anything a URL can carry: every code point except lone surrogates, which UTF-8
# cannot encode (a browser sends U+FFFD for them; Django decodes bad bytes to U+FFFD).
ANY_CHAR = st.characters(exclude_categories=("Cs",))
any_text = st.text(ANY_CHAR, max_size=40)
# Each kind about equally often, and a NUL (the finding of issue 14) in many queries.
token = st.one_of(
    st.just("\x00"),
    st.sampled_from(CONTROL),
    st.sampled_from(OPERATORS),
    st.sampled_from(UNICODE),
    st.sampled_from(WORDS),
)
token_text = st.lists(token, max_size=12).flatmap(
    lambda toks: st.sampled_from([" ", ""]).map(lambda sep: sep.join(toks))
)
# Long input, cheaply: a short piece repeated up to exactly 10,000 characters.
long_text = st.builds(
    lambda piece, n: (piece * n)[:n],
    st.one_of(st.sampled_from(TOKENS), st.text(ANY_CHAR, min_size=1, max_size=5)),
    st.one_of(st.sampled_from([99, 100, 101, 149, 150, 151, 199, 200, 201, 10_000]),
              st.integers(1, 10_000)),
)  # fmt: skip
# Many short words, around the 50 the API takes (SQLite's parser overflowed at ~90).
many_words = st.builds(
    lambda word, sep, n: sep.join([word] * n),
    st.sampled_from(["0", "a", "x1", "wonen", "AMV"]),
    st.sampled_from([" ", ":", "-", "\x00", '"']),
    st.integers(40, 100),
)
# Mostly words, operators and odd characters mixed; sometimes anything, sometimes long.
text = st.one_of(token_text, token_text, any_text, long_text, many_words)
rarely = st.integers(1, 8).map(lambda n: n == 8)  # about one draw in eight

FACET_VALUES = [
    "les", "leercirkel", "richtlijn", "wonen", "werk", "big5-wonen", "welzijn", "onderwijs",
    "venlo", "ervaringskennis", "professionele_kennis", "coaching", "netwerk", "2019", "2020",
    "0", "-1", "9999999999999999999999",
]  # fmt: skip
facet_value = st.one_of(st.sampled_from(FACET_VALUES), st.sampled_from(FACET_VALUES), text)
NUMBERS = ["0", "-1", "99", "x", "", " 2 ", "1e3", "1.5", "١", "٣", "²", "9" * 30, "9" * 5000,
           "\x00", "2\x00", "0x10", "1_0", "+3", "NaN", "51", "50"]  # fmt: skip
number = st.one_of(
    st.integers(1, 3).map(str),
    st.sampled_from(NUMBERS),
    st.integers(-(10**20), 10**20).map(str),
    any_text,
)
sort = st.one_of(
    st.sampled_from(["relevantie", "datum"]),
    st.sampled_from(["", "naam", "DATUM", "datum\x00", " datum"]),
    text,
)
EXTRA_NAMES = ["page", "pagina", "Q", "q ", "zoek", "type[]", "levensgebied ", "format"]


short_text = st.one_of(token_text, any_text, many_words.map(lambda t: t[:200]))


@st.composite
def query_params(draw, page_param):
    """A list of (name, value) pairs as a client may send them, in any order.

    Half of the examples are well-formed apart from their words and filter values
    (any characters, operators, control characters), so that the API really searches
    and the backends meet them; the other half may have anything anywhere: long or
    repeated values, bad numbers and sorts, too many values, unknown parameters."""
    if draw(st.booleans()):
        params = [("q", draw(short_text))]
        for name in draw(st.lists(st.sampled_from(FACETS), max_size=3, unique=True)):
            values = st.one_of(st.sampled_from(FACET_VALUES), short_text)
            params += [(name, v) for v in draw(st.lists(values, min_size=1, max_size=3))]
        params.append((page_param, str(draw(st.integers(1, 2)))))
        params.append(("page_size", str(draw(st.integers(1, 50)))))
        params.append(("sort", draw(st.sampled_from(["relevantie", "datum"]))))
        return draw(st.permutations(params))
    params = [("q", v) for v in draw(st.lists(text, max_size=2))]
    for name in draw(st.lists(st.sampled_from(FACETS), max_size=3)):
        params += [(name, v) for v in draw(st.lists(facet_value, min_size=1, max_size=3))]
    if draw(rarely):  # more values for one facet than the API accepts
        params += [(draw(st.sampled_from(FACETS)), "x")] * 21
    for name in draw(st.lists(st.sampled_from([page_param, "page_size"]), max_size=2)):
        params.append((name, draw(number)))
    if draw(st.booleans()):
        params.append(("sort", draw(sort)))
    if draw(rarely):  # parameters the endpoint does not know
        names = st.one_of(st.sampled_from(EXTRA_NAMES), any_text)
        params += draw(st.lists(st.tuples(names, text), min_size=1, max_size=2))
    return draw(st.permutations(params))


# --- The fuzz test -----------------------------------------------------------------

# Examples per endpoint, chosen for the time budget (the module in under 40 s per
# database on a 2-core machine): a JSON answer costs a few milliseconds, an HTML page
# tens of milliseconds.
EXAMPLES = {SITE: 50, KENNISBANK: 50, API: 120, AUTOCOMPLETE: 120}
FUZZ_SETTINGS = settings(
    deadline=None,  # a first search builds the snapshot; timing is not under test here
    derandomize=True,  # the same examples on every run, so CI is reproducible
    database=None,  # no example database under the project folder
    # Generating ten thousand characters now and then is slower than Hypothesis likes.
    suppress_health_check=[HealthCheck.too_slow],
)


# The examples run inside the test, not as the test: pytest's function-scoped
# fixtures (the client, pytest-django's transaction) are set up once per endpoint and
# shared by every example, which is what we want here (the endpoints only read, apart
# from Wagtail's popular-search counter, whose rows change no answer), and Hypothesis
# has no fixture to warn about.
@pytest.mark.parametrize("path", ENDPOINTS)
def test_any_parameters_give_200_or_400(client, module_content, path):
    page_param = "pagina" if path in (SITE, KENNISBANK) else "page"

    @settings(FUZZ_SETTINGS, max_examples=EXAMPLES[path])
    @given(params=query_params(page_param))
    def run(params):
        response = get(client, path, params)
        event(f"HTTP {response.status_code}")  # pytest --hypothesis-show-statistics
        check(response, path)

    run()


# --- Regressions: one explicit case per finding, on every endpoint -------------------

# name: (q, the API's answer, autocomplete's answer): 200, or the 400's message.
REGRESSIONS = {
    "nul": ("woning\x00", 200, 200),
    "only-nul": ("\x00", 200, 200),
    "lone-double-quote": ('"', 200, 200),
    "double-quote-in-words": ('eigen "wo', 200, 200),
    "operators-in-quotes": ('"AND OR NOT"', 200, 200),
    "star": ("*", 200, 200),
    "ten-thousand": ("wonen " * 1666 + "wone", "te lang", "te lang"),
    # 200 characters that lower-case to 400 (Wagtail's popular-search counter
    # stores 255).
    "lowercases-longer": ("İ" * 200, 200, "te lang"),
    # 100 words in 200 characters: SQLite's full-text parser overflowed at ~90.
    "hundred-words": ("0:" * 100, "te veel woorden", "te lang"),
}


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("case", REGRESSIONS.values(), ids=REGRESSIONS.keys())
def test_regressions(client, module_content, path, case):
    q, api, autocomplete = case
    response = get(client, path, [("q", q)])
    check(response, path)
    expected = {API: api, AUTOCOMPLETE: autocomplete}.get(path, 200)
    if expected == 200:
        assert response.status_code == 200
    else:
        assert response.status_code == 400
        assert expected in response.json()["error"]


def test_regression_inputs():
    assert len(REGRESSIONS["ten-thousand"][0]) == 10_000
    assert len(words(REGRESSIONS["hundred-words"][0])) == 100


@pytest.mark.parametrize("path", ENDPOINTS)
def test_nul_is_removed_not_refused(client, module_content, path):
    """A NUL inside a word is dropped; the rest of the word is searched."""
    q = "eigen wo\x00ning"
    response = get(client, path, [("q", q)])
    check(response, path)
    if path in (SITE, KENNISBANK):
        assert "Een eigen woning vinden" in response.content.decode()
    elif path == API:
        assert response.json()["results"][0]["title"] == "Een eigen woning vinden"
    else:
        assert response.json()["results"][0]["title"] == "Een eigen woning vinden"


@pytest.mark.parametrize("name", ["levensgebied", "thema", "type", "jaar"])
def test_control_characters_in_filter_values(client, module_content, name):
    for path in ENDPOINTS:
        check(get(client, path, [("q", "coach"), (name, "wo\x00nen\x1f")]), path)
    data = get(client, API, [("levensgebied", "wo\x00nen")]).json()
    assert [r["title"] for r in data["results"]] == ["Een eigen woning vinden"]


def test_autocomplete_folds_the_typed_words(client, module_content):
    """Punctuation and operators never reach the full-text syntax; folding matches
    the index (which holds folded words)."""
    for q in ['"Eigen" WO', "eigen wo*", "(eigen) -wo", "ÉIGEN wö", "eigen\x00 wo\x01"]:
        data = get(client, AUTOCOMPLETE, [("q", q)]).json()
        assert [r["title"] for r in data["results"]] == ["Een eigen woning vinden"], q
    for q in ['""', "**", "()", "\x00\x00", " - "]:
        assert get(client, AUTOCOMPLETE, [("q", q)]).json() == {"results": []}
