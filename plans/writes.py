"""Creating plans and saving them with optimistic concurrency; every save is a revision."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from leernetwerk.core.privacy import current_privacy_version

from .history import record_revision
from .models import Membership, Plan, PlanDomain, Role
from .notifications import plan_changed


class Conflict(Exception):
    """Someone saved the plan after the editor loaded it."""


def save_version(plan, expected_version, user, apply):
    """Run ``apply()`` only if the plan is still at ``expected_version``; then snapshot it.

    The conditional UPDATE is the lock: of two saves based on the same version exactly
    one matches a row, the other gets ``Conflict`` and writes nothing.
    """
    with transaction.atomic():
        now = timezone.now()
        matched = Plan.objects.filter(pk=plan.pk, version=expected_version).update(
            version=F("version") + 1, updated_at=now, idle_warning_sent_at=None
        )
        if not matched:
            raise Conflict
        plan.version = expected_version + 1
        plan.updated_at = now
        plan.idle_warning_sent_at = None  # in use again: no closing for inactivity
        apply()
        revision = record_revision(plan, user)
        plan_changed(plan, by=user)
        return revision


@transaction.atomic
def create_plan(template, data, user):
    now = timezone.now()
    answers = [
        {"section": block["title"], "question": question, "answer": ""}
        for block in template.blocks_of("free_questions")
        for question in block["questions"]
    ]
    checklist = [
        {"item": item, "done": False}
        for block in template.blocks_of("checklist_18")
        for item in block["items"]
    ]
    under_16 = data["under_16"]
    plan = Plan.objects.create(
        template=template,
        first_name=data["first_name"],
        date_of_birth=data.get("date_of_birth"),
        checklist=checklist,
        answers=answers,
        created_by=user,
        consent_at=now,
        privacy_statement_version=current_privacy_version(),
        under_16=under_16,
        parental_consent_name=data.get("parental_consent_name", "") if under_16 else "",
        parental_consent_at=now if under_16 else None,
    )
    seen = set()
    domains = []
    for section in template.blocks_of("levensgebied"):
        domain = section["levensgebied"]
        if domain is None or domain.pk in seen:
            continue
        seen.add(domain.pk)
        domains.append(
            PlanDomain(
                plan=plan,
                levensgebied=domain,
                prompts=list(section["prompts"]),
                sort_order=len(domains),
            )
        )
    PlanDomain.objects.bulk_create(domains)
    # The starting professional owns the plan until the young person takes it over.
    Membership.objects.create(plan=plan, user=user, role=Role.EIGENAAR)
    record_revision(plan, user)
    return plan
