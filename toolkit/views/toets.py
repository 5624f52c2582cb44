"""The omgekeerde toets wizard. Anonymous visitors: all state lives in the POSTed form.
Logged-in professionals may save (OpgeslagenToets) and continue later."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms.toets import (
    ACTION_NEXT,
    ACTION_PREVIOUS,
    ACTION_RESULT,
    ACTION_SAVE,
    ToetsForm,
    initial_from_answers,
    step_from,
)
from ..models import OpgeslagenToets, ToetsStap
from ..pdf import render_pdf


def _steps():
    return list(ToetsStap.objects.prefetch_related("vragen", "laws").order_by("number"))


def _onderbouwing(steps, answers):
    """[(step, [(vraag, answer), ...]), ...] in wizard order."""
    return [(s, [(v, answers.get(str(v.pk), "")) for v in s.vragen.all()]) for s in steps]


def wizard(request, pk=None):
    steps = _steps()
    saved = None
    if pk is not None:
        saved = get_object_or_404(OpgeslagenToets.objects.connected(request.user), pk=pk)
    can_save = request.user.is_authenticated
    if request.method == "GET":
        current = step_from({"stap": saved.step if saved else 1}, steps)
        initial = initial_from_answers(steps, saved.answers) if saved else {}
        if saved:
            initial["omschrijving"] = saved.omschrijving
        form = ToetsForm(steps, current, initial=initial, can_save=can_save)
        return _render_wizard(request, form, saved)
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])

    current = step_from(request.POST, steps)
    action = request.POST.get("actie", ACTION_NEXT)
    form = ToetsForm(steps, current, data=request.POST, can_save=can_save)
    if action == ACTION_SAVE and not can_save:
        form.is_valid()
        form.add_error(None, _("Log in om de toets op te slaan. Zonder account bewaren we niets."))
        return _render_wizard(request, form, saved, status=400)
    if not form.validate_for(action):
        return _render_wizard(request, form, saved, status=400)

    answers = form.answers()
    if action == ACTION_SAVE:
        return _save(request, form, saved, answers, current)
    if action == ACTION_RESULT:
        return render(
            request,
            "toolkit/toets_onderbouwing.html",
            {"onderbouwing": _onderbouwing(steps, answers), "form": form, "saved": saved},
        )
    numbers = [s.number for s in steps]
    index = numbers.index(current) if current in numbers else 0
    if action == ACTION_PREVIOUS:
        index -= 1
    elif action == ACTION_NEXT:
        index += 1
    index = max(0, min(index, len(numbers) - 1))
    initial = {
        **initial_from_answers(steps, answers),
        "omschrijving": form.cleaned_data.get("omschrijving", ""),
    }
    form = ToetsForm(steps, numbers[index] if numbers else 1, initial=initial, can_save=can_save)
    return _render_wizard(request, form, saved)


def _render_wizard(request, form, saved, status=200):
    return render(
        request,
        "toolkit/toets_wizard.html",
        {"form": form, "saved": saved, "step": form.current_step(), "steps": form.steps},
        status=status,
    )


def _save(request, form, saved, answers, current):
    omschrijving = form.cleaned_data.get("omschrijving") or _("Omgekeerde toets van %(datum)s") % {
        "datum": timezone.localdate().strftime("%d-%m-%Y")
    }
    with transaction.atomic():
        if saved is None:
            saved = OpgeslagenToets(owner=request.user)
        saved.omschrijving = omschrijving
        saved.answers = answers
        saved.step = current
        saved.save()
    messages.success(request, _("De toets is opgeslagen. U kunt later verdergaan."))
    return redirect("toolkit:toets_opgeslagen", pk=saved.pk)


@login_required
def saved_list(request):
    items = OpgeslagenToets.objects.connected(request.user).only(
        "pk", "omschrijving", "updated_at", "step"
    )
    return render(request, "toolkit/toets_lijst.html", {"items": items})


@login_required
@require_POST
def saved_delete(request, pk):
    saved = get_object_or_404(OpgeslagenToets.objects.connected(request.user), pk=pk)
    saved.delete()
    messages.success(request, _("De toets is verwijderd."))
    return redirect("toolkit:toets_lijst")


@require_POST
def pdf(request):
    """The onderbouwing as PDF, built from the POSTed answers (works without an account)."""
    steps = _steps()
    form = ToetsForm(steps, step_from(request.POST, steps), data=request.POST)
    if not form.validate_for(ACTION_RESULT):
        return _render_wizard(request, form, None, status=400)
    return render_pdf(
        "toolkit/toets_onderbouwing_pdf.html",
        {"onderbouwing": _onderbouwing(steps, form.answers()), "datum": timezone.localdate()},
        "onderbouwing-omgekeerde-toets.pdf",
        request,
    )
