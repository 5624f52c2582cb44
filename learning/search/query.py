"""Turn a user's words into a search query: every word must match, and a word or
expression with editor-defined synonyms matches any of them."""

from modelsearch.query import And, Or, PlainText

from leernetwerk.sitesearch.analysis import STOPWORDS, stem, words

from .synonyms import synonym_groups


def tokens(text):
    """(word, stem) pairs of the meaningful words, folded and in order."""
    return [(w, stem(w)) for w in words(text) if w not in STOPWORDS and "-" not in w]


def expand(text):
    """A list of alternatives per position: [[("amv",), ("alleenstaande", ...)], ...].

    Each alternative is a tuple of words that must all occur.
    """
    toks = tokens(text)
    stems = [s for _w, s in toks]
    groups = synonym_groups()
    result = []
    i = 0
    while i < len(toks):
        matched = None
        for group in groups:
            for _term, term_stems in group:
                n = len(term_stems)
                if (
                    n
                    and tuple(stems[i : i + n]) == term_stems
                    and (matched is None or n > matched[0])
                ):
                    matched = (n, group)
        if matched:
            n, group = matched
            alternatives = [tuple(w for w, _s in tokens(term)) for term, _stems in group]
            result.append([alt for alt in dict.fromkeys(alternatives) if alt])
            i += n
        else:
            result.append([(toks[i][0],)])
            i += 1
    return result


def combine(text, leaf, any_of, all_of):
    """Build a backend's query from ``expand(text)``: ``leaf(words)`` for each
    alternative, ``any_of`` over a position's alternatives, ``all_of`` over the
    positions. None when no searchable word is left. Every backend goes through
    here, so they all combine words and synonyms the same way."""
    parts = []
    for alternatives in expand(text):
        options = [leaf(alt) for alt in alternatives]
        parts.append(options[0] if len(options) == 1 else any_of(options))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else all_of(parts)


def build_query(text):
    """A modelsearch query object, or None when no searchable word is left."""
    return combine(text, lambda alt: PlainText(" ".join(alt), operator="and"), Or, And)


def query_stems(text):
    """Every stem that can match, synonyms included (for highlighting)."""
    result = set()
    for alternatives in expand(text):
        for alt in alternatives:
            result.update(stem(w) for w in alt)
    return result
