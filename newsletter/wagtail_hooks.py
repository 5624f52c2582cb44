"""What the newsletter adds: its public URLs, the CMS (issues, subscribers, test mail,
sending with progress) and its part of an account's data export and deletion."""

from celery.schedules import crontab
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from leernetwerk.core.hooks import (
    ACCOUNT_DATA,
    ACCOUNT_DELETION_NOTICES,
    BEFORE_ACCOUNT_DELETE,
    FEEDS,
    PAGE_PANELS,
    PERIODIC_TASKS,
    PROFILE_LINKS,
    SITE_URLS,
    PeriodicTask,
)

from . import admin_views
from .models import NewsletterIssue, Subscriber


class NewsletterIssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Nieuwsbrieven")
    list_display = ["subject", "created_at", "sent_at"]
    search_fields = ["subject"]
    ordering = ["-created_at"]


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Abonnees")
    list_display = ["email", "name", "created_at", "confirmed_at"]
    search_fields = ["email", "name"]
    inspect_view_enabled = True
    list_export = ["email", "name", "created_at", "confirmed_at"]
    export_filename = "nieuwsbrief-abonnees"


class NewsletterGroup(SnippetViewSetGroup):
    menu_label = _("Nieuwsbrief")
    menu_icon = "mail"
    menu_order = 320
    items = (NewsletterIssueViewSet, SubscriberViewSet)


register_snippet(NewsletterGroup)

admin_urls = [
    path("<int:pk>/test/", admin_views.send_test, name="test"),
    path("<int:pk>/verzenden/", admin_views.send, name="send"),
    path("<int:pk>/voortgang/", admin_views.progress, name="progress"),
    path("<int:pk>/hervatten/", admin_views.resume, name="resume"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("nieuwsbrief/", include((admin_urls, "newsletter_admin")))]


def issue_actions(issue, user):
    """(label, url name, icon) of what ``user`` may do with ``issue`` besides editing."""
    actions = []
    if user.has_perm(admin_views.TEST_PERMISSION):
        actions.append((_("Testmail naar mezelf"), "newsletter_admin:test", "mail"))
    if issue.is_sent:
        actions.append((_("Voortgang verzending"), "newsletter_admin:progress", "time"))
    elif user.has_perm(admin_views.SEND_PERMISSION):
        actions.append((_("Verzenden…"), "newsletter_admin:send", "upload"))
    return actions


@hooks.register("register_snippet_listing_buttons")
def issue_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, NewsletterIssue):
        return []
    return [
        Button(label, reverse(url_name, args=[snippet.pk]), icon_name=icon, priority=50 + n)
        for n, (label, url_name, icon) in enumerate(issue_actions(snippet, user))
    ]


class IssueActionMenuItem(ActionMenuItem):
    """The same actions in the edit view's action menu (below the Save button)."""

    def __init__(self, index):
        super().__init__(order=200 + index)
        self.index = index

    def _action(self, context):
        issue = context.get("instance")
        if context.get("view") != "edit" or not isinstance(issue, NewsletterIssue):
            return None
        actions = issue_actions(issue, context["request"].user)
        return actions[self.index] if self.index < len(actions) else None

    def is_shown(self, context):
        return self._action(context) is not None

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        label, _url_name, icon = self._action(parent_context)
        context.update(label=label, icon_name=icon)
        return context

    def get_url(self, parent_context):
        _label, url_name, _icon = self._action(parent_context)
        return reverse(url_name, args=[parent_context["instance"].pk])


# issue_actions() gives at most two actions; the hook adds one menu item per call.
@hooks.register("register_snippet_action_menu_item")
def first_issue_action(model):
    return IssueActionMenuItem(0) if model is NewsletterIssue else None


@hooks.register("register_snippet_action_menu_item")
def second_issue_action(model):
    return IssueActionMenuItem(1) if model is NewsletterIssue else None


@hooks.register(SITE_URLS)
def site_urls():
    return [path("", include("newsletter.urls"))]


@hooks.register(FEEDS)
def feeds():
    return [("Nieuwsbrieven van Leernetwerk 16-27", reverse("newsletter:feed"))]


@hooks.register(PERIODIC_TASKS)
def periodic_tasks():
    return [
        PeriodicTask(
            name="Onbevestigde aanmeldingen voor de nieuwsbrief opruimen",
            task="newsletter.purge_unconfirmed",
            schedule=crontab(hour=4, minute=15),
        )
    ]


@hooks.register(PROFILE_LINKS)
def profile_links(user):
    if Subscriber.objects.of_user(user).filter(confirmed_at__isnull=False).exists():
        label = "Nieuwsbrief: je bent aangemeld (afmelden)"
    else:
        label = "Nieuwsbrief: aanmelden"
    return [(label, reverse("newsletter:mine"))]


# The news section says where to subscribe (the footer and menu belong to the foundation).
NEWS_PAGE_TYPES = {"news.newsindexpage", "news.newspage"}


@hooks.register(PAGE_PANELS)
def newsletter_panel(page, request):
    if page._meta.label_lower not in NEWS_PAGE_TYPES:
        return None
    return render_to_string("newsletter/page_panel.html", request=request)


@hooks.register(ACCOUNT_DATA)
def newsletter_in_account_data(user):
    return {
        "nieuwsbrief": [
            {
                "e-mailadres": subscriber.email,
                "naam": subscriber.name,
                "aangemeld_op": subscriber.created_at,
                "bevestigd_op": subscriber.confirmed_at,
            }
            for subscriber in Subscriber.objects.of_user(user)
        ]
    }


@hooks.register(ACCOUNT_DELETION_NOTICES)
def newsletter_deletion_notice(user):
    if Subscriber.objects.of_user(user).exists():
        return ["Je aanmelding voor de nieuwsbrief wordt ook verwijderd."]
    return []


@hooks.register(BEFORE_ACCOUNT_DELETE)
def delete_subscription(user):
    Subscriber.objects.of_user(user).delete()
