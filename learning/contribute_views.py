"""Front-end pages for contributing a lesson: "Les delen", "Mijn inzendingen" and editing
a submission that needs changes. Only approved professionals submit; everyone sees only
their own submissions."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render

from . import contribute
from .contribute_forms import ContributionForm

FORM_TEMPLATE = "learning/contribute/form.html"


def professional_required(view):
    """Anonymous visitors log in first; other accounts get a Dutch explanation (403)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_professional:
            return render(request, "learning/contribute/not_allowed.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


@professional_required
def share(request):
    parent = contribute.kennisbank()
    if parent is None:
        raise Http404
    form = ContributionForm(request.POST if request.method == "POST" else None)
    if not contribute.review_open():
        return _closed(request, form)
    if form.is_bound:
        if form.is_valid():
            try:
                contribute.submit(request.user, form.cleaned_data, parent)
            except contribute.ReviewClosed:  # switched off while the form was open
                return _closed(request, form)
            messages.success(
                request,
                "Bedankt! Je les is ingestuurd. De redactie bekijkt hem; je krijgt bericht "
                "zodra er een besluit is.",
            )
            return redirect("learning:my_submissions")
    status = 400 if form.errors else 200
    return render(request, FORM_TEMPLATE, {"form": form, "editing": None}, status=status)


def _closed(request, form):
    """The page without its form: nothing can be sent in while no one reviews (503)."""
    context = {"form": form, "editing": None, "closed": True}
    return render(request, FORM_TEMPLATE, context, status=503)


@login_required
def my_submissions(request):
    return render(
        request,
        "learning/contribute/mine.html",
        {
            "submissions": contribute.submissions_of(request.user),
            "may_share": request.user.is_professional,
        },
    )


@professional_required
def edit(request, pk):
    submission = contribute.submission_of(request.user, pk)
    if submission is None:
        raise Http404  # someone else's, or no such submission
    if not submission.editable:
        messages.info(request, "Deze inzending kun je nu niet wijzigen.")
        return redirect("learning:my_submissions")
    les = submission.les
    data = request.POST if request.method == "POST" else None
    form = ContributionForm(data, initial=contribute.form_initial(les))
    if form.is_bound:
        if form.is_valid():
            contribute.resubmit(les, request.user, form.cleaned_data)
            messages.success(request, "Je les is opnieuw ingestuurd voor beoordeling.")
            return redirect("learning:my_submissions")
    status = 400 if form.errors else 200
    context = {"form": form, "editing": submission}
    return render(request, FORM_TEMPLATE, context, status=status)
