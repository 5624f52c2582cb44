"""Erasure (AVG art. 17): the plan and everything in it go; only a pseudonymous trace stays."""

from django.db import transaction

from .models import AccessLogEntry


@transaction.atomic
def erase_plan(plan, reason="op verzoek", actor=None):
    """Delete the plan with its parts, revisions, memberships and invitations (cascade).

    The access log loses every line that names a person or an IP for this plan; one
    line without user or IP records that a plan with this random reference existed
    and was erased.
    """
    reference = plan.reference
    AccessLogEntry.objects.filter(plan_ref=reference).delete()
    plan.delete()
    return AccessLogEntry.objects.create(
        plan=None, plan_ref=reference, user=None, action=AccessLogEntry.Action.ERASE, detail=reason
    )
