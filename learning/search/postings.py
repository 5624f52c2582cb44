"""The full-text index of the database backend: posting lists with BM25F impacts.

Every term has one row (``TermPostings``) with the ids of the pages that contain
it and, per page, its *impact*: the BM25F weight of the term in that page without
the idf, computed when the page is indexed:

    tf~ = sum over fields f of  w_f * tf_f / (1 - b_f + b_f * len_f / avglen_f)
    impact = tf~ * (k1 + 1) / (k1 + tf~)

with the field weights title > summary > taxonomy > body. A compound's parts count
``PART_WEIGHT`` of an occurrence (a page about "schuldhulpverlening" holds "schuld"
a little). The idf is applied per search, over the pages the search covers, so it is
always current (scoring.py). The average field lengths are those of the index when
the page was written; ``manage.py reindex`` recomputes every impact.

Both databases store the same rows, and Elasticsearch stores the same impacts as
``rank_features``, so every backend ranks alike. Writers take a lock (PostgreSQL:
an advisory transaction lock; SQLite has one writer anyway), so two publishes never
rewrite a posting list from the same old copy.
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction
from django.db.models import Avg

from learning.models import SearchDocument, SearchWord, TermPostings
from leernetwerk.sitesearch.analysis import tokens

from .. import sql_insert

FIELDS = ("title", "summary", "taxonomy", "body")
WEIGHTS = np.array([4.0, 2.0, 2.5, 1.0], dtype=np.float64)
LENGTH_NORMS = np.array([0.5, 0.5, 0.0, 0.75], dtype=np.float64)  # BM25's b per field
K1 = 1.2
PART_WEIGHT = 0.4
MAX_TERM_LENGTH = 100
LOCK_ID = 16_27_0001  # PostgreSQL advisory lock of index writers
ID_TYPE = np.dtype("<i4")
IMPACT_TYPE = np.dtype("<f4")


@dataclass
class Analysed:
    """A page's index entry before its impacts are known."""

    terms: list[str]
    tf: np.ndarray  # (terms, fields): occurrences, parts counting PART_WEIGHT
    lengths: np.ndarray  # tokens per field
    words: dict[str, str]  # folded word -> term, for the vocabulary


def analyse_document(document):
    """Term frequencies per field of a ``documents.Document``."""
    counts = defaultdict(lambda: np.zeros(len(FIELDS), dtype=np.float64))
    lengths = np.zeros(len(FIELDS), dtype=np.int64)
    words = {}
    for f, text in enumerate((document.title, document.summary, document.taxonomy, document.body)):
        found = tokens(text)
        lengths[f] = len(found)
        for token in found:
            if len(token.term) <= MAX_TERM_LENGTH:
                counts[token.term][f] += 1.0
                if token.word.isalpha() and len(token.word) <= MAX_TERM_LENGTH:
                    words[token.word] = token.term
            for part in token.parts:
                if part != token.term:
                    counts[part][f] += PART_WEIGHT
    terms = list(counts)
    tf = np.array([counts[t] for t in terms]) if terms else np.zeros((0, len(FIELDS)))
    return Analysed(terms, tf, lengths, words)


def impacts(analysed, average_lengths):
    """The BM25F impact of each of ``analysed.terms``."""
    if not analysed.terms:
        return np.zeros(0, dtype=IMPACT_TYPE)
    average = np.maximum(np.asarray(average_lengths, dtype=np.float64), 1.0)
    norms = 1.0 - LENGTH_NORMS + LENGTH_NORMS * analysed.lengths / average
    weighted = (analysed.tf * (WEIGHTS / norms)).sum(axis=1)
    return (weighted * (K1 + 1.0) / (K1 + weighted)).astype(IMPACT_TYPE)


def average_lengths():
    """Mean terms per field over the indexed pages (1.0 for an empty index)."""
    names = [f"{field}_length" for field in FIELDS]
    row = SearchDocument.objects.aggregate(**{name: Avg(name) for name in names})
    return np.array([row[name] or 1.0 for name in names], dtype=np.float64)


def read(terms):
    """term -> (page ids, impacts) as arrays, for the terms that have postings."""
    terms = sorted(set(terms))
    result = {}
    table = connection.ops.quote_name(TermPostings._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(terms), 500):
            chunk = terms[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT term, pages, impacts FROM {table} WHERE term IN ({marks})",  # noqa: S608
                chunk,
            )
            for term, pages, weights in cursor.fetchall():
                result[term] = (
                    np.frombuffer(bytes(pages), dtype=ID_TYPE),
                    np.frombuffer(bytes(weights), dtype=IMPACT_TYPE),
                )
    return result


