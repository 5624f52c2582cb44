"""What the toekomstplan adds to the foundation: its URLs and section, two-factor for
every plan member, and its part of an account's data export and deletion."""

from celery.schedules import crontab
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks

from leernetwerk.core.hooks import (
    ACCOUNT_DATA,
    ACCOUNT_DELETION_NOTICES,
    BEFORE_ACCOUNT_DELETE,
    NOTIFICATION_KINDS,
    PERIODIC_TASKS,
    REQUIRES_TWO_FACTOR,
    SITE_SECTIONS,
    SITE_URLS,
    PeriodicTask,
    SiteSection,
)

from . import notifications
from .access import has_plan_access
from .erasure import erase_plan
from .models import Membership, Role


@hooks.register(SITE_URLS)
def site_urls():
    return [path("", include("plans.urls"))]


@hooks.register(SITE_SECTIONS)
def plans_section():
    return SiteSection(
        "plans.ToekomstplanIndexPage",
        "toekomstplan",
        "Toekomstplan",
        "Eén plan van de jongere zelf, waarin netwerk en professionals samenwerken.",
        menu_order=50,
    )


@hooks.register(REQUIRES_TWO_FACTOR)
def plan_members_use_two_factor(user):
    return has_plan_access(user)


def plans_of(user):
    """(owned, shared): the plans the account owns and the others it is a member of."""
    memberships = list(
        Membership.objects.active().filter(user=user).select_related("plan").order_by("pk")
    )
    owned = [m.plan for m in memberships if m.role == Role.EIGENAAR]
    shared = [m.plan for m in memberships if m.role != Role.EIGENAAR]
    return owned, shared


@hooks.register(ACCOUNT_DATA)
def plans_in_account_data(user):
    owned, shared = plans_of(user)
    # Plan content is not in the account export: each owner downloads it per plan.
    return {
        "plannen": [
            {
                "referentie": str(plan.reference),
                "rol": "eigenaar" if plan in owned else "deelnemer",
                "inzage": f"/toekomstplan/plan/{plan.reference}/inzage.json"
                if plan in owned
                else "",
            }
            for plan in owned + shared
        ]
    }


@hooks.register(ACCOUNT_DELETION_NOTICES)
def plan_deletion_notices(user):
    owned, shared = plans_of(user)
    notices = []
    if owned:
        notices.append(
            format_html(
                "Je bent eigenaar van {} toekomstplan{}. Die plannen worden <strong>definitief "
                "gewist</strong>, met alle versies en uitnodigingen. Wil je dat een plan blijft "
                "bestaan? Nodig dan eerst de jongere uit als eigenaar.",
                len(owned),
                "nen" if len(owned) != 1 else "",
            )
        )
    if shared:
        notices.append(
            format_html(
                "In {} ander{} plan{} vervalt je toegang. Wat je daar hebt geschreven blijft "
                "staan, zonder je naam.",
                len(shared),
                "e" if len(shared) != 1 else "",
                "nen" if len(shared) != 1 else "",
            )
        )
    notices.append(
        "In het toegangslog van plannen blijft staan dat jouw account een plan heeft bekeken "
        "of gewijzigd. Dat moet volgens de regels voor zorggegevens; het log wordt na de "
        "bewaartermijn gewist."
    )
    return notices


@hooks.register(BEFORE_ACCOUNT_DELETE)
def erase_owned_plans(user):
    owned, _shared = plans_of(user)
    for plan in owned:
        erase_plan(plan, reason="account van de eigenaar verwijderd", actor=user)


@hooks.register(PERIODIC_TASKS)
def periodic_tasks():
    return [
        PeriodicTask(
            name="Bewaartermijn toekomstplannen",
            task="plans.purge_plans",
            schedule=crontab(hour=2, minute=0),
        ),
        PeriodicTask(
            name="Acties in toekomstplannen die binnenkort klaar moeten zijn",
            task="plans.notify_actions_due",
            schedule=crontab(hour=8, minute=0),
        ),
    ]


@hooks.register(NOTIFICATION_KINDS)
def notification_kinds():
    return notifications.KINDS
