"""Turn saved participatiewiel data into a drawable wheel (SVG paths) and a comparison.

Inner ring: one segment per goal, filled outward in proportion to its score.
Middle ring: the activities deployed for that goal. Outer ring: each activity's legal
framework. Colours come from fixed palettes indexed by an item's position.
"""

import math
from dataclasses import dataclass, field

from .forms.wiel import MAX_SCORE
from .models import WielOnderdeel

CENTER = 210
R_CORE, R_GOAL, R_ACTIVITY, R_KADER = 30, 100, 145, 182
R_LABEL = 198  # goal numbers just outside the wheel, matching the table rows
ACTIVITY_COLOURS = ["#0b4f8a", "#7a3b00", "#1e6b34", "#6a1b9a", "#8a0b4f", "#35586b", "#5b5b00"]
KADER_COLOURS = ["#f2c14e", "#9ad1d4", "#f4a3a8", "#b8e0a0", "#d7c4f0", "#ffd8b0", "#c9ced6"]


@dataclass
class Activity:
    item: WielOnderdeel
    colour: str
    kader: WielOnderdeel | None = None
    kader_colour: str = "#ffffff"


@dataclass
class Goal:
    item: WielOnderdeel
    score: int | None
    activities: list = field(default_factory=list)
    paths: dict = field(default_factory=dict)
    label_x: float = 0
    label_y: float = 0


def _point(radius, angle):
    return (
        round(CENTER + radius * math.sin(angle), 2),
        round(CENTER - radius * math.cos(angle), 2),
    )


def arc_path(r_in, r_out, start, end):
    """An annulus sector between two radii and two angles (radians, clockwise from 12 o'clock)."""
    large = 1 if end - start > math.pi else 0
    x1, y1 = _point(r_out, start)
    x2, y2 = _point(r_out, end)
    x3, y3 = _point(r_in, end)
    x4, y4 = _point(r_in, start)
    return (
        f"M{x1},{y1} A{r_out},{r_out} 0 {large} 1 {x2},{y2} "
        f"L{x3},{y3} A{r_in},{r_in} 0 {large} 0 {x4},{y4} Z"
    )


def build(data, onderdelen):
    """Goals with their score, activities and SVG paths for ``data`` (see OpgeslagenWiel)."""
    by_id = {o.pk: o for o in onderdelen}
    activity_order = [o for o in onderdelen if o.ring == WielOnderdeel.Ring.ACTIVITEIT]
    kader_order = [o for o in onderdelen if o.ring == WielOnderdeel.Ring.KADER]
    act_colour = {
        a.pk: ACTIVITY_COLOURS[i % len(ACTIVITY_COLOURS)] for i, a in enumerate(activity_order)
    }
    kader_colour = {k.pk: KADER_COLOURS[i % len(KADER_COLOURS)] for i, k in enumerate(kader_order)}
    kaders = {int(a): int(k) for a, k in (data.get("kaders") or {}).items()}
    doelen = [o for o in onderdelen if o.ring == WielOnderdeel.Ring.DOEL]
    entries = data.get("doelen") or {}
    goals = []
    step = 2 * math.pi / max(len(doelen), 1)
    for index, doel in enumerate(doelen):
        entry = entries.get(str(doel.pk)) or {}
        goal = Goal(item=doel, score=entry.get("score"))
        for act_id in entry.get("activiteiten", []):
            activity = by_id.get(int(act_id))
            if activity is None:
                continue  # the editor removed this activity since the wheel was saved
            kader = by_id.get(kaders.get(activity.pk))
            goal.activities.append(
                Activity(
                    item=activity,
                    colour=act_colour.get(activity.pk, "#444444"),
                    kader=kader,
                    kader_colour=kader_colour.get(kader.pk, "#ffffff") if kader else "#ffffff",
                )
            )
        start, end = index * step, (index + 1) * step
        goal.label_x, goal.label_y = _point(R_LABEL, (start + end) / 2)
        score = goal.score or 0
        goal.paths = {
            "background": arc_path(R_CORE, R_GOAL, start, end),
            "score": arc_path(R_CORE, R_CORE + (R_GOAL - R_CORE) * score / MAX_SCORE, start, end)
            if score
            else "",
            "activities": [],
        }
        count = len(goal.activities)
        for i, act in enumerate(goal.activities):
            a0 = start + (end - start) * i / count
            a1 = start + (end - start) * (i + 1) / count
            goal.paths["activities"].append(
                {
                    "activity": arc_path(R_GOAL, R_ACTIVITY, a0, a1),
                    "kader": arc_path(R_ACTIVITY, R_KADER, a0, a1),
                    "colour": act.colour,
                    "kader_colour": act.kader_colour,
                    "title": f"{act.item.name} – {act.kader.name if act.kader else '?'}",
                }
            )
        goals.append(goal)
    return goals


def legend(onderdelen):
    activity_order = [o for o in onderdelen if o.ring == WielOnderdeel.Ring.ACTIVITEIT]
    kader_order = [o for o in onderdelen if o.ring == WielOnderdeel.Ring.KADER]
    return {
        "activiteiten": [
            (a, ACTIVITY_COLOURS[i % len(ACTIVITY_COLOURS)]) for i, a in enumerate(activity_order)
        ],
        "kaders": [(k, KADER_COLOURS[i % len(KADER_COLOURS)]) for i, k in enumerate(kader_order)],
    }


@dataclass
class GoalChange:
    goal: WielOnderdeel
    old_score: int | None
    new_score: int | None
    added: list
    removed: list
    kader_changes: list

    @property
    def changed(self):
        return self.old_score != self.new_score or self.added or self.removed or self.kader_changes

    @property
    def delta(self):
        if self.old_score is None or self.new_score is None:
            return None
        return self.new_score - self.old_score


def compare(old_goals, new_goals):
    """Per goal: score change, activities added/removed and changed legal frameworks."""
    old_by_goal = {g.item.pk: g for g in old_goals}
    changes = []
    for goal in new_goals:
        old = old_by_goal.get(goal.item.pk)
        old_acts = {a.item.pk: a for a in old.activities} if old else {}
        new_acts = {a.item.pk: a for a in goal.activities}
        kader_changes = [
            (a.item, old_acts[pk].kader, a.kader)
            for pk, a in new_acts.items()
            if pk in old_acts and old_acts[pk].kader != a.kader
        ]
        changes.append(
            GoalChange(
                goal=goal.item,
                old_score=old.score if old else None,
                new_score=goal.score,
                added=[a.item for pk, a in new_acts.items() if pk not in old_acts],
                removed=[a.item for pk, a in old_acts.items() if pk not in new_acts],
                kader_changes=kader_changes,
            )
        )
    return changes
