"""Reaching a plan: only through ``Plan.objects.connected(user)``, and every access logged."""

import functools

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from .containment import contain
from .models import AccessLogEntry, Plan, Role

WRITERS = {Role.EIGENAAR, Role.BEWERKER}


def has_plan_access(user):
    """True for an account that is an active member of at least one plan (cached per request
    on the user object)."""
    if user is None or not user.is_authenticated:
        return False
    cached = getattr(user, "_has_plan_access", None)
    if cached is None:
        from .models import Membership

        cached = Membership.objects.active().filter(user=user).exists()
        user._has_plan_access = cached
    return cached


def client_ip(request):
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a proxy rewrites it.
    return request.META.get("REMOTE_ADDR") or None


def log_access(request, plan, action, detail="", user=None):
    if user is None and request.user.is_authenticated:
        user = request.user
    return AccessLogEntry.objects.create(
        plan=plan,
        plan_ref=plan.reference,
        user=user,
        action=action,
        detail=detail[:200],
        ip_address=client_ip(request),
    )


def forbidden(request, plan, message):
    return render(request, "plans/forbidden.html", {"plan": plan, "message": message}, status=403)


def plan_view(roles=None):
    """Fetch the plan via ``connected`` (404 for everyone else) and check the member's role.

    The wrapped view is called as ``view(request, plan, **kwargs)`` with ``plan.my_role`` set.
    """

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, reference, **kwargs):
            plan = get_object_or_404(
                Plan.objects.connected(request.user).select_related("template"),
                reference=reference,
            )
            if roles is not None and plan.my_role not in roles:
                if roles == {Role.EIGENAAR}:
                    message = "Alleen de eigenaar van het plan kan dit doen."
                else:
                    message = "Je kunt dit plan lezen, maar niet wijzigen."
                return forbidden(request, plan, message)
            return view(request, plan, **kwargs)

        return never_cache(contain(wrapper))

    return decorate


def require_open(plan):
    if plan.is_closed:
        raise Http404
