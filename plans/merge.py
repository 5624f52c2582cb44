"""Three-way merge for the conflict view, so a stale save loses nobody's work.

Base is the revision the editor started from, "theirs" the plan as saved now, "mine"
the submitted form. Per field: untouched by me -> take theirs; changed only by me ->
keep mine; changed by both to different values -> keep mine and report the field.
"""

SUPPORT = {"ja": "ja", "nee": "nee"}


def _norm(value):
    return (value or "").replace("\r\n", "\n").strip()


def three_way(data, base, theirs):
    """Update QueryDict ``data`` (mine) in place; return the keys both sides changed."""
    both_changed = []
    for key, their_value in theirs.items():
        base_value = _norm(base.get(key, ""))
        mine = _norm(data.get(key, ""))
        if mine == base_value:
            data[key] = their_value
        elif _norm(their_value) not in (base_value, mine):
            both_changed.append(key)
    return both_changed


def _initial_rows(data, prefix):
    """(index, pk) for each existing object the submitted formset edits."""
    try:
        initial = int(data.get(f"{prefix}-INITIAL_FORMS", 0))
    except ValueError:
        return []
    rows = []
    for index in range(initial):
        try:
            rows.append((index, int(data.get(f"{prefix}-{index}-id", ""))))
        except ValueError:
            continue
    return rows


def edit_values(snap, data):
    values = {
        key: snap.get(key) or ""
        for key in ("first_name", "date_of_birth", "dreams", "perspective", "risks", "safety")
    }
    for index, item in enumerate(snap.get("checklist", [])):
        values[f"check_{index}"] = "on" if item.get("done") else ""
    for index, item in enumerate(snap.get("answers", [])):
        values[f"answer_{index}"] = item.get("answer", "")
    return values


def _row_values(prefix, rows, fields):
    def build(snap, data):
        by_id = {row["id"]: row for row in snap.get(rows, [])}
        values = {}
        for index, pk in _initial_rows(data, prefix):
            row = by_id.get(pk)
            if row is None:
                continue
            for form_field, snap_field in fields.items():
                value = row.get(snap_field, "")
                values[f"{prefix}-{index}-{form_field}"] = "" if value is None else str(value)
        return values

    return build


network_values = _row_values(
    "network", "network", {"name": "name", "relation": "relation", "contact": "contact"}
)
_domain_action_values = _row_values(
    "actions",
    "actions",
    {
        "what": "what",
        "who": "who_kind",
        "network_member": "network_member_id",
        "professional_name": "professional_name",
        "organisation": "organisation",
        "due_date": "due_date",
        "status": "status_code",
    },
)


def domain_values(domain_id):
    """Merge values for one levensgebied's page: its own fields and its action rows."""

    def build(snap, data):
        values = _domain_action_values(snap, data)
        domain = next((d for d in snap.get("domains", []) if d["id"] == domain_id), None)
        if domain is not None:
            for field in ("situation", "goes_well", "goal"):
                values[f"domain-{field}"] = domain[field]
            values["domain-support"] = SUPPORT.get(domain["support_needed"], "")
        return values

    return build
