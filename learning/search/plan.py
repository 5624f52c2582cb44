"""From what someone typed to what every backend looks for: a list of concepts.

"hoe help ik een jongere met schulden aan een woning" becomes the concepts
help | jongere | schuld | woning (stop and question words drop out). Each concept
can be matched in several ways, each with a weight, and every backend
(scoring.py on the database, elastic.py) scores them the same way:

* **whole alternatives**, of which the best counts: the word's own term (1.0); the
  other expressions of its lexicon group (RMC = regionaal meld- en
  coördinatiepunt, both ways; 1.0), of a related-terms group (drugsgebruik ~
  blowen; ``RELATED_WEIGHT``), a multi-word expression needing all its words; for a
  word the index does not know, the closest known words (typo tolerance,
  ``FUZZY_WEIGHTS``);
* **parts**: a compound also matches by its smallest parts ("schulden" and "hulp"
  for schuldhulpverlening), when enough of them occur (all of two, all but one of
  more), at ``PARTS_WEIGHT`` of their summed scores (averaged over the parts).

Words are optional. Pages that match more concepts rank first: each matched concept
adds ``COORDINATION`` times the weight of its best matching alternative, about the
score of a good match, so a page with more of the concepts wins unless its matches
are much weaker (a strict order, a bonus larger than any score, measured worse on
the relevance sets: docs/benchmarks.md). A page must match ``Plan.minimum``
concepts, which only long questions raise above one; when that leaves nothing, one
suffices. Every concept has one idf, from the pages that match it in any way
(scoring.py), so a rare synonym of a common word does not outweigh the word.
"""

from dataclasses import dataclass, field

from leernetwerk.sitesearch.analysis import fold, token, tokens
from leernetwerk.sitesearch.text import WORD

from .synonyms import lexicon
from .vocabulary import Vocabulary

FUZZY_WEIGHTS = {1: 0.9, 2: 0.75}  # by edit distance
RELATED_WEIGHT = 0.6
PARTS_WEIGHT = 1.5  # parts' summed score counts this much of their mean
PARTS_CREDIT = 0.8  # a concept matched by its parts, for the coordination
COORDINATION = 2.0
LONG_QUESTION = 5  # from this many concepts on, a page must match more than one
# The verbs of a question ("hoe kom je aan…", "wat moet je regelen als je 18 wordt")
# carry no topic; the analysis keeps them for texts, a query skips them.
QUESTION_WORDS = frozenset(
    """
    kom komt komen kwam ga gaat gaan ging doe doet doen deed krijg krijgt krijgen kreeg
    word wordt worden werd mag mogen mocht wil wilt willen wilde zit zitten zat sta
    staat staan stond moet moeten moest kan kunnen kon zal zullen zou zouden
    iemand iets ergens manier help helpt helpen hielp
    """.split()
)


@dataclass(frozen=True)
class Alternative:
    terms: tuple[str, ...]  # all must occur
    weight: float = 1.0
    # A word of a multi-word expression on its own ("school" of "stoppen met
    # school"): scored with its own idf, and left out of the concept's.
    backoff: bool = False


@dataclass
class Concept:
    text: str
    wholes: list[Alternative]
    leaves: tuple[str, ...] = ()
    corrected: str | None = None  # the known word a typo was taken for

    @property
    def need(self):
        """How many of the leaves must occur for the parts to match."""
        n = len(self.leaves)
        return n if n <= 2 else n - 1

    def terms(self):
        found = {t for alt in self.wholes for t in alt.terms}
        return found | set(self.leaves)


@dataclass
class Plan:
    concepts: list[Concept] = field(default_factory=list)
    suggestion: str | None = None

    def terms(self):
        return set().union(*(c.terms() for c in self.concepts)) if self.concepts else set()

    @property
    def minimum(self):
        """Concepts a page must match: one, and for a long question (five or more
        concepts) all but three: "hoe vind ik als jongere met schulden en een
        uitkering een betaalbare kamer" needs two of its six."""
        n = len(self.concepts)
        return 1 if n < LONG_QUESTION else n - 3


