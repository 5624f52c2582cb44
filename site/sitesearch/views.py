"""Site-wide search page at /zoeken/: the kennisbank search contract over every page,
with facets, editors' picks first, 'did you mean' and highlighted snippets."""

from django.shortcuts import render
from django.urls import reverse

from learning.models import KennisbankPage
from learning.models.kennisbank import popular_themes
from learning.search.views import search_context


def search(request):
    context = search_context(request, scope="site")
    context["form_action"] = reverse("search")
    context["search_query"] = context["search"].q
    if not context["response"].total and context["has_search"]:
        context["popular_themes"] = popular_themes()
        kennisbank = KennisbankPage.objects.live().first()
        context["kennisbank_url"] = kennisbank.url if kennisbank else ""
    return render(request, "sitesearch/search.html", context)
