"""The reactions panel below a page that accepts reactions (the PAGE_PANELS hook).

What anonymous visitors get depends on the site setting alone (the texts, or the count
and a login invitation) and holds no form or CSRF token, so the page cache may keep it
for every anonymous visitor. Logged-in users are never served from the page cache.
"""

from django.template.loader import render_to_string
from django.urls import reverse

from .forms import ReactionForm, ReportForm
from .models import Follow, ReactionReport, ReactionSettings, accepts_reactions

# A view that re-renders the page after a bad POST leaves its bound forms here.
REQUEST_FORM = "reactions_form"
REQUEST_REPORT = "reactions_report"


def may_react(user):
    return bool(user.is_authenticated and user.is_professional and user.is_active)


def render_panel(page, request):
    if not accepts_reactions(page):
        return None
    user = request.user
    settings = ReactionSettings.for_request(request)
    show_texts = user.is_authenticated or settings.public
    visible = page.reactions.visible()
    if show_texts:
        reactions = list(visible.select_related("author"))
        count = len(reactions)
    else:
        reactions = []
        count = visible.count()
    context = {
        "page": page,
        "count": count,
        "show_texts": show_texts,
        "reactions": reactions,
        "can_react": may_react(user),
        "login_url": f"{reverse('account_login')}?next={page.url}%23reacties",
        "post_url": reverse("reactions:post", args=[page.pk]),
        "follow_url": reverse("reactions:follow", args=[page.pk]),
    }
    if user.is_authenticated:
        bad_report = getattr(request, REQUEST_REPORT, None)
        context["following"] = Follow.objects.filter(user=user, page=page).exists()
        context["reported"] = set(
            ReactionReport.objects.filter(
                reporter=user, reaction__in=[r.pk for r in reactions]
            ).values_list("reaction_id", flat=True)
        )
        for reaction in reactions:
            if bad_report is not None and bad_report[0] == reaction.pk:
                reaction.report_form = bad_report[1]
            else:
                reaction.report_form = ReportForm(reaction=reaction)
    if context["can_react"]:
        context["form"] = getattr(request, REQUEST_FORM, None) or ReactionForm()
    return render_to_string("reactions/panel.html", context, request=request)
