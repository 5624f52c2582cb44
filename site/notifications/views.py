from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from .forms import PreferencesForm
from .kinds import registered_kinds
from .models import Notification, Preference


@login_required
@never_cache
def preferences(request):
    kinds = registered_kinds()
    current = dict(Preference.objects.filter(user=request.user).values_list("kind", "choice"))
    form = PreferencesForm(kinds, current, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for key, choice in form.cleaned_data.items():
                Preference.objects.update_or_create(
                    user=request.user, kind=key, defaults={"choice": choice}
                )
        messages.success(request, "Je keuzes voor meldingen zijn opgeslagen.")
        return redirect("notification_settings")
    recent = Notification.objects.filter(user=request.user)[:20]
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "recent": recent},
        status=400 if form.errors else 200,
    )