def build(text, vocabulary: Vocabulary):
    """The Plan for a query text."""
    found = tokens(text)
    meaningful = [t for t in found if t.word not in QUESTION_WORDS]
    found = meaningful or found
    groups = lexicon()
    concepts = []
    corrections = {}
    i = 0
    while i < len(found):
        concept, length = _concept_at(found, i, groups)
        if length == 1 and not any(
            all(vocabulary.knows(t) for t in alt.terms) for alt in concept.wholes
        ):
            concept = _corrected(found[i], vocabulary, groups) or concept
            if concept.corrected:
                corrections[found[i].word] = concept.corrected
        i += length
        if all(_key(concept) != _key(other) for other in concepts):
            concepts.append(concept)
    return Plan(concepts, _suggestion(text, corrections))


def _key(concept):
    return (frozenset(concept.wholes), concept.leaves)


def _concept_at(found, start, groups):
    """(the concept of the words at ``start``, how many words it covers)."""
    alternatives, length = _lexicon_match(found, start, groups)
    if alternatives:
        words = found[start : start + length]
        if length > 1:
            # Each word of a multi-word expression also matches on its own, for less:
            # "stoppen met school" still finds a text about school.
            singles = [Alternative((t.term,), 1.0 / length, backoff=True) for t in words]
            alternatives += [a for a in singles if a.terms not in {b.terms for b in alternatives}]
        leaves = found[start].leaves if length == 1 else ()
        return Concept(" ".join(t.word for t in words), alternatives, leaves), length
    word = found[start]
    return Concept(word.word, [Alternative((word.term,))], word.leaves), 1


def _corrected(unknown, vocabulary, groups):
    """The concept of the closest known word, its weights lowered by the distance,
    with the other close words as further alternatives; None when none is close.
    A typo of a known word is taken for that word before the parts of an unknown
    compound are tried (zorgverzekring is not zorg + verz + kring)."""
    close = vocabulary.close_words(unknown.word)
    if not close:
        return None
    word, distance = close[0]
    known = token(word)
    if known is None:
        return None
    concept, _length = _concept_at([known], 0, groups)
    factor = FUZZY_WEIGHTS[distance]
    wholes = {alt.terms: alt.weight * factor for alt in concept.wholes}
    for other, other_distance in close[1:]:
        term = vocabulary.term_of.get(other)
        if term and (term,) not in wholes:
            wholes[(term,)] = FUZZY_WEIGHTS[other_distance]
    return Concept(
        unknown.word,
        [Alternative(terms, weight) for terms, weight in wholes.items()],
        known.leaves,
        corrected=word,
    )


def _lexicon_match(found, start, groups):
    """(the alternatives of the longest lexicon expression at ``start``, its length
    in words), or ([], 0). The expression typed comes first (weight 1.0), then the
    other expressions of every group holding it, each once with its best weight."""
    length = 0
    matching = []
    for terms, kind, group in groups.at(found[start].term):
        n = len(terms)
        if n >= length and tuple(t.term for t in found[start : start + n]) == terms:
            if n > length:
                length, matching = n, []
            matching.append((RELATED_WEIGHT if kind == "verwant" else 1.0, group))
    if not matching:
        return [], 0
    own = tuple(t.term for t in found[start : start + length])
    best = {own: 1.0}
    for weight, group in matching:
        for _expression, terms in group:
            best[terms] = max(best.get(terms, 0.0), weight)
    return [Alternative(terms, weight) for terms, weight in best.items()], length


def _suggestion(text, corrections):
    """The query with each corrected word replaced, or None."""
    if not corrections:
        return None
    words = []
    for match in WORD.finditer(fold(text)):
        analysed = token(match.group(0))
        if analysed is not None and analysed.word in corrections:
            words.append(corrections[analysed.word])
        else:
            words.append(match.group(0))
    return " ".join(words)
