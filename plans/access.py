"""Reaching a plan: only through ``Plan.objects.connected(user)``, and every access logged."""

import functools
import hashlib

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from leernetwerk.core.roles import PROFESSIONAL

from .containment import contain
from .models import AccessLogEntry, Membership, Plan, Role

WRITERS = {Role.EIGENAAR, Role.BEWERKER}


def has_plan_access(user):
    """True for an account that is an active member of at least one plan (cached per request
    on the user object)."""
    if user is None or not user.is_authenticated:
        return False
    cached = getattr(user, "_has_plan_access", None)
    if cached is None:
        cached = Membership.objects.active().filter(user=user).exists()
        user._has_plan_access = cached
    return cached


def can_start_plans(user):
    """Only approved professionals (group "Professional") start plans; not the young person,
    not a network member, not an editor or regional editor as such."""
    return user.is_authenticated and user.groups.filter(name=PROFESSIONAL).exists()


def client_ip(request):
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a proxy rewrites it.
    return request.META.get("REMOTE_ADDR") or None


def session_ref(request):
    """A short, one-way reference to the session: links entries of one visit, reveals no key."""
    session = getattr(request, "session", None)
    key = getattr(session, "session_key", None)
    if not key:
        return ""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{key}".encode()).hexdigest()[:16]


def _entry(request, plan, action, detail, user, role):
    return AccessLogEntry(
        plan_id=plan.pk,
        plan_ref=plan.reference,
        user=user,
        user_label=user.get_username() if user else "",
        role=role or "",
        action=action,
        detail=detail[:200],
        ip_address=client_ip(request),
        session_ref=session_ref(request),
    )


def log_access(request, plan, action, detail="", user=None, role=None):
    """One entry: who (account and role), which plan and part, what, when, from where."""
    if user is None and request.user.is_authenticated:
        user = request.user
    if role is None and user is not None:
        role = getattr(plan, "my_role", None) or plan.role_for(user)
    entry = _entry(request, plan, action, detail, user, role)
    entry.save()
    return entry


def log_list(request, plans, detail):
    """A list shows every plan on it (first names): one READ entry per plan shown."""
    user = request.user if request.user.is_authenticated else None
    AccessLogEntry.objects.bulk_create(
        _entry(request, plan, AccessLogEntry.Action.READ, detail, user, plan.my_role)
        for plan in plans
    )


def log_denied(request, reference, detail):
    """A refused attempt on an existing plan (the requester still just sees a 404 or 403)."""
    plan = Plan.objects.filter(reference=reference).only("pk", "reference").first()
    if plan is None:
        return None
    user = request.user if request.user.is_authenticated else None
    role = plan.role_for(user) if user else ""
    entry = _entry(request, plan, AccessLogEntry.Action.DENIED, detail, user, role)
    entry.save()
    return entry


def forbidden(request, plan, message):
    return render(request, "plans/forbidden.html", {"plan": plan, "message": message}, status=403)


def plan_view(roles=None):
    """Fetch the plan via ``connected`` (404 for everyone else) and check the member's role.

    The wrapped view is called as ``view(request, plan, **kwargs)`` with ``plan.my_role`` set.
    """

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, reference, **kwargs):
            plan = (
                Plan.objects.connected(request.user)
                .select_related("template")
                .filter(reference=reference)
                .first()
            )
            if plan is None:
                log_denied(request, reference, f"geen toegang: {view.__name__}")
                raise Http404
            if roles is not None and plan.my_role not in roles:
                log_denied(request, reference, f"rol te laag: {view.__name__}")
                if roles == {Role.EIGENAAR}:
                    message = "Alleen de eigenaar van het plan kan dit doen."
                else:
                    message = "Je kunt dit plan lezen, maar niet wijzigen."
                return forbidden(request, plan, message)
            return view(request, plan, **kwargs)

        return never_cache(contain(wrapper))

    return decorate


def require_open(plan, request=None):
    if plan.is_closed:
        if request is not None:
            log_denied(request, plan.reference, "plan is afgesloten")
        raise Http404
