"""Erasure (AVG art. 17): the plan and everything in it go; the access log stays.

The log is append-only and kept apart from the content: its entries name the plan only
by its random reference (the plan's pseudonym), so after erasure they say who did what
and when, but nothing of what the plan held. The erasure itself is added as an entry:
who erased it (account and role), when, why, from where.
"""

from django.db import transaction

from .access import client_ip, session_ref
from .models import AccessLogEntry


@transaction.atomic
def erase_plan(plan, reason="op verzoek", actor=None, request=None):
    """Delete the plan with its parts, revisions, memberships and invitations (cascade)."""
    role = plan.role_for(actor) if actor is not None else ""
    entry = AccessLogEntry(
        plan_id=plan.pk,
        plan_ref=plan.reference,
        user=actor,
        user_label=actor.get_username() if actor is not None else "",
        role=role or "",
        action=AccessLogEntry.Action.ERASE,
        detail=reason[:200],
    )
    if request is not None:
        entry.ip_address, entry.session_ref = client_ip(request), session_ref(request)
    plan.delete()
    entry.save()
    return entry
