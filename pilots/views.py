"""The application (aanmelding) form on a call page: window, honeypot, rate limit, storage
in one transaction and a confirmation e-mail."""

import logging

from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from leernetwerk.core.mail import send_email
from leernetwerk.core.ratelimits import hit

from .forms import AanmeldingForm, OrganisatieFormSet
from .models import Aanmelding, AanmeldingOrganisatie

logger = logging.getLogger(__name__)


def application_view(page, request):
    context = page.get_context(request)
    state = page.window_state()
    context["window_state"] = state
    status = 200
    if state != "open":
        # Closed before or after the window: show why, accept nothing.
        status = 200 if request.method == "GET" else 403
        return TemplateResponse(request, "pilots/pilot_oproep_page.html", context, status=status)

    if request.method == "POST":
        form = AanmeldingForm(request.POST)
        formset = OrganisatieFormSet(request.POST, prefix="org")
        if form.is_spam:
            # Pretend success so bots learn nothing; store and send nothing.
            return redirect(page.url + page.reverse_subpage("thanks"))
        if form.is_valid() and formset.is_valid():
            # Counted and checked in one atomic step on the shared cache (RATE_LIMITS
            # "aanmelding": stored applications per address), before anything is stored.
            if hit(request, "aanmelding"):
                context["rate_limited"] = True
                status = 429
            else:
                aanmelding = _store(page, form, formset)
                _confirm(request, page, aanmelding)
                return redirect(page.url + page.reverse_subpage("thanks"))
        else:
            status = 400
    else:
        form = AanmeldingForm()
        formset = OrganisatieFormSet(prefix="org")
    context.update({"form": form, "formset": formset})
    return TemplateResponse(request, "pilots/pilot_oproep_page.html", context, status=status)


@transaction.atomic
def _store(page, form, formset):
    data = form.cleaned_data
    aanmelding = Aanmelding.objects.create(
        oproep=page,
        regio=data["regio"],
        contact_name=data["contact_name"],
        contact_role=data["contact_role"],
        contact_email=data["contact_email"],
        contact_phone=data["contact_phone"],
        programma=data["programma"],
        motivation=data["motivation"],
    )
    AanmeldingOrganisatie.objects.bulk_create(
        AanmeldingOrganisatie(aanmelding=aanmelding, name=name, sector=sector)
        for name, sector in formset.organisations()
    )
    return aanmelding


def _confirm(request, page, aanmelding):
    context = {"aanmelding": aanmelding, "page": page, "url": page.get_full_url(request)}
    try:
        send_email(
            to=[aanmelding.contact_email],
            subject=_("Bevestiging van uw pilotaanmelding"),
            template="pilots/email/aanmelding_bevestiging.txt",
            context=context,
        )
    except Exception:
        # The application is stored; a mail server hiccup must not turn that into an error page.
        logger.exception("Bevestigingsmail voor aanmelding %s niet verstuurd", aanmelding.pk)
