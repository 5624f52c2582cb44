"""Factories for templates and plans (tests and benchmarks)."""

from leernetwerk.core.factories import UserFactory, add_page
from leernetwerk.taxonomy.models import Levensgebied

from .demo import _sections
from .models import Membership, Role, ToekomstplanIndexPage, ToekomstplanTemplatePage
from .writes import create_plan


def make_index(home):
    index = ToekomstplanIndexPage.objects.first()
    if index is None:
        index = add_page(home, ToekomstplanIndexPage, title="Toekomstplan", slug="toekomstplan")
    return index


def make_template(home, scheme=Levensgebied.Scheme.LEVENSGEBIEDEN, **fields):
    index = make_index(home)
    fields.setdefault("title", f"Sjabloon {scheme}")
    return add_page(
        index, ToekomstplanTemplatePage, scheme=scheme, sections=_sections(scheme), **fields
    )


def make_plan(template, owner=None, first_name="Sam", **data):
    owner = owner or UserFactory()
    values = {"first_name": first_name, "date_of_birth": None, "under_16": False}
    values.update(data)
    return create_plan(template, values, owner)


def add_member(plan, user=None, role=Role.BEWERKER):
    user = user or UserFactory()
    Membership.objects.create(plan=plan, user=user, role=role)
    return user


# POST payloads for the plan forms (tests and benchmarks).


def edit_data(plan, version=None, **fields):
    """A complete POST for the main edit form, based on the plan as stored."""
    data = {
        "version": str(plan.version if version is None else version),
        "first_name": plan.first_name,
        "date_of_birth": plan.date_of_birth.isoformat() if plan.date_of_birth else "",
        "dreams": plan.dreams,
        "perspective": plan.perspective,
        "risks": plan.risks,
        "safety": plan.safety,
    }
    for index, item in enumerate(plan.checklist):
        if item["done"]:
            data[f"check_{index}"] = "on"
    for index, item in enumerate(plan.answers):
        data[f"answer_{index}"] = item["answer"]
    data.update(fields)
    return data


def domain_data(domain, rows=(), version=None, **fields):
    """A complete POST for one levensgebied's page: its fields, its stored actions (as they
    are) and ``rows`` as new actions; ``fields`` overrides any key."""
    plan = domain.plan
    support = {True: "ja", False: "nee"}.get(domain.support_needed, "")
    data = {
        "version": str(plan.version if version is None else version),
        "domain-situation": domain.situation,
        "domain-goes_well": domain.goes_well,
        "domain-goal": domain.goal,
        "domain-support": support,
    }
    stored = [
        {
            "id": action.pk,
            "what": action.what,
            "who": action.who,
            "network_member": action.network_member_id or "",
            "professional_name": action.professional_name,
            "organisation": action.organisation,
            "due_date": action.due_date.isoformat() if action.due_date else "",
            "status": action.status,
        }
        for action in domain.actions.order_by("due_date", "pk")
    ]
    formset = formset_data("actions", [*stored, *rows], data["version"], initial=len(stored))
    data.update(formset)
    data.update(fields)
    return data


def formset_data(prefix, rows, version, initial=0):
    data = {
        "version": str(version),
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data
