"""Participatiescan figures: the spread per factor within a scan and comparisons with
the region's earlier scans and the anonymised average of all regions. A "weet niet"
answer (score None) counts nowhere: not in a spread, an average or a group's size."""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import median

from django.conf import settings
from django.db.models import Avg, Count

from .models import Antwoord, Deelnemer, OrganisatieType, Scan, ScanThema

MIN_REGIONS_FOR_AVERAGE = 5  # below this the average could reveal single regions


def min_group_size():
    """No figure is shown for fewer participants than this (PARTICIPATIESCAN_MIN_GROUP)."""
    return settings.PARTICIPATIESCAN_MIN_GROUP


@dataclass
class Spread:
    scores: list = field(default_factory=list)
    by_type: dict = field(default_factory=lambda: defaultdict(list))

    def add(self, score, organisatie_type):
        self.scores.append(score)
        self.by_type[organisatie_type].append(score)

    @staticmethod
    def _summary(scores):
        if not scores or len(scores) < min_group_size():
            return None
        return {"min": min(scores), "median": median(scores), "max": max(scores), "n": len(scores)}

    @property
    def summary(self):
        return self._summary(self.scores)

    def per_type(self):
        """Figures per organisation type, for groups of at least ``min_group_size()``.

        A group that is too small is left out, and so is no group that could be worked
        out by subtraction: when the left-out groups together have fewer people than the
        minimum (overall minus the shown groups would reveal them), the smallest shown
        groups are left out too, until the left-out remainder is big enough."""
        minimum = min_group_size()
        groups = [
            (value, label, self.by_type[value])
            for value, label in OrganisatieType.choices
            if self.by_type.get(value)
        ]
        hidden = {value for value, _, scores in groups if len(scores) < minimum}
        remainder = sum(len(scores) for value, _, scores in groups if value in hidden)
        shown = sorted(((len(scores), value) for value, _, scores in groups if value not in hidden))
        while hidden and remainder < minimum and shown:
            size, value = shown.pop(0)
            hidden.add(value)
            remainder += size
        if hidden and remainder < minimum:
            return []
        return [
            (label, self._summary(scores)) for value, label, scores in groups if value not in hidden
        ]


def themas():
    return list(ScanThema.objects.prefetch_related("factoren"))


def spread(scan):
    """{factor_id: Spread} and the Spread of the overall picture, submitted answers only."""
    per_factor = defaultdict(Spread)
    rows = Antwoord.objects.filter(
        deelnemer__scan=scan, deelnemer__submitted_at__isnull=False, score__isnull=False
    ).values_list("factor_id", "score", "deelnemer__organisatie_type")
    for factor_id, score, organisatie_type in rows:
        per_factor[factor_id].add(score, organisatie_type)
    overall = Spread()
    for score, organisatie_type in Deelnemer.objects.filter(
        scan=scan, submitted_at__isnull=False
    ).values_list("algemeen_beeld", "organisatie_type"):
        if score is not None:
            overall.add(score, organisatie_type)
    return per_factor, overall


def _averages(scans):
    """{scan_id: {factor_id: average}} for submitted answers of ``scans`` in one query;
    an average of fewer than ``min_group_size()`` participants is left out (an earlier
    scan of one person would show that person's answers)."""
    result = defaultdict(dict)
    rows = (
        Antwoord.objects.filter(
            deelnemer__scan__in=scans, deelnemer__submitted_at__isnull=False, score__isnull=False
        )
        .values("deelnemer__scan_id", "factor_id")
        .annotate(avg=Avg("score"), n=Count("deelnemer", distinct=True))
    )
    minimum = min_group_size()
    for row in rows:
        if row["n"] >= minimum:
            result[row["deelnemer__scan_id"]][row["factor_id"]] = round(row["avg"])
    return result


def comparison(scan, limit=3):
    """This scan's averages beside the region's earlier closed scans and the national average."""
    earlier = list(
        Scan.objects.closed()
        .filter(regio_id=scan.regio_id, created_at__lt=scan.created_at)
        .exclude(pk=scan.pk)
        .order_by("-created_at")[:limit]
    )[::-1]
    averages = _averages([scan, *earlier])
    closed = Scan.objects.closed()
    regions = closed.values("regio_id").distinct().count()
    national = None
    if regions >= MIN_REGIONS_FOR_AVERAGE:
        national = {
            row["factor_id"]: round(row["avg"])
            for row in Antwoord.objects.filter(
                deelnemer__scan__in=closed,
                deelnemer__submitted_at__isnull=False,
                score__isnull=False,
            )
            .values("factor_id")
            .annotate(avg=Avg("score"))
        }
    return {
        "earlier": [(s, averages.get(s.pk, {})) for s in earlier],
        "current": averages.get(scan.pk, {}),
        "national": national,
        "regions": regions,
        "min_regions": MIN_REGIONS_FOR_AVERAGE,
    }


def report_rows(scan, thema_list=None):
    """Per theme the rows of the result table, ready for templates and the PDF."""
    thema_list = thema_list if thema_list is not None else themas()
    per_factor, overall = spread(scan)
    comp = comparison(scan)
    grouped = []
    number = 0  # factors are numbered across themes; the radar chart's spokes use it
    for thema in thema_list:
        rows = []
        for factor in thema.factoren.all():
            spread_ = per_factor.get(factor.pk, Spread())
            number += 1
            rows.append(
                {
                    "number": number,
                    "factor": factor,
                    "spread": spread_.summary,
                    "per_type": spread_.per_type(),
                    # An average of fewer than the minimum is one person's score: not shown.
                    "current": comp["current"].get(factor.pk) if spread_.summary else None,
                    "earlier": [averages.get(factor.pk) for _, averages in comp["earlier"]],
                    "national": comp["national"].get(factor.pk) if comp["national"] else None,
                }
            )
        grouped.append((thema, rows))
    return {"themas": grouped, "overall": overall.summary, "comparison": comp}
