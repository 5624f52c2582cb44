"""Search for the HTML pages (/kennisbank/ and /zoeken/) and the JSON endpoints."""

import logging
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from learning.models import Leercirkel, Les, Richtlijn
from leernetwerk.core.privacy import query_may_be_recorded
from leernetwerk.sitesearch.analysis import words

from ..models import KennisbankPage
from ..models.kennisbank import popular_themes
from . import snapshot, vocabulary
from .contract import FACET_LABELS, FACETS, InvalidSearch, SearchRequest, clean_text
from .service import search

logger = logging.getLogger(__name__)

HTML_PAGE_SIZE = 10
AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MAX_LENGTH = 100


def search_context(request, *, scope):
    """Template context for a search page; odd parameters fall back to defaults."""
    search_request = SearchRequest.from_querydict(
        request.GET, scope=scope, page_param="pagina", strict=False, page_size=HTML_PAGE_SIZE
    )
    search_request.page_size = HTML_PAGE_SIZE
    response = search(search_request)
    if response.total and search_request.page > response.num_pages:
        search_request.page = response.num_pages
        response = search(search_request)
    if search_request.q and search_request.page == 1:
        _record_hit(search_request.q)
    chips = [
        {
            "facet": FACET_LABELS[name],
            "label": _label(response.facets.get(name, []), value),
            "remove": urlencode(search_request.as_params(without=(name, value))),
        }
        for name, values in search_request.filters.items()
        for value in values
    ]
    facets = _facet_groups(response.facets)
    params = search_request.as_params()
    return {
        "search": search_request,
        "response": response,
        "facet_groups": facets,
        "chips": chips,
        "query_prefix": urlencode(params),
        "has_search": bool(search_request.q or search_request.filters),
        "suggestion_query": urlencode(
            [("q", response.suggestion)] + [p for p in params if p[0] != "q"]
        )
        if response.suggestion
        else "",
        "pages": _pager(search_request, response),
    }


def _facet_groups(facet_counts):
    """One fieldset per facet; the life domains in two, the eight domains and the Big 5
    (values ``big5-…``), under the same parameter so both still filter together."""
    groups = []
    for name in FACETS:
        counts = facet_counts.get(name) or []
        if name == "levensgebied":
            parts = [
                ("levensgebied", _("Levensgebied (acht domeinen)"), False),
                ("levensgebied-big5", _("Levensgebied (Big 5)"), True),
            ]
            for key, label, big5 in parts:
                chosen = [c for c in counts if c.value.startswith("big5-") == big5]
                if chosen:
                    groups.append({"name": name, "key": key, "label": label, "counts": chosen})
        elif counts:
            label = FACET_LABELS[name]
            groups.append({"name": name, "key": name, "label": label, "counts": counts})
    for group in groups:
        group["selected"] = sum(1 for count in group["counts"] if count.selected)
    return groups


def _label(counts, value):
    for count in counts:
        if count.value == value:
            return count.label
    return value


def _pager(search_request, response):
    number = search_request.page
    last = response.num_pages
    return {
        "number": number,
        "last": last,
        "previous": number - 1 if number > 1 else None,
        "next": number + 1 if number < last else None,
    }


def _record_hit(q):
    """Count the search for Wagtail's popular-searches report (never breaks the page).

    Only topic searches are kept: a query that may hold personal data (an e-mail address,
    a phone or BSN-like number, a postcode, a name the content does not use) is not
    stored (rule: ``leernetwerk.core.privacy.query_may_be_recorded``)."""
    try:
        if not query_may_be_recorded(q, vocabulary.current(snapshot.current_token()).terms):
            return
        Query.get(q).add_hit()
    except Exception:  # the count is a nicety; a failed write must not fail the search
        logger.warning("Zoekopdracht niet geteld", exc_info=True)


@require_GET
def api_search(request):
    """GET /api/search/: the search contract as JSON; bad parameters give a 400."""
    try:
        search_request = SearchRequest.from_querydict(request.GET, scope="kennisbank")
    except InvalidSearch as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    response = search(search_request)
    if search_request.page > response.num_pages and response.total:
        return JsonResponse(
            {
                "error": _("Pagina %(n)s bestaat niet; er zijn %(last)s pagina's.")
                % {"n": search_request.page, "last": response.num_pages}
            },
            status=400,
        )
    return JsonResponse(response.as_json())


@require_GET
def api_autocomplete(request):
    """GET /api/search/autocomplete/?q=wo: titles that start with the typed words.

    Only the folded words of the input reach the search backend (``words``: letters,
    digits and the hyphens and apostrophes inside words), so quotes, operators and
    control characters can never become full-text syntax; the index holds the same
    folded words."""
    q = clean_text(request.GET.get("q", ""))
    if len(q) > AUTOCOMPLETE_MAX_LENGTH:
        return JsonResponse(
            {
                "error": _("De zoekvraag is te lang (maximaal %(n)s tekens).")
                % {"n": AUTOCOMPLETE_MAX_LENGTH}
            },
            status=400,
        )
    terms = words(q)
    if len(q) < 2 or not terms:
        return JsonResponse({"results": []})

    pages = (
        Page.objects.live()
        .public()
        .type(Les, Leercirkel, Richtlijn)
        .autocomplete(" ".join(terms))[:AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse({"results": [{"title": p.title, "url": p.url} for p in pages]})


def site_search(request):
    """/zoeken/: the same search contract over every page, with the kennisbank's advice
    when nothing is found."""
    context = search_context(request, scope="site")
    context["form_action"] = reverse("search")
    context["search_query"] = context["search"].q
    if not context["response"].total and context["has_search"]:
        context["popular_themes"] = popular_themes()
        kennisbank = KennisbankPage.objects.live().first()
        context["kennisbank_url"] = kennisbank.url if kennisbank else ""
    return render(request, "learning/site_search.html", context)
