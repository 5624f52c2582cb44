from django.conf import settings
from django.db import models
from django.utils import timezone


class PlanRevision(models.Model):
    """A full snapshot of the plan after each save; diffs are computed between snapshots."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    snapshot = models.JSONField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plans_revision_number")
        ]

    def __str__(self):
        return f"versie {self.number}"
