"""'Bedoelt u…?': replace unknown words by the closest word that the content uses."""

import difflib
import uuid

from django.core.cache import cache

from leernetwerk.sitesearch.analysis import STOPWORDS, stem, words

VERSION_KEY = "learning:vocabulary:version"


def bump_version(**kwargs):
    # Random, not a counter: after a cache flush a counter would start again at a
    # number that a process may still hold a vocabulary for.
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


_in_process = {}  # version -> vocabulary, the one this process used last


def vocabulary():
    """Folded words of titles, summaries and facet labels of live pages (cached).

    Shared through the cache, and kept in the process too: unpickling the whole
    vocabulary on every search cost 1-2 ms at 20,000 lessons; a search now reads
    only the small version number from the cache."""
    version = cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)
    vocab = _in_process.get(version)
    if vocab is not None:
        return vocab
    key = f"learning:vocabulary:{version}"
    vocab = cache.get(key)
    if vocab is None:
        vocab = _build_vocabulary()
        cache.set(key, vocab, 24 * 3600)
    _in_process.clear()
    _in_process[version] = vocab
    return vocab


def _build_vocabulary():
    from wagtail.models import Page

    from learning.models import FacetValue, Les, Richtlijn

    counts = {}
    texts = [
        *Page.objects.live().values_list("title", flat=True),
        *Les.objects.live().values_list("summary", flat=True),
        *Richtlijn.objects.live().values_list("summary", flat=True),
        *FacetValue.objects.values_list("label", flat=True).distinct(),
    ]
    for text in texts:
        for word in words(text):
            if len(word) > 2 and word not in STOPWORDS and not word.isdigit() and "-" not in word:
                counts[word] = counts.get(word, 0) + 1
    by_stem = {}
    for word, n in counts.items():
        by_stem.setdefault(stem(word), []).append((n, word))
    return {
        "words": counts,
        "stems": frozenset(by_stem),
    }


def suggest(text):
    """A corrected query, or None when every word is known (or nothing is close)."""
    vocab = vocabulary()
    known_stems = vocab["stems"]
    changed = False
    result = []
    for word in words(text):
        if "-" in word:
            continue
        if word in STOPWORDS or word.isdigit() or stem(word) in known_stems:
            result.append(word)
            continue
        candidates = [w for w in vocab["words"] if abs(len(w) - len(word)) <= 2]
        close = difflib.get_close_matches(word, candidates, n=3, cutoff=0.75)
        if close:
            best = max(
                close,
                key=lambda w: (difflib.SequenceMatcher(None, word, w).ratio(), vocab["words"][w]),
            )
            result.append(best)
            changed = True
        else:
            result.append(word)
    return " ".join(result) if changed else None
