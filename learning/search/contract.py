"""The request and response shapes every search backend shares, and request parsing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from leernetwerk.sitesearch.analysis import words

# Facet names double as query parameter names (?levensgebied=wonen&levensgebied=werk).
FACETS = ["type", "levensgebied", "doelgroep", "sector", "regio", "kennisbron", "thema", "jaar"]
FACET_LABELS = {
    "type": "Soort",
    "levensgebied": "Levensgebied",
    "doelgroep": "Doelgroep",
    "sector": "Sector",
    "regio": "Regio",
    "kennisbron": "Kennisbron",
    "thema": "Thema",
    "jaar": "Jaar",
}
SORTS = ("relevantie", "datum")
SCOPES = ("kennisbank", "site")
MAX_QUERY_LENGTH = 200
# Words as the analysis splits them (``analysis.words``). SQLite's full-text parser
# overflows its stack at about 90 words (the query nests one level per word); a
# natural question of 200 characters has some 30.
MAX_QUERY_WORDS = 50
MAX_PAGE_SIZE = 50
MAX_VALUES_PER_FACET = 20
MAX_VALUE_LENGTH = 150


# Control characters (Unicode category Cc: C0, DEL and C1) carry no meaning in a
# search: PostgreSQL refuses a NUL in text, and a NUL cuts SQLite's full-text
# expression short. Lone surrogates (never from a URL, only from Python callers)
# cannot be encoded for any backend. Both are removed where a request is parsed, so
# every backend receives clean words; tabs and new lines count as spaces.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text):
    """``text`` as search words: runs of whitespace (tabs and new lines too) become
    one space, other control characters are removed. 'wo\\x00ning\\tnu' -> 'woning nu'."""
    return " ".join(filter(None, (_CONTROL.sub("", part) for part in text.split())))


def first_words(text, limit=MAX_QUERY_WORDS):
    """The leading whitespace-separated parts of ``text`` that hold at most ``limit``
    words together (a part with more words than are left is dropped with the rest)."""
    kept, count = [], 0
    for part in text.split():
        count += len(words(part))
        if count > limit:
            break
        kept.append(part)
    return " ".join(kept)


def clean_value(value):
    """A filter value without control characters and surrounding whitespace."""
    return _CONTROL.sub("", value).strip()


class InvalidSearch(ValueError):
    """A search request that cannot be answered; the message is shown to the user."""


@dataclass
class SearchRequest:
    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevantie"
    page: int = 1
    page_size: int = 10
    scope: str = "kennisbank"

    def __post_init__(self):
        self.q = clean_text(self.q)
        if len(self.q) > MAX_QUERY_LENGTH:
            raise InvalidSearch(
                _("De zoekvraag is te lang (maximaal %(n)s tekens).") % {"n": MAX_QUERY_LENGTH}
            )
        if len(words(self.q)) > MAX_QUERY_WORDS:
            raise InvalidSearch(
                _("De zoekvraag bevat te veel woorden (maximaal %(n)s).") % {"n": MAX_QUERY_WORDS}
            )
        unknown = sorted(set(self.filters) - set(FACETS))
        if unknown:
            raise InvalidSearch(
                _("Onbekend filter: %(names)s. Kies uit: %(known)s.")
                % {"names": ", ".join(unknown), "known": ", ".join(FACETS)}
            )
        cleaned = {}
        for name, values in self.filters.items():
            values = [v for v in map(clean_value, values) if v]
            if len(values) > MAX_VALUES_PER_FACET:
                raise InvalidSearch(
                    _("Te veel waarden voor filter %(name)s (maximaal %(n)s).")
                    % {"name": name, "n": MAX_VALUES_PER_FACET}
                )
            if any(len(v) > MAX_VALUE_LENGTH for v in values):
                raise InvalidSearch(
                    _("Een filterwaarde voor %(name)s is te lang.") % {"name": name}
                )
            if values:
                cleaned[name] = list(dict.fromkeys(values))
        self.filters = cleaned
        if self.sort not in SORTS:
            raise InvalidSearch(
                _("Sorteren kan alleen op: %(sorts)s.") % {"sorts": ", ".join(SORTS)}
            )
        if not isinstance(self.page, int) or self.page < 1:
            raise InvalidSearch(_("Het paginanummer moet een heel getal van 1 of meer zijn."))
        if not isinstance(self.page_size, int) or not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise InvalidSearch(
                _("Het aantal resultaten per pagina moet tussen 1 en %(n)s liggen.")
                % {"n": MAX_PAGE_SIZE}
            )
        if self.scope not in SCOPES:
            raise InvalidSearch(_("Onbekend zoekgebied."))

    @property
    def effective_sort(self):
        """Without search words there is no relevance; newest first then."""
        return self.sort if self.q else "datum"

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    @classmethod
    def from_querydict(
        cls,
        data,
        *,
        scope="kennisbank",
        page_param="page",
        strict=True,
        page_size=10,
        allowed_extra=(),
    ):
        """Parse GET parameters. ``strict`` (the API) rejects anything odd with
        ``InvalidSearch``; the HTML pages instead fall back to safe defaults."""
        known = {"q", "sort", page_param, "page_size", *FACETS, *allowed_extra}
        unknown = sorted(set(data.keys()) - known)
        if strict and unknown:
            raise InvalidSearch(
                _("Onbekende parameter: %(names)s.") % {"names": ", ".join(unknown)}
            )
        q = data.get("q", "")
        if not strict:
            q = first_words(clean_text(q[:MAX_QUERY_LENGTH]))
        filters = {name: data.getlist(name) for name in FACETS if name in data}
        sort = data.get("sort") or "relevantie"
        if not strict and sort not in SORTS:
            sort = "relevantie"
        page = _int(data.get(page_param), 1, strict, _("Het paginanummer"))
        size = _int(data.get("page_size"), page_size, strict, _("page_size"))
        if not strict:
            page = max(page, 1)
            size = min(max(size, 1), MAX_PAGE_SIZE)
            filters = {
                name: [v for v in values if len(v) <= MAX_VALUE_LENGTH][:MAX_VALUES_PER_FACET]
                for name, values in filters.items()
            }
        return cls(q=q, filters=filters, sort=sort, page=page, page_size=size, scope=scope)

    def as_params(self, *, without=None, page=None):
        """Query parameters that reproduce this request, minus one filter value."""
        params = []
        if self.q:
            params.append(("q", self.q))
        for name, values in self.filters.items():
            for value in values:
                if without != (name, value):
                    params.append((name, value))
        if self.sort != "relevantie":
            params.append(("sort", self.sort))
        if page and page > 1:
            params.append(("pagina", page))
        return params


def _int(raw, default, strict, label):
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except (TypeError, ValueError):
        if strict:
            raise InvalidSearch(
                _("%(label)s moet een heel getal zijn.") % {"label": label}
            ) from None
        return default


@dataclass
class Hit:
    title: str
    url: str
    type: str
    type_label: str
    summary: str
    highlight: str  # HTML: escaped text with <mark> around matched words
    score: float | None
    date: object = None
    promoted: bool = False

    def as_json(self):
        return {
            "title": self.title,
            "url": self.url,
            "type": self.type,
            "summary": self.summary,
            "highlight": str(self.highlight),
            "score": self.score,
            "promoted": self.promoted,
        }


@dataclass
class FacetCount:
    value: str
    label: str
    count: int
    selected: bool = False

    def as_json(self):
        return {"value": self.value, "label": self.label, "count": self.count}


def sort_facet_counts(name, counts):
    """Every backend's order of a facet's values: years newest first, the others by
    count, then label."""
    if name == "jaar":
        counts.sort(key=lambda c: c.value, reverse=True)
    else:
        counts.sort(key=lambda c: (-c.count, c.label.lower()))


@dataclass
class SearchResponse:
    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetCount]]
    suggestion: str | None = None
    backend: str = "database"
    notice: str = ""
    plan: object = None  # the plan.Plan the words became (None without words)

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.request.page_size))

    def as_json(self):
        return {
            "total": self.total,
            "page": self.request.page,
            "page_size": self.request.page_size,
            "results": [hit.as_json() for hit in self.hits],
            "facets": {
                name: [count.as_json() for count in counts] for name, counts in self.facets.items()
            },
            "suggestion": self.suggestion,
        }
