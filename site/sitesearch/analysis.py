"""Dutch text analysis shared by indexing and querying, on every search backend.

The chain, for each word of a text:

1. **Split and fold** (``text.words``): case and diacritics are folded
   (Coördinatie -> coordinatie). A hyphenated compound is one word
   (jeugd-ggz -> jeugdggz) whose hyphen-parts are its parts; "regio's" -> regio.
2. **Stop words** (Dutch function and question words) are dropped.
3. **Stem** (``stemming.stem``): Snowball Dutch, keeping ge- (gewoon is not
   wonen) and joining plurals to their singular through the word list
   (schulden -> schuld).
4. **Decompound** (``compounds``): schuldhulpverlening also yields the parts
   schuld, hulpverlening, hulp and verlening, each stemmed.

``tokens(text)`` gives a ``Token`` per word: its ``term`` (the stem) and the terms
of its compound ``parts`` (every level) and ``leaves`` (smallest parts). The index
stores the terms and, with less weight, the parts; a query matches a compound by
its whole term or by its leaves.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from . import compounds, lexicon
from .stemming import stem
from .text import WORD, fold, plain_text, words

__all__ = [
    "STOPWORDS",
    "Token",
    "analyse",
    "analyse_to_text",
    "fold",
    "plain_text",
    "stem",
    "token",
    "tokens",
    "words",
]

# Dutch function words and the words of a question; they carry no meaning in a
# search ("hoe help ik een jongere aan werk" -> help, jongere, werk).
STOPWORDS = frozenset(
    """
    aan al alle alles als ben bij dan dat de der deze die dit doch doen door dus een en er
    ge geen had heb hebben heeft hem het hier hij hoe hun iets ik in is ja je kan kon
    zo maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat
    ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat
    we wel werd wie wij wordt zal ze zei zelf zich zij zijn zonder zou
    waar waarom wanneer welk welke kun kunt kunnen jij jou jouw jullie onze hen
    """.split()
)


@dataclass(frozen=True, slots=True)
class Token:
    word: str  # folded, hyphens removed: "jeugdggz"
    term: str  # the stem of the whole word
    parts: tuple[str, ...] = ()  # stems of its compound parts, every level
    leaves: tuple[str, ...] = ()  # stems of its smallest parts


def tokens(text: str) -> list[Token]:
    """The meaningful words of ``text``, analysed, in order."""
    result = []
    for match in WORD.finditer(fold(text or "")):
        found = token(match.group(0))
        if found is not None:
            result.append(found)
    return result


@lru_cache(maxsize=200_000)
def token(raw: str) -> Token | None:
    """One folded word (as WORD matches it), or None for a stop word."""
    if "'" in raw:
        head, _sep, tail = raw.partition("'")
        raw = head if tail in ("s", "") else raw.replace("'", "")  # regio's -> regio
    pieces = [p for p in raw.split("-") if p]
    if not pieces:
        return None
    if len(pieces) > 1 and all(p.isalpha() and len(p) > 1 for p in pieces):
        word = "".join(pieces)  # jeugd-ggz = jeugdggz
        parts = []
        leaves = []
        for piece in pieces:
            if piece not in STOPWORDS:
                parts.append(stem(piece))
                parts.extend(stem(p) for p in compounds.parts(piece))
                leaves.extend(stem(p) for p in compounds.leaves(piece) or (piece,))
        return Token(word, stem(word), _unique(parts), _unique(leaves))
    if len(pieces) == 2 and pieces[0].isdigit() and pieces[1].isalpha():
        # An age or amount with its unit: 18-jarige is 18 (and jarig).
        return Token("".join(pieces), pieces[0], (stem(pieces[1]),), ())
    if len(pieces) > 1:
        # Numbers and codes with hyphens (16-27, mbo-2): each piece stays a word.
        word = "".join(pieces)
        return Token(word, word, tuple(_number(p) for p in pieces if p not in STOPWORDS), ())
    word = pieces[0]
    if word in STOPWORDS:
        return None
    number = _number(word)
    if number != word:
        return Token(word, number)
    if not word.isalpha():
        return Token(word, word)
    return Token(
        word,
        stem(word),
        _unique(stem(p) for p in compounds.parts(word)),
        _unique(stem(p) for p in compounds.leaves(word)),
    )


lexicon.on_change(token.cache_clear)


# Numbers written as words, and ordinals, are their digits: "achttiende verjaardag",
# "18e verjaardag" and "18 jaar" meet.
_UNITS = "een twee drie vier vijf zes zeven acht negen".split()
NUMBER_WORDS = {
    **{word: str(i) for i, word in enumerate(_UNITS, start=1) if word != "een"},
    **dict(zip("tien elf twaalf dertien veertien vijftien zestien zeventien achttien "
               "negentien twintig".split(), map(str, range(10, 21)), strict=True)),
    "dertig": "30", "veertig": "40", "vijftig": "50", "honderd": "100",
}  # fmt: skip
for _i, _unit in enumerate(_UNITS, start=1):
    NUMBER_WORDS[f"{_unit}entwintig"] = str(20 + _i)  # eenentwintig, drieentwintig (folded)
_ORDINALS = {"eerste": "1", "tweede": "2", "derde": "3", "vierde": "4", "vijfde": "5", "zesde": "6"}
NUMBER_WORDS.update(_ORDINALS)
for _word, _digits in list(NUMBER_WORDS.items()):
    if int(_digits) >= 7 and not _word.endswith("de"):
        NUMBER_WORDS[_word + ("ste" if int(_digits) >= 20 else "de")] = _digits  # achttiende
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:e|de|ste)$")


def _number(word):
    """The digits of a number word or ordinal (achttien, achttiende, 18e -> 18)."""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    match = _ORDINAL_DIGITS.match(word)
    return match.group(1) if match else word


def _unique(items):
    return tuple(dict.fromkeys(items))


def analyse(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """The whole-word terms of ``text`` (the Wagtail backends index and query these)."""
    if keep_stopwords:
        return [stem(w) if w.isalpha() else w for w in words(text)]
    return [t.term for t in tokens(text)]


def analyse_to_text(text: str) -> str:
    return " ".join(analyse(text))
