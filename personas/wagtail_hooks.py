from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from leernetwerk.core.hooks import PAGE_PANELS, SITE_SECTIONS, SITE_URLS, SiteSection

from . import admin_views
from .models import Dataset, Kenmerk, PersonaIndexPage, PersonaPage
from .relations import personas_for


class KenmerkViewSet(SnippetViewSet):
    model = Kenmerk
    icon = "tag"
    list_display = ["label", "code", "source"]
    search_fields = ["label", "code"]


class DatasetViewSet(SnippetViewSet):
    model = Dataset
    icon = "table"
    list_display = ["name", "year", "region_level", "is_fictional", "updated_at"]
    list_filter = ["is_fictional", "region_level"]


class PersonaFiguresGroup(SnippetViewSetGroup):
    menu_label = _("Persona-cijfers")
    menu_icon = "table"
    menu_order = 310
    items = (KenmerkViewSet, DatasetViewSet)


register_snippet(PersonaFiguresGroup)

admin_urls = [
    path("", admin_views.upload, name="upload"),
    path("opslaan/", admin_views.confirm, name="confirm"),
    path("export/<int:pk>/", admin_views.export, name="export"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("persona-cijfers/", include((admin_urls, "personas_admin")))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Cijfers importeren"), reverse("personas_admin:upload"), icon_name="upload", order=311
    )


@hooks.register(SITE_URLS)
def site_urls():
    return [path("", include("personas.urls"))]


@hooks.register(SITE_SECTIONS)
def personas_section():
    return SiteSection(
        "personas.PersonaIndexPage",
        "personas",
        "Persona's",
        "Zestien jongeren in verschillende situaties, gemaakt met jongeren uit pilotgemeenten, "
        "met cijfers over hoeveel jongeren in uw regio hun kenmerken delen.",
        menu_order=30,
    )


@hooks.register(PAGE_PANELS)
def persona_panel(page, request):
    """Under a lesson, tool, pilot or other page: the personas that relate to it."""
    if isinstance(page, PersonaPage | PersonaIndexPage):
        return None
    personas = personas_for(page)
    if not personas:
        return None
    return render_to_string(
        "personas/related_panel.html", {"personas": personas, "page": page}, request=request
    )
