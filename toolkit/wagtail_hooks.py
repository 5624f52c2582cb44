"""Editors maintain every question, ring item and funding source as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Financieringsbron, ScanThema, ToetsStap, WielOnderdeel


class ToetsStapViewSet(SnippetViewSet):
    model = ToetsStap
    icon = "list-ol"
    list_display = ["number", "title"]
    menu_label = _("Omgekeerde toets")


class WielOnderdeelViewSet(SnippetViewSet):
    model = WielOnderdeel
    icon = "cog"
    list_display = ["name", "ring", "sort_order"]
    list_filter = ["ring"]
    menu_label = _("Participatiewiel")


class FinancieringsbronViewSet(SnippetViewSet):
    model = Financieringsbron
    icon = "tag"
    list_display = ["name"]
    menu_label = _("Financieringsbronnen")


class ScanThemaViewSet(SnippetViewSet):
    model = ScanThema
    icon = "list-ul"
    list_display = ["name", "sort_order"]
    menu_label = _("Participatiescan")


class ToolkitViewSetGroup(SnippetViewSetGroup):
    items = (
        ToetsStapViewSet,
        WielOnderdeelViewSet,
        ScanThemaViewSet,
        FinancieringsbronViewSet,
    )
    menu_icon = "cogs"
    menu_label = _("Hulpmiddelen")
    menu_name = "hulpmiddelen"


register_snippet(ToolkitViewSetGroup)
