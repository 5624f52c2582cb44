"""The access log (NEN 7513 in spirit): who did what with which plan, when, from where.

Entries point at the plan by its random reference, never by content, so after
erasure the remaining trace is pseudonymous.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessLogEntry(models.Model):
    class Action(models.TextChoices):
        READ = "read", _("bekeken")
        WRITE = "write", _("gewijzigd")
        CREATE = "create", _("aangemaakt")
        EXPORT = "export", _("geëxporteerd")
        SHARE = "share", _("gedeeld")
        JOIN = "join", _("uitnodiging geaccepteerd")
        REVOKE = "revoke", _("toegang ingetrokken")
        CLOSE = "close", _("afgesloten")
        ERASE = "erase", _("gewist")

    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="access_log"
    )
    plan_ref = models.UUIDField(_("planreferentie"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("wie"),
    )
    action = models.CharField(_("actie"), max_length=10, choices=Action.choices)
    detail = models.CharField(_("wat"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    created_at = models.DateTimeField(_("wanneer"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")

    def __str__(self):
        return f"{self.plan_ref} {self.action}"
