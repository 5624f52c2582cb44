"""What reactions add to the site: the panel below pages that accept reactions, its URLs,
the moderation queue in the CMS, the notification kind, and the account's data."""

from django.db.models import Count
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from leernetwerk.core.hooks import (
    ACCOUNT_DATA,
    ACCOUNT_DELETION_NOTICES,
    BEFORE_ACCOUNT_DELETE,
    NOTIFICATION_KINDS,
    PAGE_PANELS,
    SITE_URLS,
)
from leernetwerk.notifications import NotificationKind
from leernetwerk.pagecache.purge import purge

from .models import Follow, Reaction, ReactionReport
from .moderation import HideBulkAction, ReactionViewSet, RestoreBulkAction
from .panel import render_panel
from .views import NEW_REACTION

register_snippet(ReactionViewSet)

for action_class in (HideBulkAction, RestoreBulkAction):
    hooks.register("register_bulk_action", action_class)


@hooks.register("register_log_actions")
def reaction_log_actions(actions):
    actions.register_action("reactions.hide", _("Verbergen"), _("Reactie verborgen"))
    actions.register_action("reactions.restore", _("Terugzetten"), _("Reactie teruggezet"))


@hooks.register(PAGE_PANELS)
def reactions_panel(page, request):
    return render_panel(page, request)


@hooks.register(SITE_URLS)
def site_urls():
    return [path("", include("reactions.urls"))]


@hooks.register(NOTIFICATION_KINDS)
def notification_kinds():
    return [
        NotificationKind(
            key=NEW_REACTION,
            label="Nieuwe reacties",
            description="Een nieuwe reactie bij een les, leercirkel of richtlijn die je volgt.",
        )
    ]


@hooks.register(ACCOUNT_DATA)
def reactions_in_account_data(user):
    reactions = Reaction.objects.filter(author=user).select_related("page").order_by("pk")
    follows = Follow.objects.filter(user=user).select_related("page").order_by("pk")
    reports = ReactionReport.objects.filter(reporter=user).order_by("pk")
    return {
        "reacties": [
            {
                "pagina": r.page.url or "",
                "tekst": r.text,
                "geplaatst_op": r.created_at.isoformat(),
                "status": r.get_status_display(),
            }
            for r in reactions
        ],
        "gevolgde_paginas": [
            {"pagina": f.page.url or "", "sinds": f.created_at.isoformat()} for f in follows
        ],
        "meldingen": [
            {"reactie": m.reaction_id, "reden": m.reason, "gemeld_op": m.created_at.isoformat()}
            for m in reports
        ],
    }


@hooks.register(ACCOUNT_DELETION_NOTICES)
def reactions_deletion_notices(user):
    count = Reaction.objects.filter(author=user).aggregate(n=Count("pk"))["n"]
    if not count:
        return []
    what = "Je reactie blijft" if count == 1 else f"Je {count} reacties blijven"
    return [
        f"{what} staan, met 'verwijderd account' in plaats van je naam en organisatie. "
        "Welke pagina's je volgt en wat je hebt gemeld, wordt gewist."
    ]


@hooks.register(BEFORE_ACCOUNT_DELETE)
def anonymise_reactions(user):
    # The reactions stay, without author; follows and reports go with the account
    # (CASCADE). update() sends no signal, so the page cache is purged here.
    if Reaction.objects.filter(author=user).update(author=None):
        purge("reacties van verwijderd account")
