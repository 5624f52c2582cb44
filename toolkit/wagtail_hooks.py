"""Editors maintain every question, ring item and funding source as snippets."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from leernetwerk.core.hooks import HOME_SECTIONS, SITE_SECTIONS, SITE_URLS, HomeSection, SiteSection

from .models import Financieringsbron, ScanThema, ToetsStap, ToolIndexPage, WielOnderdeel


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


@hooks.register(SITE_URLS)
def site_urls():
    return [path("", include("toolkit.urls"))]


@hooks.register(SITE_SECTIONS)
def tools_section():
    return SiteSection(
        "toolkit.ToolIndexPage",
        "hulpmiddelen",
        "Hulpmiddelen",
        "Interactieve instrumenten voor beleid en praktijk: van participatiewiel tot omgekeerde "
        "toets.",
        menu_order=40,
    )


@hooks.register(HOME_SECTIONS)
def tools_on_home(home, request):
    index_page = ToolIndexPage.objects.live().descendant_of(home).first()
    tools = index_page.get_children().live().public().specific()[:6] if index_page else []
    return HomeSection(
        "hulpmiddelen",
        _("Hulpmiddelen"),
        list(tools),
        empty_text=_("De hulpmiddelen volgen binnenkort."),
        order=30,
    )
