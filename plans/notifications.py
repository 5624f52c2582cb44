"""What plan members are told, through the platform's notifications.

Nothing of the plan travels: no name, no action text, no domain. The mail says that
something happened in "a toekomstplan you work on" and links to the plan, where the
member logs in (with two-factor authentication) and the access is logged.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from leernetwerk.notifications import NotificationKind, notify

from .models import Action, Plan, Role

CHANGED = "plans.changed"
ACTION_DUE = "plans.action_due"
INVITATION_ACCEPTED = "plans.invitation_accepted"
DUE_WITHIN_DAYS = 2

KINDS = [
    NotificationKind(
        key=CHANGED,
        label="Een toekomstplan waar je aan meewerkt is gewijzigd",
        description="Standaard in het dagoverzicht: geen e-mail bij elke wijziging.",
        default="digest",
    ),
    NotificationKind(
        key=ACTION_DUE,
        label="Een actie in een toekomstplan moet binnenkort klaar zijn",
        description=f"Vanaf {DUE_WITHIN_DAYS} dagen voor de datum, één keer per actie.",
    ),
    NotificationKind(
        key=INVITATION_ACCEPTED,
        label="Iemand heeft je uitnodiging voor een toekomstplan aangenomen",
    ),
]


def _plan_url(plan):
    return reverse("plans:detail", kwargs={"reference": plan.reference})


def _members(plan, roles=None):
    User = get_user_model()
    memberships = plan.memberships.active()
    if roles:
        memberships = memberships.filter(role__in=roles)
    return User.objects.filter(pk__in=memberships.values("user"))


def plan_changed(plan, by):
    notify(
        _members(plan).exclude(pk=by.pk),
        kind=CHANGED,
        subject="Een toekomstplan waar je aan meewerkt is gewijzigd",
        url=_plan_url(plan),
    )


def invitation_accepted(invitation, user):
    recipients = _members(invitation.plan, roles=[Role.EIGENAAR]).exclude(pk=user.pk)
    if invitation.invited_by_id and invitation.invited_by_id != user.pk:
        recipients = recipients | get_user_model().objects.filter(pk=invitation.invited_by_id)
    notify(
        recipients.distinct(),
        kind=INVITATION_ACCEPTED,
        subject="Je uitnodiging voor een toekomstplan is aangenomen",
        url=_plan_url(invitation.plan),
    )


def actions_due(today=None):
    """Tell the members of open plans about actions due within two days, once per action
    and due date (a changed date is a new occasion). Returns the number of actions."""
    today = today or timezone.localdate()
    due = (
        Action.objects.filter(
            due_date__gte=today,
            due_date__lte=today + timedelta(days=DUE_WITHIN_DAYS),
            plan__status=Plan.Status.ACTIEF,
        )
        .exclude(status=Action.Status.KLAAR)
        .select_related("plan")
    )
    count = 0
    for action in due:
        notify(
            _members(action.plan),
            kind=ACTION_DUE,
            subject="Een actie in een toekomstplan moet binnenkort klaar zijn",
            text=f"De actie moet klaar zijn op {action.due_date:%d-%m-%Y}.",
            url=_plan_url(action.plan),
            once=f"{ACTION_DUE}:{action.pk}:{action.due_date.isoformat()}",
        )
        count += 1
    return count
