"""Participatiewiel: fill in and view (anyone), save and compare (logged-in owner only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import wheel
from ..forms.wiel import WielForm, initial_from_data
from ..models import OpgeslagenWiel, WielOnderdeel


def _onderdelen():
    return list(WielOnderdeel.objects.all())


@require_http_methods(["GET", "POST"])
def invullen(request):
    onderdelen = _onderdelen()
    if request.method == "GET":
        initial = {}
        source = request.GET.get("van")
        if source and source.isdigit():
            previous = get_object_or_404(
                OpgeslagenWiel.objects.connected(request.user), pk=int(source)
            )
            initial = initial_from_data(previous.data)
        return render(
            request,
            "toolkit/wiel_invullen.html",
            {"form": WielForm(initial=initial, onderdelen=onderdelen)},
        )
    form = WielForm(request.POST, onderdelen=onderdelen)
    wants_save = request.POST.get("actie") == "opslaan"
    if wants_save and not request.user.is_authenticated:
        form.is_valid()
        form.add_error(None, _("Log in om het wiel op te slaan. Zonder account bewaren we niets."))
    if not form.is_valid():
        return render(request, "toolkit/wiel_invullen.html", {"form": form}, status=400)
    data = form.data_json()
    if wants_save:
        with transaction.atomic():
            saved = OpgeslagenWiel.objects.create(
                owner=request.user,
                omschrijving=form.cleaned_data["omschrijving"]
                or _("Participatiewiel van %(datum)s")
                % {"datum": timezone.localdate().strftime("%d-%m-%Y")},
                data=data,
            )
        messages.success(request, _("Het participatiewiel is opgeslagen."))
        return redirect("toolkit:wiel_detail", pk=saved.pk)
    return render(
        request,
        "toolkit/wiel_resultaat.html",
        {
            "goals": wheel.build(data, onderdelen),
            "legend": wheel.legend(onderdelen),
            "form": form,
            "omschrijving": form.cleaned_data["omschrijving"],
        },
    )


@login_required
def lijst(request):
    items = OpgeslagenWiel.objects.connected(request.user).only("pk", "omschrijving", "created_at")
    return render(request, "toolkit/wiel_lijst.html", {"items": items})


@login_required
def detail(request, pk):
    wheels = OpgeslagenWiel.objects.connected(request.user)
    saved = get_object_or_404(wheels, pk=pk)
    onderdelen = _onderdelen()
    goals = wheel.build(saved.data, onderdelen)
    others = list(wheels.exclude(pk=saved.pk).only("pk", "omschrijving", "created_at"))
    context = {
        "saved": saved,
        "goals": goals,
        "legend": wheel.legend(onderdelen),
        "others": others,
    }
    other_id = request.GET.get("vergelijk")
    if other_id:
        other = next((o for o in others if str(o.pk) == other_id), None)
        if other is None:
            context["compare_error"] = _(
                "Kies een ander opgeslagen wiel van uzelf om mee te vergelijken."
            )
        else:
            other = wheels.get(pk=other.pk)
            context["other"] = other
            context["changes"] = wheel.compare(wheel.build(other.data, onderdelen), goals)
    return render(
        request,
        "toolkit/wiel_detail.html",
        context,
        status=400 if "compare_error" in context else 200,
    )


@login_required
@require_POST
def verwijderen(request, pk):
    saved = get_object_or_404(OpgeslagenWiel.objects.connected(request.user), pk=pk)
    saved.delete()
    messages.success(request, _("Het participatiewiel is verwijderd."))
    return redirect("toolkit:wiel_lijst")
