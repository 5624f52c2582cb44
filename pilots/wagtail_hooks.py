from django.template.loader import render_to_string
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from leernetwerk.core.exports import FormulaSafeExportMixin
from leernetwerk.core.hooks import (
    NOTIFICATION_KINDS,
    PAGE_PANELS,
    SITE_SECTIONS,
    SITE_URLS,
    SiteSection,
)

from . import notifications
from .models import Aanmelding, PilotIndexPage, PilotPage, Programma, RegioRedactie
from .models.pages import STARTED_AT_TYPE
from .permissions import ensure_pilot_workflow, sync_region_page_permissions


class ProgrammaViewSet(SnippetViewSet):
    model = Programma
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]


class RegioRedactieViewSet(SnippetViewSet):
    model = RegioRedactie
    icon = "group"
    list_display = ["regio", "group"]


class AanmeldingIndexView(FormulaSafeExportMixin, IndexView):
    """CSV export of applications with formula injection escaped (leernetwerk.core.exports)."""


class AanmeldingViewSet(SnippetViewSet):
    model = Aanmelding
    index_view_class = AanmeldingIndexView
    icon = "form"
    list_display = ["regio", "contact_name", "oproep", "status", "submitted_at"]
    list_filter = ["status", "oproep"]
    list_export = [
        "submitted_at",
        "oproep",
        "status",
        "regio",
        "contact_name",
        "contact_role",
        "contact_email",
        "contact_phone",
        "programma",
        "organisations_display",
        "sector_groups_display",
        "motivation",
    ]
    export_filename = "pilotaanmeldingen"
    ordering = ["-submitted_at"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Aanmelding.objects.select_related("regio", "oproep", "programma").prefetch_related(
            "organisations__sector"
        )


class PilotsGroup(SnippetViewSetGroup):
    menu_label = _("Pilots")
    menu_icon = "site"
    menu_order = 310
    items = (AanmeldingViewSet, ProgrammaViewSet, RegioRedactieViewSet)


register_snippet(PilotsGroup)


@hooks.register("after_create_page")
def setup_new_pilot_pages(request, page):
    specific = page.specific
    if isinstance(specific, PilotPage):
        sync_region_page_permissions(pilots=[specific])
    elif isinstance(specific, PilotIndexPage):
        ensure_pilot_workflow(specific)


@hooks.register(SITE_URLS)
def site_urls():
    return [path("", include("pilots.urls"))]


@hooks.register(SITE_SECTIONS)
def pilots_section():
    return SiteSection(
        "pilots.PilotIndexPage",
        "pilots",
        "Pilots",
        "Regio's die samen met jongeren nieuwe werkwijzen uitproberen, en wat zij daarvan leren.",
        menu_order=20,
    )


@hooks.register(NOTIFICATION_KINDS)
def notification_kinds():
    return notifications.KINDS


@hooks.register(PAGE_PANELS)
def started_pilots_panel(page, request):
    """On a learning circle: the pilots that started there (PilotPage.started_at)."""
    if (page._meta.app_label, page._meta.model_name) != STARTED_AT_TYPE:
        return None
    pilots = list(PilotPage.objects.live().public().filter(started_at=page).order_by("title"))
    if not pilots:
        return None
    return render_to_string(
        "pilots/started_pilots_panel.html", {"pilots": pilots, "leercirkel": page}, request=request
    )
