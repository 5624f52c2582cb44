"""Wagtail admin: upload figures (check, preview, then save) and export them as CSV."""

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import importer
from .forms import FigureUploadForm
from .models import Dataset

PERMISSION = "personas.import_figures"
SESSION_KEY = "personas_pending_import"
PREVIEW_ROWS = 25


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def upload(request):
    _check(request)
    form = FigureUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        dataset = form.cleaned_data["dataset"]
        data = form.cleaned_data["file"].read()
        result = importer.validate(data, dataset)
        if result.errors:
            return render(
                request,
                "personas/admin/upload.html",
                {"form": form, "errors": result.errors, "dataset": dataset},
            )
        token = secrets.token_urlsafe(16)
        request.session[SESSION_KEY] = {
            "token": token,
            "dataset": dataset.pk,
            "data": data.decode("utf-8-sig"),
        }
        return render(
            request,
            "personas/admin/preview.html",
            {
                "dataset": dataset,
                "token": token,
                "result": result,
                "preview": result.rows[:PREVIEW_ROWS],
                "existing": dataset.figures.count(),
            },
        )
    return render(request, "personas/admin/upload.html", {"form": form})


@require_POST
def confirm(request):
    _check(request)
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("token") != request.POST.get("token"):
        messages.error(request, _("Deze import is verlopen. Upload het bestand opnieuw."))
        return redirect("personas_admin:upload")
    dataset = get_object_or_404(Dataset, pk=pending["dataset"])
    # Checked again: figures, regions or characteristics may have changed since the preview.
    result = importer.validate(pending["data"], dataset)
    if result.errors:
        form = FigureUploadForm(initial={"dataset": dataset.pk})
        return render(
            request,
            "personas/admin/upload.html",
            {"form": form, "errors": result.errors, "dataset": dataset},
        )
    saved = importer.save(result, dataset)
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _("%(n)d cijfers opgeslagen in %(dataset)s.") % {"n": saved, "dataset": dataset},
    )
    return redirect("personas_admin:upload")


def export(request, pk):
    _check(request)
    dataset = get_object_or_404(Dataset, pk=pk)
    response = HttpResponse(importer.export(dataset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cijfers-{dataset.slug}.csv"'
    return response
