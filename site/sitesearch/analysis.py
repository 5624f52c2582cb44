"""Dutch text analysis shared by indexing and querying.

One function turns text into search terms: split into words, fold case and
diacritics (coördinatie = coordinatie), drop Dutch stop words and reduce each
word to its Snowball stem (jongeren -> jonger, woning/wonen -> woon). The SQLite
and PostgreSQL backends both index and query analysed text, so they behave alike.
"""

import html
import re
import unicodedata
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[\w]+(?:[-'][\w]+)*", re.UNICODE)

# Common Dutch function words; they carry no meaning in a search.
STOPWORDS = frozenset(
    """
    aan al alle alles als ben bij dan dat de der deze die dit doch doen door dus een en er
    ge geen had heb hebben heeft hem het hier hij hoe hun iets ik in is ja je kan kon
    zo maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat
    ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat
    we wel werd wie wij wordt zal ze zei zelf zich zij zijn zonder zou
    """.split()
)

_stemmer = Stemmer.Stemmer("dutch")


# Every combining mark (what unicodedata.combining() flags), as one character class:
# stripping them with a regex is ~20x faster than testing each character in Python,
# which mattered when importing 20,000 lessons.
_MARKS = "".join(re.escape(chr(c)) for c in range(0x110000) if unicodedata.combining(chr(c)))
_COMBINING = re.compile(f"[{_MARKS}]")


def fold(text: str) -> str:
    """Lower-case and strip diacritics: 'Coördinatie' -> 'coordinatie'."""
    folded = text.casefold()
    if folded.isascii():
        return folded  # nothing to decompose
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded))


def words(text: str) -> list[str]:
    """Folded words of ``text``; hyphenated words are also split into their parts."""
    result = []
    for match in _WORD.finditer(fold(text)):
        word = match.group(0)
        result.append(word)
        if "-" in word or "'" in word:
            result.extend(part for part in re.split(r"[-']", word) if part)
    return result


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def analyse(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Search terms for ``text``: folded, stop words removed, stemmed."""
    return [stem(w) for w in words(text) if keep_stopwords or w not in STOPWORDS]


def analyse_to_text(text: str) -> str:
    return " ".join(analyse(text))


# Block-level tags separate words; inline ones (b, i, a, span…) may sit inside one.
_BLOCK_TAG = re.compile(
    r"</?(?:p|br|div|li|ul|ol|h[1-6]|blockquote|figure|hr|table|tr|td|th)\b[^>]*>", re.I
)
# Only what HTML parses as a tag or comment: "jongeren < 18 jaar" keeps its text.
_TAG = re.compile(r"<(?:/?[A-Za-z][^>]*|!--.*?--)>", re.S)


def plain_text(markup: str) -> str:
    """The text of editor-made HTML (rich text, StreamField blocks) for search
    snippets: block tags become spaces, other tags vanish, entities become their
    characters. Not a sanitiser: every caller escapes the result. Regexes, not
    Django's strip_tags (an HTML parser), which took about a fifth of a search's
    time to render ten hits."""
    markup = markup or ""
    if "<" not in markup and "&" not in markup:
        return markup
    return html.unescape(_TAG.sub("", _BLOCK_TAG.sub(" ", markup)))
