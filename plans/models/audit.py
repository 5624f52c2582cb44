"""The access log in the spirit of NEN 7513: who (account and role), what (the plan and
which part), which action (view, export, change, erase, denied attempt), when, and from
where (IP address and a session reference).

**Append-only.** A saved entry cannot be changed or deleted through the ORM: ``save`` on
an existing entry, ``delete`` and the queryset's ``update``/``delete`` raise
``AppendOnlyError``. On PostgreSQL a trigger refuses UPDATE and DELETE as well (migration
0004); only ``purge_expired`` may delete, inside a transaction that sets
``plans.accesslog_purge``. On SQLite a trigger refuses UPDATE; DELETE is left to the ORM
guard, because Django's test flush on SQLite empties tables with DELETE. There is no
admin screen for the log.

**Kept apart from the content.** Entries point at a plan by its random reference
(``plan_ref``, the plan's pseudonym) and at the account by id, without database
constraints and with ``DO_NOTHING``: erasing a plan or deleting an account changes no
entry, and the erasure itself is an entry with who, when and why.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    """The access log is append-only."""


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Het toegangslog kan niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Het toegangslog kan alleen na de bewaartermijn worden gewist.")


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
        DENIED = "denied", _("geweigerd")

    plan = models.ForeignKey(
        "plans.Plan",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="access_log",
    )
    plan_ref = models.UUIDField(_("planreferentie"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("wie"),
    )
    user_label = models.CharField(_("account"), max_length=150, blank=True)
    role = models.CharField(_("rol"), max_length=10, blank=True)
    action = models.CharField(_("actie"), max_length=10, choices=Action.choices)
    detail = models.CharField(_("wat"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    session_ref = models.CharField(_("sessie"), max_length=16, blank=True)
    created_at = models.DateTimeField(_("wanneer"), default=timezone.now, db_index=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")

    def __str__(self):
        return f"{self.plan_ref} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Een regel in het toegangslog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Een regel in het toegangslog kan niet worden verwijderd.")

    @property
    def who(self):
        """The account's name now, or the user name it had (deleted accounts)."""
        if self.user_id:
            try:
                return str(self.user)
            except self._meta.get_field("user").related_model.DoesNotExist:
                pass
        return self.user_label

    @classmethod
    def purge_expired(cls, days):
        """Delete entries older than ``days`` (retention). Returns how many went."""
        cutoff = timezone.now() - timedelta(days=days)
        table = connection.ops.quote_name(cls._meta.db_table)
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET LOCAL plans.accesslog_purge = 'on'")
            cursor.execute(f"DELETE FROM {table} WHERE created_at < %s", [cutoff])  # noqa: S608
            return cursor.rowcount
