"""Text before analysis: folding case and diacritics, splitting words, and the plain
text of editor-made HTML."""

import html
import re
import unicodedata

# A word, with inner hyphens and apostrophes: "jeugd-ggz", "regio's", "18-jarigen".
WORD = re.compile(r"[\w]+(?:[-'][\w]+)*", re.UNICODE)

# Every combining mark (what unicodedata.combining() flags), as one character class:
# stripping them with a regex is ~20x faster than testing each character in Python,
# which mattered when importing 20,000 lessons.
_MARKS = "".join(re.escape(chr(c)) for c in range(0x110000) if unicodedata.combining(chr(c)))
_COMBINING = re.compile(f"[{_MARKS}]")


# Invisible characters that pasted text carries inside words (soft hyphen, zero-width
# joiners and spaces, direction marks): they must not split "jonge\u00adren" in two.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def fold(text: str) -> str:
    """Lower-case and strip diacritics: 'Coördinatie' -> 'coordinatie'."""
    folded = text.casefold()
    if folded.isascii():
        return folded  # nothing to decompose
    folded = _INVISIBLE.sub("", folded)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded))


def words(text: str) -> list[str]:
    """Folded words of ``text``; hyphenated words are also split into their parts."""
    result = []
    for match in WORD.finditer(fold(text)):
        word = match.group(0)
        result.append(word)
        if "-" in word or "'" in word:
            result.extend(part for part in re.split(r"[-']", word) if part)
    return result


# Block-level tags separate words; inline ones (b, i, a, span…) may sit inside one.
_BLOCK_TAG = re.compile(
    r"</?(?:p|br|div|li|ul|ol|h[1-6]|blockquote|figure|hr|table|tr|td|th)\b[^>]*>", re.I
)
# Only what HTML parses as a tag or comment: "jongeren < 18 jaar" keeps its text.
_TAG = re.compile(r"<(?:/?[A-Za-z][^>]*|!--.*?--)>", re.S)


def plain_text(markup: str) -> str:
    """The text of editor-made HTML (rich text, StreamField blocks) for search
    snippets: block tags become spaces, other tags vanish, entities become their
    characters. Not a sanitiser: every caller escapes the result. Regexes, not
    Django's strip_tags (an HTML parser), which took about a fifth of a search's
    time to render ten hits."""
    markup = markup or ""
    if "<" not in markup and "&" not in markup:
        return markup
    return html.unescape(_TAG.sub("", _BLOCK_TAG.sub(" ", markup)))
