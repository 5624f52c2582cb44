"""Admin: the synonyms snippet and the home-page panel with guidelines due for review."""

from celery.schedules import crontab
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from leernetwerk.core.hooks import (
    FEEDS,
    NOTIFICATION_KINDS,
    PERIODIC_TASKS,
    SITE_SECTIONS,
    SITE_URLS,
    PeriodicTask,
    SiteSection,
)

from . import notifications
from .models import Synoniemgroep
from .models.richtlijn import REVIEW_WARNING_DAYS, review_due
from .search.views import site_search


class SynoniemgroepViewSet(SnippetViewSet):
    model = Synoniemgroep
    icon = "list-ul"
    menu_label = _("Synoniemen")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["__str__"]
    search_fields = ["terms"]


register_snippet(SynoniemgroepViewSet)


class ReviewDuePanel(Component):
    """Guidelines past their review date or due within 30 days."""

    name = "richtlijnen_herziening"
    order = 150
    template_name = "learning/admin/review_due_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["guidelines"] = list(review_due())
        context["today"] = timezone.localdate()
        context["days"] = REVIEW_WARNING_DAYS
        return context


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(ReviewDuePanel())


@hooks.register(SITE_URLS)
def site_urls():
    # /zoeken/ keeps its short name: the header's search form points at it on every page.
    return [path("zoeken/", site_search, name="search"), path("", include("learning.urls"))]


@hooks.register(SITE_SECTIONS)
def kennisbank_section():
    return SiteSection(
        "learning.KennisbankPage",
        "kennisbank",
        "Kennisbank",
        "Lessen uit de praktijk, verslagen van leercirkels en richtlijnen: doorzoekbaar op "
        "levensgebied, doelgroep, sector en regio.",
        menu_order=10,
    )


@hooks.register(NOTIFICATION_KINDS)
def notification_kinds():
    return notifications.KINDS


@hooks.register(PERIODIC_TASKS)
def periodic_tasks():
    return [
        PeriodicTask(
            name="Richtlijnen die herzien moeten worden",
            task="learning.review_reminders",
            schedule=crontab(hour=7, minute=30),
        )
    ]


@hooks.register(FEEDS)
def feeds():
    return [("Nieuwe lessen in de kennisbank", reverse("learning:lessons_feed"))]
