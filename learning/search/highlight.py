"""Highlighted snippets: a window of text around the first matched word, escaped,
with <mark> around every word whose term, or one of whose compound parts, the query
looked for (schuldhulpverlening is marked for "schulden")."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from leernetwerk.sitesearch.analysis import fold, token

_TOKEN = re.compile(r"\w+", re.UNICODE)
WINDOW = 28


def highlight(text, terms, fallback=""):
    """``text`` is plain text (a page's ``search_text()``, which turned its HTML into
    text once): a "<" in it is a character, so it is escaped, not parsed again."""
    text = " ".join((text or "").split())
    if not text or not terms:
        return escape(_shorten(fallback or text))
    spans = [m for m in _TOKEN.finditer(text) if not terms.isdisjoint(_terms(m.group(0)))]
    if not spans:
        return escape(_shorten(fallback or text))
    all_words = list(_TOKEN.finditer(text))
    first = next(i for i, m in enumerate(all_words) if m.start() == spans[0].start())
    start_word = max(0, first - WINDOW // 3)
    end_word = min(len(all_words), start_word + WINDOW)
    start = all_words[start_word].start()
    end = all_words[end_word - 1].end()
    pieces = ["… " if start > 0 else ""]
    position = start
    for match in spans:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append(" …")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


@lru_cache(maxsize=50_000)
def _terms(word):
    """A word's search term and its compound parts; cached, as snippets repeat words."""
    analysed = token(fold(word))
    if analysed is None:
        return frozenset()
    return frozenset((analysed.term, *analysed.leaves))


def _shorten(text, limit=220):
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
