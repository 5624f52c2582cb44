from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Doelgroep, Herindeling, Levensgebied, Regio, SectorGroep


class LevensgebiedViewSet(SnippetViewSet):
    model = Levensgebied
    icon = "list-ul"
    list_display = ["name", "scheme", "sort_order"]
    list_filter = ["scheme"]
    ordering = ["scheme", "sort_order"]


class SectorGroepViewSet(SnippetViewSet):
    model = SectorGroep
    icon = "group"
    list_display = ["number", "name"]


class DoelgroepViewSet(SnippetViewSet):
    model = Doelgroep
    icon = "user"
    list_display = ["name"]


class RegioViewSet(SnippetViewSet):
    model = Regio
    icon = "site"
    list_display = ["name", "kind", "province", "cbs_code"]
    list_filter = ["kind", "province"]
    search_fields = ["name", "cbs_code"]
    # The search index (bulk loads refresh it) also serves the chooser of ~430 regions.


class HerindelingViewSet(SnippetViewSet):
    model = Herindeling
    icon = "history"
    list_display = ["old_name", "old_code", "regio", "date"]
    search_fields = ["old_name", "old_code"]
    search_backend_name = None  # not indexed: a plain database filter


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomie")
    menu_icon = "tag"
    menu_order = 300
    items = (
        LevensgebiedViewSet,
        SectorGroepViewSet,
        DoelgroepViewSet,
        RegioViewSet,
        HerindelingViewSet,
    )


register_snippet(TaxonomyGroup)
