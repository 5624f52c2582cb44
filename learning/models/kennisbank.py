"""The kennisbank landing page: a faceted search over lessons, sessions and guidelines."""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from leernetwerk.core.models import SectionIndexPage


class KennisbankPage(SectionIndexPage):
    """The section's landing page (kennisbank) with the faceted search."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["learning.Les", "learning.Leercirkel", "learning.Richtlijn"]

    class Meta:
        verbose_name = _("kennisbank")

    def get_context(self, request, *args, **kwargs):
        from learning.search.views import search_context

        # Skip SectionIndexPage's child listing: the search below replaces it.
        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        context.update(search_context(request, scope="kennisbank"))
        context["form_action"] = self.url
        context["popular_themes"] = popular_themes()
        return context


def popular_themes(limit=8):
    """The themes (tags) most used in the kennisbank, for the empty state: counted
    over live, public pages, like the search's own facets."""
    from learning.search.database import DatabaseBackend

    return [
        {"label": label, "query": urlencode({"thema": value})}
        for value, label, _count in DatabaseBackend().popular("thema", limit)
    ]
