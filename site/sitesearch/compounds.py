"""Dutch decompounding: schuldhulpverlening -> schuld + hulpverlening (-> hulp + verlening).

Dutch writes compounds as one word, so a text about "schuldhulpverlening" never
says "schuld" or "hulp", and a search for "hulp bij schulden" would miss it. Words
are split into parts that the word list knows (``lexicon``), with the linking
elements -s-, -e- and -en- between them (werkervaring-s-plaats, jongere-n-werk).

Rules, so that ordinary words stay whole:
* only words of at least 8 letters are split, into parts of at least 4 letters,
  or 3 when a feature registered the part as a word of its field (ggz, mbo, wet:
  ``lexicon.register_words``); common three-letter words (een, was, vol) would
  otherwise cut ordinary words into pieces;
* a part may not be a prefix, particle or function word (ver-, be-, aan-, uit-,
  samen-…: verlening is not ver + lening, uitkering not uit + kering) nor, as a
  head, a suffix-like word (-heid, -schap, -rijk);
* very common words (Zipf >= 4.5: samenwerking, belangrijk) are lexicalised and
  kept whole (a typo is matched to its word before it is taken for a compound:
  zorgverzekring is not zorg + verz + kring, learning/search/plan.py);
* the split with the fewest parts wins; between equals, the one whose parts are
  most common (Koehn & Knight's geometric mean), and a word is only split when its
  parts are on average more common than the word itself (so verlening stays whole
  rather than becoming two rare fragments).
Each part is split again, so ``parts`` returns every level.
"""

from functools import lru_cache

from . import lexicon

MIN_LENGTH = 8
MIN_PART = 4
MAX_ZIPF_TO_SPLIT = 4.5
MIN_PART_ZIPF = 2.0  # the whole list (its floor): rarer entries are mostly names
LINKS = ("", "s", "e", "en")

NOT_MODIFIERS = frozenset(
    """
    aan af al als be bij de die dit door een en er ge her het in mee met mis na naar
    niet om on ont onder op over per te ten ter toe tot uit van ver voor weg wel
    samen terug tegen achter boven binnen buiten rond zelf zo
    """.split()
)
NOT_HEADS = frozenset(
    """
    heid heden schap schappen baar lijk lijke rijk rijke loos loze zaam zame ling
    lingen tje tjes isch ische achtig achtige waardig matig matige wijze ing ingen
    ning ningen tie ties teit iteit sel sels erij
    """.split()
)


@lru_cache(maxsize=200_000)
def split(word: str) -> tuple[str, ...]:
    """The parts of a compound, one level (or () when the word is not one)."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return ()
    whole = lexicon.zipf(word)
    if whole >= MAX_ZIPF_TO_SPLIT:
        return ()
    best = _best(word, 0)
    if not best or -best[1] <= whole:
        return ()
    return best[2]


lexicon.on_change(split.cache_clear)


def parts(word: str) -> tuple[str, ...]:
    """Every part at every level, outermost first: schuldhulpverlening ->
    (schuld, hulpverlening, hulp, verlening)."""
    result = []
    queue = list(split(word))
    while queue:
        part = queue.pop(0)
        if part not in result:
            result.append(part)
            queue.extend(split(part))
    return tuple(result)


def leaves(word: str) -> tuple[str, ...]:
    """The smallest parts: schuldhulpverlening -> (schuld, hulp, verlening)."""
    top = split(word)
    if not top:
        return ()
    result = []
    for part in top:
        result.extend(leaves(part) or (part,))
    return tuple(dict.fromkeys(result))


def _is_part(piece):
    if len(piece) >= MIN_PART:
        return lexicon.zipf(piece) >= MIN_PART_ZIPF
    return len(piece) == MIN_PART - 1 and lexicon.registered(piece)


def _is_head(piece):
    return piece not in NOT_HEADS and _is_part(piece)


def _is_modifier(piece):
    return piece not in NOT_MODIFIERS and _is_part(piece)


def _best(word, start, memo=None):
    """(number of parts, -mean Zipf, parts) of the best split of word[start:]."""
    memo = {} if memo is None else memo
    if start in memo:
        return memo[start]
    candidates = []
    rest = word[start:]
    if start > 0 and _is_head(rest):  # at 0 that would be the unsplit word
        candidates.append((1, -lexicon.zipf(rest), (rest,)))
    for end in range(start + MIN_PART - 1, len(word) - MIN_PART + 2):
        modifier = word[start:end]
        if not _is_modifier(modifier):
            continue
        for link in LINKS:
            after = end + len(link)
            if word[end:after] != link or len(word) - after < MIN_PART - 1:
                continue
            tail = _best(word, after, memo)
            if tail is None:
                continue
            n, score, pieces = tail
            mean = (lexicon.zipf(modifier) - score * n) / (n + 1)
            candidates.append((n + 1, -mean, (modifier, *pieces)))
    memo[start] = min(candidates) if candidates else None
    return memo[start]
