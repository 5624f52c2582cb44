"""The words of the indexed texts, for typo tolerance and "bedoelt u".

Read from ``SearchWord`` (kept by postings.IndexWriter) once per version of the
content (the token in ``SearchState`` that every change renews, snapshot.py), that
is once per process after each change.

A word whose term the index does not know is matched to the closest known words:
edit distance 1 for words of 5 to 7 letters, 2 from 8 letters (swapped letters
count as one edit), preferring the closest, then the most used. Shorter words have
too many neighbours (neet: meet, weet, neem) to guess from.
"""

from dataclasses import dataclass

from django.db import connection
from rapidfuzz import process
from rapidfuzz.distance import OSA

from learning.models import SearchWord

MAX_CANDIDATES = 3


@dataclass(frozen=True)
class Vocabulary:
    words: list[str]
    pages: dict[str, int]  # word -> number of pages that use it
    term_of: dict[str, str]  # word -> its search term
    terms: frozenset[str]  # every term of an indexed word

    @classmethod
    def load(cls):
        rows = list(SearchWord.objects.values_list("word", "term", "pages"))
        return cls(
            words=[word for word, _term, _pages in rows],
            pages={word: pages for word, _term, pages in rows},
            term_of={word: term for word, term, _pages in rows},
            terms=frozenset(term for _word, term, _pages in rows),
        )

    def knows(self, term):
        return term in self.terms

    def close_words(self, word):
        """[(known word, edit distance)] closest first, at most MAX_CANDIDATES."""
        limit = max_distance(word)
        if not limit or not self.words:
            return []
        found = process.extract(
            word, self.words, scorer=OSA.distance, score_cutoff=limit, limit=None
        )
        found.sort(key=lambda item: (item[1], -self.pages.get(item[0], 0), item[0]))
        return [(candidate, int(distance)) for candidate, distance, _i in found[:MAX_CANDIDATES]]


def max_distance(word):
    """How many typing errors a word of this length may hold."""
    if len(word) < 5 or not word.isalpha():
        return 0
    return 1 if len(word) < 8 else 2


_loaded = {}  # (database alias, token) -> Vocabulary; the last one only


def current(token):
    """The vocabulary of the content version ``token`` (snapshot.current_token());
    without a token (a fresh test database) it is read afresh."""
    key = (connection.alias, token)
    vocabulary = _loaded.get(key)
    if vocabulary is None:
        vocabulary = Vocabulary.load()
        if token is not None:
            _loaded.clear()
            _loaded[key] = vocabulary
    return vocabulary
