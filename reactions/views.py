"""Posting, reporting and following: POST only, checked on the server, one transaction.

A bad form re-renders the page itself (status 400) with the errors in its panel, so the
reader keeps the text and sees what to fix."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from leernetwerk.core.ratelimits import limit_posts
from leernetwerk.notifications import notify

from .forms import ReactionForm, ReportForm
from .models import Follow, Reaction, ReactionReport, accepts_reactions
from .panel import REQUEST_FORM, REQUEST_REPORT, may_react

NEW_REACTION = "reactions.new_reaction"


def _reaction_page(request, page_id):
    """The live page that accepts reactions and that this visitor may see, or 404."""
    page = get_object_or_404(Page, pk=page_id, live=True).specific
    if not accepts_reactions(page):
        raise Http404
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return page


def _rerender(request, page):
    """The page as its reader saw it, with the bound forms: a 400 for bad input."""
    response = page.serve(request)
    response.status_code = 400
    return response


def _back(page, anchor="reacties"):
    return redirect(f"{page.url}#{anchor}")


@require_POST
@limit_posts("reactie", keys=("user",))
def post_reaction(request, page_id):
    page = _reaction_page(request, page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    if not may_react(request.user):
        return render(request, "reactions/not_allowed.html", {"page": page}, status=403)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        setattr(request, REQUEST_FORM, form)
        return _rerender(request, page)
    with transaction.atomic():
        reaction = Reaction.objects.create(
            page=page, author=request.user, text=form.cleaned_data["text"]
        )
        # Reacting follows the page: the author hears of the answers.
        Follow.objects.get_or_create(user=request.user, page=page)
    _notify_followers(page, reaction)
    messages.success(request, _("Je reactie is geplaatst. Je volgt deze pagina nu."))
    return _back(page, f"reactie-{reaction.pk}")


def _notify_followers(page, reaction):
    followers = [
        follow.user
        for follow in Follow.objects.filter(page=page, user__is_active=True)
        .exclude(user=reaction.author)
        .select_related("user")
    ]
    if not followers:
        return
    # The mail holds no reaction text (the reader may not be allowed to see it): a link.
    notify(
        followers,
        kind=NEW_REACTION,
        subject=_("Nieuwe reactie bij “%(title)s”") % {"title": page.title},
        text=_(
            "Er is een nieuwe reactie geplaatst bij een pagina die je volgt. "
            "Lees hem op de website."
        ),
        url=f"{page.url}#reactie-{reaction.pk}",
    )


@require_POST
@login_required
@limit_posts("melding", keys=("user",))
def report_reaction(request, pk):
    reaction = get_object_or_404(Reaction.objects.select_related("page"), pk=pk)
    page = _reaction_page(request, reaction.page_id)
    if reaction.is_hidden:
        raise Http404
    form = ReportForm(request.POST, reaction=reaction)
    if form.is_valid():
        try:
            with transaction.atomic():
                ReactionReport.objects.create(
                    reaction=reaction, reporter=request.user, reason=form.cleaned_data["reason"]
                )
        except IntegrityError:
            form.add_error(None, _("Je hebt deze reactie al gemeld. Een moderator kijkt ernaar."))
        else:
            messages.success(
                request, _("Bedankt voor je melding. Een moderator beoordeelt de reactie.")
            )
            return _back(page, f"reactie-{reaction.pk}")
    setattr(request, REQUEST_REPORT, (reaction.pk, form))
    return _rerender(request, page)


@require_POST
@login_required
@limit_posts("volgen", keys=("user",))
def toggle_follow(request, page_id):
    page = _reaction_page(request, page_id)
    deleted, _rows = Follow.objects.filter(user=request.user, page=page).delete()
    if deleted:
        messages.success(request, _("Je volgt deze pagina niet meer."))
    else:
        Follow.objects.get_or_create(user=request.user, page=page)
        messages.success(
            request, _("Je volgt deze pagina. Bij een nieuwe reactie krijg je bericht.")
        )
    return _back(page)
