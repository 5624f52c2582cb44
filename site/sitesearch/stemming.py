"""Dutch stems: the Snowball Dutch stemmer (Kraaij-Pohlmann) with two corrections.

1. **ge- stays.** The stemmer drops "ge" at the start or inside a word, which merges
   unrelated words: gewoon/wonen -> woon, begeleiding/beleid -> beleid,
   gezin/zin -> zin, gemeente/menen -> meen, werkgever -> werkver. Where the stem
   lost a "ge" that the word has, it is put back (gewoon -> gewoon,
   begeleiding -> begeleid, gezinnen -> gezin). The price: a past participle no
   longer meets its verb (gewerkt/werken).
2. **Plurals by the word list.** The stemmer treats some plurals apart from their
   singular (schulden -> schul but schuld -> schuld; toeslagen -> toeslaag but
   toeslag -> toeslag). A word that is a known word (or a compound of known words)
   plus a plural ending (-n after -e, -en, -s, -es after ch/sh, doubled consonant +
   -en) is stemmed as that word, when the stemmer would otherwise keep the two
   apart. Irregular plurals (kinderen) are listed. Likewise a third-person verb
   form joins its verb when the infinitive is known (woont -> woon, as wonen).

The negative and positive word pairs in ``learning/data/word_pairs.json`` are tested
against this (tests/sitesearch/test_analysis.py).
"""

from functools import lru_cache

import Stemmer

from . import compounds, lexicon

_stemmer = Stemmer.Stemmer("dutch")

# Words that stay whole: the stemmer or the plural rule would join them to an
# unrelated word (gelden is not geld, vrijen not vrij).
KEEP_WHOLE = frozenset({"gelden", "vrijen", "wegen"})
IRREGULAR_PLURALS = {
    "kinderen": "kind",
    "eieren": "ei",
    "liederen": "lied",
    "volkeren": "volk",
    "goederen": "goed",
    "bladeren": "blad",
    "kalveren": "kalf",
    "lammeren": "lam",
}
MIN_SINGULAR = 4  # shorter 'singulars' are too often other words: wonen/won, banen/ban


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The search term of a folded word."""
    if word in KEEP_WHOLE:
        return word
    base = singular(word)
    if base != word:
        base = singular(base)  # jongvolwassenen -> jongvolwassene -> jongvolwassen
    return _keep_ge(base)


lexicon.on_change(stem.cache_clear)


def _snowball(word):
    return _stemmer.stemWord(word)


def _keep_ge(word):
    result = _snowball(word)
    for _ in range(2):  # a word rarely loses more than one "ge"
        shared = _common_prefix(result, word)
        # A stem differs from its word at the end (vowels, endings); one that
        # parts from the word earlier on, right where the word has "ge", lost it.
        if shared >= len(result) - 2 or word[shared : shared + 2] != "ge":
            break
        rest = word[shared + 2 :]
        if not rest.startswith(result[shared : shared + 2]):
            break
        result = result[:shared] + "ge" + result[shared:]
    return result


def _common_prefix(a, b):
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def singular(word: str) -> str:
    """The known singular of a plural the stemmer would not join to it, the verb stem
    of a third-person form (woont -> woon, as wonen), else the word."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    verb = _verb_stem(word)
    if verb:
        return verb
    for candidate in _singular_candidates(word):
        if len(candidate) >= MIN_SINGULAR - (1 if _undoubled(word, candidate) else 0) and (
            (lexicon.zipf(candidate) >= 2.5 and not word.endswith("e"))
            or (word.endswith("enen") and compounds.split(candidate))  # jongvolwassenen
            # An inflected adjective's base form is at least as common (grote/groot),
            # a noun in -e is not the inflection of a rarer word (stage/stag).
            or (word.endswith("e") and lexicon.zipf(candidate) >= max(lexicon.zipf(word) - 1, 2.0))
        ):
            if _snowball(candidate) != _snowball(word):
                return candidate
            return word
    return word


def _singular_candidates(word):
    if word.endswith("enen") and len(word) > 6:
        yield word[:-1]  # volwassenen -> volwassene (the stemmer cuts both -en)
    if word.endswith("en") and len(word) > 4:
        base = word[:-2]
        if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "aeiou":
            yield base[:-1]  # gezinnen -> gezin, plannen -> plan
        if len(base) >= MIN_SINGULAR and base[-2] in "aeou" and base[-3] not in "aeiou":
            yield base[:-1] + base[-2] + base[-1]  # scholen -> school, problemen -> probleem
        yield base  # schulden -> schuld
    if word.endswith("e") and len(word) > 4 and not word.endswith("ene"):
        # An inflected adjective: grote, sociale, financiele, dakloze (not a noun in
        # -ene such as volwassene, which the stemmer keeps whole).
        base = word[:-1]
        if base[-2] in "aeou" and base[-3] != base[-2] and base[-1] not in "aeiou":
            full = base[:-1] + base[-2] + base[-1]  # grot -> groot, social -> sociaal
            yield full[:-1] + "s" if full.endswith("z") else full  # dakloz -> dakloos
        yield base  # kleine -> klein
    if word.endswith("es") and word[-4:-2] in ("ch", "sh"):
        yield word[:-2]  # coaches -> coach
    if word.endswith("s") and not word.endswith("ss"):
        yield word[:-1]  # ouders -> ouder, regios -> regio


def _verb_stem(word):
    """woont -> woon, werkt -> werk, vraagt -> vraag, biedt -> bied: the word minus
    -t when that is the stem of a known infinitive with the same stem (start stays:
    staren is another verb)."""
    if not word.endswith("t") or len(word) < MIN_SINGULAR + 1:
        return None
    candidate = word[:-1]
    if _snowball(candidate) == _snowball(word):
        return None
    last = candidate[-1]
    if len(candidate) > 2 and candidate[-2] == candidate[-3] and candidate[-2] in "aeou":
        infinitive = candidate[:-2] + last + "en"  # woon -> wonen, vraag -> vragen
    else:
        infinitive = candidate + "en"  # werk -> werken
    if lexicon.zipf(infinitive) >= 2.5 and _snowball(infinitive) == _snowball(candidate):
        return candidate
    return None


def _undoubled(word, candidate):
    return len(word) - len(candidate) == 3 and word.endswith("en")
