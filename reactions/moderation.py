"""The moderation queue in the CMS: a snippet listing of reactions (reported ones first)
with filters, and Wagtail bulk actions to hide and restore, each logged."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Reaction, ReactionReport

MODERATE = "reactions.moderate_reaction"


class ReactionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Reaction.Status.choices)
    reported = django_filters.BooleanFilter(label=_("Gemeld"), method="filter_reported")
    page = django_filters.ModelChoiceFilter(
        label=_("Pagina"),
        queryset=Page.objects.filter(reactions__isnull=False).distinct().order_by("title"),
    )

    class Meta:
        model = Reaction
        fields = ["status", "page"]

    def filter_reported(self, queryset, name, value):
        reports = Exists(ReactionReport.objects.filter(reaction=OuterRef("pk")))
        if value is None:
            return queryset
        return queryset.filter(reports) if value else queryset.exclude(reports)


class ReactionViewSet(SnippetViewSet):
    model = Reaction
    icon = "comment"
    menu_label = _("Reacties")
    add_to_admin_menu = True
    menu_order = 320
    filterset_class = ReactionFilterSet
    list_display = [
        "__str__",
        Column("page", label=_("Pagina")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("report_count", label=_("Meldingen"), sort_key="report_count"),
        DateColumn("created_at", label=_("Geplaatst"), sort_key="created_at"),
    ]
    # Reported reactions first (most reports on top), then the newest.
    ordering = ["-report_count", "-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "page",
        "author",
        "text",
        "created_at",
        "status",
        "hidden_by",
        "hidden_at",
    ]
    panels = [PageChooserPanel("page"), FieldPanel("text"), FieldPanel("status")]

    def get_queryset(self, request):
        return (
            Reaction.objects.with_report_count()
            .select_related("author", "page")
            .order_by("-report_count", "-created_at")
        )


class ModerationBulkAction(SnippetBulkAction):
    models = [Reaction]
    template_name = "reactions/admin/confirm_moderation.html"

    def check_perm(self, obj):
        return self.request.user.has_perm(MODERATE)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action"] = self
        return context

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    # What a subclass decides: which reactions it changes, how, and what it says.
    log_action = ""

    @classmethod
    def applies_to(cls, reaction):
        raise NotImplementedError

    @classmethod
    def apply(cls, reaction, user):
        raise NotImplementedError

    @classmethod
    def done_message(cls, count):
        raise NotImplementedError

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        done = 0
        for reaction in objects:
            if cls.applies_to(reaction):
                cls.apply(reaction, user)  # save(): the page cache is purged
                log(instance=reaction, action=cls.log_action, user=user)
                done += 1
        return done, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.done_message(num_parent_objects) % {"count": num_parent_objects}


class HideBulkAction(ModerationBulkAction):
    display_name = _("Verbergen")
    action_type = "verbergen"
    aria_label = _("Geselecteerde reacties verbergen")
    action_priority = 10
    question = _("Deze reacties verbergen? Bezoekers zien ze dan niet meer.")
    button = _("Ja, verbergen")
    log_action = "reactions.hide"

    @classmethod
    def applies_to(cls, reaction):
        return not reaction.is_hidden

    @classmethod
    def apply(cls, reaction, user):
        reaction.hide(user)

    @classmethod
    def done_message(cls, count):
        return ngettext("%(count)d reactie verborgen.", "%(count)d reacties verborgen.", count)


class RestoreBulkAction(ModerationBulkAction):
    display_name = _("Terugzetten")
    action_type = "terugzetten"
    aria_label = _("Geselecteerde reacties weer tonen")
    action_priority = 20
    question = _("Deze reacties weer tonen onder hun pagina?")
    button = _("Ja, terugzetten")
    log_action = "reactions.restore"

    @classmethod
    def applies_to(cls, reaction):
        return reaction.is_hidden

    @classmethod
    def apply(cls, reaction, user):
        reaction.restore()

    @classmethod
    def done_message(cls, count):
        return ngettext("%(count)d reactie teruggezet.", "%(count)d reacties teruggezet.", count)
