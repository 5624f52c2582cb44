from django.conf import settings
from django.db import models
from django.utils import timezone

from .kinds import CHOICES, DIGEST, DIRECT


class Preference(models.Model):
    """A user's choice for one kind; without a row the kind's default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField("soort", max_length=100)
    choice = models.CharField("ontvangen", max_length=10, choices=CHOICES)

    class Meta:
        verbose_name = "meldingsvoorkeur"
        verbose_name_plural = "meldingsvoorkeuren"
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique")
        ]


class Notification(models.Model):
    """One notification to one user: mailed at once (direct) or in the next digest."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField("soort", max_length=100)
    channel = models.CharField(
        "verzonden als", max_length=10, choices=[(DIRECT, "direct"), (DIGEST, "overzicht")]
    )
    subject = models.CharField("onderwerp", max_length=200)
    text = models.CharField("tekst", max_length=500, blank=True)
    url = models.CharField("link", max_length=500)
    # Set by reminders that must reach a user once per occasion ("plans.action_due:12:2027-01-05").
    once_key = models.CharField("eenmalig-sleutel", max_length=200, blank=True, db_index=True)
    created_at = models.DateTimeField("aangemaakt op", default=timezone.now, db_index=True)
    emailed_at = models.DateTimeField("gemaild op", null=True, blank=True)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["channel", "emailed_at"], name="notification_pending")]

    def __str__(self):
        return self.subject