class IndexWriter:
    """Replace or remove the index entries of pages; ``write()`` applies them all.

    Used for one page at a time (publish, unpublish) and by the importer for
    thousands: each posting list is read and written once per ``write()``.
    """

    def __init__(self):
        self.entries = {}  # page id -> Analysed, or None to remove

    def replace(self, page_id, document):
        self.entries[page_id] = analyse_document(document)

    def replace_analysed(self, page_id, analysed):
        self.entries[page_id] = analysed

    def remove(self, page_id):
        self.entries[page_id] = None

    def write(self):
        if not self.entries:
            return
        with transaction.atomic():
            _lock()
            ids = list(self.entries)
            old = {}
            for start in range(0, len(ids), 500):
                rows = SearchDocument.objects.filter(page_id__in=ids[start : start + 500])
                for page_id, terms, words in rows.values_list("page_id", "terms", "words"):
                    old[page_id] = (terms.split(), words.split())
            sql_insert.delete(SearchDocument, "page_id", list(old))
            sql_insert.insert(
                SearchDocument,
                [
                    "page_id",
                    "terms",
                    "words",
                    *(f"{field}_length" for field in FIELDS),
                ],
                [
                    (
                        page_id,
                        " ".join(entry.terms),
                        " ".join(entry.words),
                        *(int(n) for n in entry.lengths),
                    )
                    for page_id, entry in self.entries.items()
                    if entry is not None
                ],
            )
            self._write_postings(old, average_lengths())
            self._count_words(old)
        self.entries = {}

    def _write_postings(self, old, average):
        added = defaultdict(list)  # term -> [(page id, impact)]
        for page_id, entry in self.entries.items():
            if entry is None:
                continue
            for term, impact in zip(entry.terms, impacts(entry, average).tolist(), strict=True):
                added[term].append((page_id, impact))
        dropped = defaultdict(list)  # term -> page ids whose old postings go
        for page_id, (terms, _words) in old.items():
            for term in terms:
                dropped[term].append(page_id)
        touched = set(added) | set(dropped)
        current = read(touched)
        rows = []
        for term in touched:
            pages, weights = current.get(term, (np.zeros(0, ID_TYPE), np.zeros(0, IMPACT_TYPE)))
            gone = np.array(dropped.get(term, []), dtype=ID_TYPE)
            new = added.get(term, [])
            if new:
                gone = np.concatenate([gone, np.array([p for p, _ in new], dtype=ID_TYPE)])
            keep = ~np.isin(pages, gone) if len(gone) else slice(None)
            pages, weights = pages[keep], weights[keep]
            if new:
                pages = np.concatenate([pages, np.array([p for p, _ in new], dtype=ID_TYPE)])
                weights = np.concatenate([weights, np.array([w for _, w in new], IMPACT_TYPE)])
                order = np.argsort(pages, kind="stable")
                pages, weights = pages[order], weights[order]
            if len(pages):
                rows.append((term, pages.astype(ID_TYPE).tobytes(), weights.tobytes()))

        sql_insert.delete(TermPostings, "term", sorted(touched))
        sql_insert.insert(TermPostings, ["term", "pages", "impacts"], rows)

    def _count_words(self, old):
        """Keep SearchWord.pages (in how many pages a word occurs) in step."""
        delta = defaultdict(int)
        terms = {}
        for _page_id, (_terms, words) in old.items():
            for word in words:
                delta[word] -= 1
        for entry in self.entries.values():
            if entry is not None:
                for word, term in entry.words.items():
                    delta[word] += 1
                    terms[word] = term
        changed = {word: n for word, n in delta.items() if n}
        if not changed:
            return
        existing = {}
        words = sorted(changed)
        for start in range(0, len(words), 500):
            rows = SearchWord.objects.filter(word__in=words[start : start + 500])
            existing.update(rows.values_list("word", "pages"))
        sql_insert.delete(SearchWord, "word", sorted(existing))
        rows = []
        for word, n in changed.items():
            total = existing.get(word, 0) + n
            if total > 0:
                rows.append((word, terms.get(word) or _term_of(word), total))
        sql_insert.insert(SearchWord, ["word", "term", "pages"], rows)


def _term_of(word):
    found = tokens(word)
    return found[0].term if found else word


def _lock():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_ID])
