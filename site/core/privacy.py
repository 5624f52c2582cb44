"""The privacy statement that is live now: consent (accounts, plans) records its version.
And the rule that keeps personal data out of the search query log."""

import re

from leernetwerk.sitesearch.analysis import STOPWORDS, stem, words

from .models import PrivacyStatementPage

FALLBACK_VERSION = "2026-1"  # before any privacy statement page is published


def _live_statement():
    return PrivacyStatementPage.objects.live().order_by("-last_published_at").first()


def current_privacy_version():
    page = _live_statement()
    return page.version if page else FALLBACK_VERSION


def privacy_url():
    page = _live_statement()
    return page.url if page else "/privacy/"


# --- The search query log keeps no personal data ------------------------------------------
# Wagtail's search promotions count queries (Query hits) for the "popular searches" report.
# A query is only counted when it looks like a topic search. Rule (issue 15):
# - at most 80 characters and 6 words;
# - no e-mail address or web address, no run of 5 or more digits in total (phone numbers,
#   BSN, client numbers), no Dutch postcode (1234 AB, with or without house number);
# - every word of 3 letters or more that is not a stop word must occur (by its stem) in the
#   published content, so a person's name that the content does not use is not kept.
# Queries that fail are not stored at all (the search itself still works).

_POSTCODE = re.compile(r"\b\d{4}\s?[a-z]{2}\b", re.IGNORECASE)


def query_may_be_recorded(q, known_stems):
    text = (q or "").strip()
    if not text or len(text) > 80 or len(text.split()) > 6:
        return False
    lowered = text.lower()
    if "@" in text or "://" in lowered or "www." in lowered or _POSTCODE.search(text):
        return False
    if sum(ch.isdigit() for ch in text) >= 5:
        return False
    for word in words(text):
        if len(word) < 3 or word in STOPWORDS or word.isdigit():
            continue
        if stem(word) not in known_stems:
            return False
    return True
