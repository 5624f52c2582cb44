"""AVG rights: the access log, inzage (JSON and PDF) and erasure."""

import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from leernetwerk.core.models import paginate

from ..access import log_access, plan_view
from ..erasure import erase_plan
from ..forms import EraseForm
from ..history import snapshot
from ..models import AccessLogEntry, Role
from ..pdf import render_pdf

Log = AccessLogEntry.Action
OWNER = {Role.EIGENAAR}


@plan_view(roles=OWNER)
def access_log(request, plan):
    log_access(request, plan, Log.READ, "toegangslog bekeken")
    entries = AccessLogEntry.objects.filter(plan_ref=plan.reference).select_related("user")
    return render(
        request, "plans/access_log.html", {"plan": plan, "entries": paginate(request, entries)}
    )


def inzage_data(plan):
    """Everything the platform holds about this plan and its young person."""
    return {
        "uitgevoerd_op": timezone.now(),
        "plan": {
            "referentie": str(plan.reference),
            "sjabloon": plan.template.title if plan.template_id else "",
            "aangemaakt_op": plan.created_at,
            "laatst_gewijzigd": plan.updated_at,
            "versie": plan.version,
            "toestemming": {
                "gegeven_op": plan.consent_at,
                "versie_privacyverklaring": plan.privacy_statement_version,
                "jonger_dan_16": plan.under_16,
                "ouder_of_voogd": plan.parental_consent_name,
                "ouder_of_voogd_toestemming_op": plan.parental_consent_at,
            },
            **snapshot(plan),
        },
        "deelnemers": [
            {"naam": str(m.user), "rol": m.role, "sinds": m.created_at, "ingetrokken": m.revoked_at}
            for m in plan.memberships.select_related("user")
        ],
        "uitnodigingen": [
            {"e-mail": i.email, "rol": i.role, "verstuurd": i.created_at, "status": str(i.status)}
            for i in plan.invitations.all()
        ],
        "versies": [
            {"nummer": r.number, "datum": r.created_at, "door": str(r.author or "")}
            for r in plan.revisions.select_related("author").defer("snapshot")
        ],
        "toegangslog": [
            {
                "wanneer": e.created_at,
                "wie": e.who,
                "rol": e.role,
                "actie": e.action,
                "wat": e.detail,
                "ip": e.ip_address,
            }
            for e in AccessLogEntry.objects.filter(plan_ref=plan.reference).select_related("user")
        ],
    }


@plan_view(roles=OWNER)
def export_json(request, plan):
    log_access(request, plan, Log.EXPORT, "inzage JSON")
    body = json.dumps(inzage_data(plan), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="toekomstplan-{plan.reference}.json"'
    return response


@plan_view()
def export_pdf(request, plan):
    log_access(request, plan, Log.EXPORT, "PDF")
    context = {
        "plan": plan,
        "domains": plan.domains.select_related("levensgebied").prefetch_related(
            "actions__network_member"
        ),
        "network": plan.network.all(),
        "reviews": plan.reviews.all(),
        "memberships": plan.memberships.active().select_related("user"),
        "generated": timezone.now(),
    }
    return render_pdf("plans/pdf/plan.html", context, filename=f"toekomstplan-{plan.reference}.pdf")


@plan_view(roles=OWNER)
def erase(request, plan):
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erase_plan(plan, reason="gewist door de eigenaar", actor=request.user, request=request)
        messages.success(
            request, "Het plan is definitief gewist, met alle versies en uitnodigingen."
        )
        return redirect("plans:list")
    log_access(request, plan, Log.READ, "wispagina bekeken")
    return render(request, "plans/plan_erase.html", {"plan": plan, "form": form})
