"""A small read-only JSON API, behind the same ``connected`` queryset as every page."""

from django.http import JsonResponse
from django.urls import reverse

from ..access import log_access, log_list, plan_view
from ..containment import contain
from ..history import snapshot
from ..models import AccessLogEntry, Plan


@contain
def api_plans(request):
    plans = list(Plan.objects.connected(request.user).order_by("-updated_at", "-pk"))
    log_list(request, plans, "API: planoverzicht")
    items = [
        {
            "referentie": str(plan.reference),
            "voornaam": plan.first_name,
            "rol": plan.my_role,
            "status": plan.status,
            "versie": plan.version,
            "gewijzigd": plan.updated_at.isoformat(),
            "url": reverse("plans:api_detail", kwargs={"reference": plan.reference}),
        }
        for plan in plans
    ]
    response = JsonResponse({"plannen": items})
    response["Cache-Control"] = "no-store"
    return response


@plan_view()
def api_plan_detail(request, plan):
    log_access(request, plan, AccessLogEntry.Action.READ, "API")
    data = {"referentie": str(plan.reference), "rol": plan.my_role, "versie": plan.version}
    data.update(snapshot(plan))
    return JsonResponse(data)
