"""Revisions: a snapshot after every save, and a readable diff between two snapshots."""

from django.conf import settings
from django.utils.translation import gettext as _

from .models import PlanRevision

YES_NO = {True: "ja", False: "nee", None: "nog niet bekend"}


def snapshot(plan):
    domains = list(plan.domains.select_related("levensgebied"))
    names = {d.pk: d.levensgebied.name for d in domains}
    return {
        "status": plan.get_status_display(),
        "first_name": plan.first_name,
        "date_of_birth": plan.date_of_birth.isoformat() if plan.date_of_birth else "",
        "dreams": plan.dreams,
        "perspective": plan.perspective,
        "risks": plan.risks,
        "safety": plan.safety,
        "checklist": plan.checklist,
        "answers": plan.answers,
        "domains": [
            {
                "id": d.pk,
                "name": d.levensgebied.name,
                "situation": d.situation,
                "goes_well": d.goes_well,
                "goal": d.goal,
                "support_needed": YES_NO[d.support_needed],
            }
            for d in domains
        ],
        "network": [
            {"id": m.pk, "name": m.name, "relation": m.relation, "contact": m.contact}
            for m in plan.network.all()
        ],
        "actions": [
            {
                "id": a.pk,
                "domain": names.get(a.domain_id, ""),
                "what": a.what,
                "who": a.who_label,
                "due_date": a.due_date.isoformat() if a.due_date else "",
                "status": a.get_status_display(),
                # Raw values, so the conflict view can merge action rows field by field.
                "domain_id": a.domain_id,
                "who_kind": a.who,
                "network_member_id": a.network_member_id,
                "professional_name": a.professional_name,
                "organisation": a.organisation,
                "status_code": a.status,
            }
            for a in plan.actions.select_related("network_member")
        ],
        "reviews": [
            {"id": r.pk, "date": r.date.isoformat(), "text": r.text} for r in plan.reviews.all()
        ],
    }


def record_revision(plan, user):
    """Snapshot the plan; only the newest ``PLANS_MAX_REVISIONS`` snapshots are kept."""
    revision = PlanRevision.objects.create(
        plan=plan, number=plan.version, author=user, snapshot=snapshot(plan)
    )
    keep = settings.PLANS_MAX_REVISIONS
    if plan.version > keep:
        PlanRevision.objects.filter(plan=plan, number__lte=plan.version - keep).delete()
    return revision


def _flatten(snap):
    """Ordered (key, label, value) triples; keys stay stable across revisions."""
    rows = [
        ("status", _("Status"), snap.get("status", "")),
        ("first_name", _("Voornaam of roepnaam"), snap.get("first_name", "")),
        ("date_of_birth", _("Geboortedatum"), snap.get("date_of_birth", "")),
        ("dreams", _("Mijn dromen"), snap.get("dreams", "")),
        ("perspective", _("Waar ik over een paar jaar wil staan"), snap.get("perspective", "")),
        ("risks", _("Risico's"), snap.get("risks", "")),
        ("safety", _("Wat helpt als het misgaat"), snap.get("safety", "")),
    ]
    for item in snap.get("checklist", []):
        done = _("gedaan") if item.get("done") else _("nog niet")
        rows.append((f"check:{item['item']}", _("18-checklist: %s") % item["item"], done))
    for item in snap.get("answers", []):
        rows.append((f"answer:{item['question']}", item["question"], item.get("answer", "")))
    fields = [
        ("situation", _("hoe het nu gaat")),
        ("goes_well", _("wat goed gaat")),
        ("goal", _("doel")),
        ("support_needed", _("steun nodig")),
    ]
    for d in snap.get("domains", []):
        for field, label in fields:
            rows.append((f"domain:{d['id']}:{field}", f"{d['name']}: {label}", d.get(field, "")))
    for m in snap.get("network", []):
        value = ", ".join(part for part in (m["relation"], m["contact"]) if part)
        rows.append((f"network:{m['id']}", _("Steuncirkel: %s") % m["name"], value))
    for a in snap.get("actions", []):
        value = " · ".join(
            part for part in (a["what"], a["who"], a["due_date"], a["status"]) if part
        )
        rows.append((f"action:{a['id']}", _("Actie (%s)") % a["domain"], value))
    for r in snap.get("reviews", []):
        rows.append((f"review:{r['id']}", _("Evaluatie %s") % r["date"], r["text"]))
    return rows


def diff(old, new):
    """Changes from snapshot ``old`` to ``new`` as dicts with label, before and after."""
    before = {key: (label, value) for key, label, value in _flatten(old or {})}
    after_rows = _flatten(new)
    after = {key: (label, value) for key, label, value in after_rows}
    changes = []
    for key, label, value in after_rows:
        old_value = before.get(key, (label, ""))[1]
        if old_value != value:
            kind = "added" if key not in before else "changed"
            changes.append({"label": label, "before": old_value, "after": value, "kind": kind})
    for key, (label, value) in before.items():
        if key not in after:
            changes.append({"label": label, "before": value, "after": "", "kind": "removed"})
    return changes
