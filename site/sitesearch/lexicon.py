"""The Dutch word list behind plural reduction and decompounding.

Words come from wordfreq's Dutch list (``wordfreq.get_frequency_dict("nl")``, MIT
code, data CC BY-SA 4.0, read at run time, not copied into this repository), kept
when they are alphabetic, at least three letters long and seen at least once per ten
million words (Zipf >= 2). Features may add words of their own field (a lexicon of
abbreviations, say) through ``register_words``; they count as common words.

Loading takes about half a second and 4 MB, once per process, on the first search or
index write.
"""

import math
import threading

import wordfreq

from .text import fold

MIN_ZIPF = 2.0
_registered: set[str] = set()
_lock = threading.Lock()
_words: dict[str, float] | None = None
_listeners = []  # caches of analyses that depend on the list


def on_change(clear):
    """Call ``clear()`` whenever words are registered (cached analyses go stale)."""
    _listeners.append(clear)
    return clear


def register_words(words):
    """Add field words (already folded) to the list, e.g. 'ggz', 'wmo', 'jeugdwet'."""
    global _words
    with _lock:
        _registered.update(w for w in words if w.isalpha() and len(w) >= 2)
        _words = None  # rebuilt with the new words on next use
    for clear in _listeners:
        clear()


def zipf(word):
    """The word's Zipf frequency (log10 per billion words), 0.0 when unknown."""
    return _load().get(word, 0.0)


def registered(word):
    """Whether a feature registered ``word`` as a word of its field."""
    return word in _registered


def known(word):
    return word in _load()


def _load():
    global _words
    words = _words
    if words is not None:
        return words
    with _lock:
        if _words is None:
            frequencies = wordfreq.get_frequency_dict("nl")
            floor = 10 ** (MIN_ZIPF - 9)
            loaded = {}
            for word, freq in frequencies.items():
                if freq >= floor and len(word) >= 3 and word.isalpha():
                    word = fold(word)  # coördinatie -> coordinatie, as the analysis folds
                    loaded[word] = max(loaded.get(word, 0.0), round(math.log10(freq) + 9, 2))
            for word in _registered:
                loaded[word] = max(loaded.get(word, 0.0), 4.0)
            _words = loaded
        return _words
