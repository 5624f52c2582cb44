"""Retention: ``manage.py purge_plans`` (daily)
- warns the owners of open plans nobody changed for ``PLANS_IDLE_CLOSE_DAYS`` minus
  ``PLANS_IDLE_WARNING_DAYS`` days, and closes them when still unchanged at the end;
- erases plans that have no active member left;
- erases plans closed longer ago than the retention period;
- removes access-log entries older than ``ACCESS_LOG_RETENTION_DAYS``.

Safe to run daily (cron): it only touches plans past the period, each erased in its
own transaction, and a second run finds nothing left to do.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from leernetwerk.core.mail import send_email
from plans.erasure import erase_plan
from plans.models import AccessLogEntry, Membership, Plan, Role


class Command(BaseCommand):
    help = "Wist toekomstplannen die langer dan de bewaartermijn geleden zijn afgesloten."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dagen",
            type=int,
            default=None,
            help="Bewaartermijn in dagen (standaard: instelling PLANS_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--proefdraai", action="store_true", help="Alleen tonen wat er gewist zou worden."
        )

    def handle(self, *args, dagen=None, proefdraai=False, **options):
        if dagen is not None and dagen < 0:
            raise CommandError("De bewaartermijn kan niet negatief zijn.")
        self._idle_plans(proefdraai)
        self._plans_without_members(proefdraai)
        self._closed_plans(dagen, proefdraai)
        self._purge_access_log(proefdraai)

    def _idle_plans(self, proefdraai):
        """Warn the owners of plans nobody changed for a long time; close them later."""
        now = timezone.now()
        close_days = settings.PLANS_IDLE_CLOSE_DAYS
        warn_days = settings.PLANS_IDLE_WARNING_DAYS
        active = Plan.objects.filter(status=Plan.Status.ACTIEF)
        to_warn = active.filter(
            idle_warning_sent_at__isnull=True,
            updated_at__lt=now - timedelta(days=close_days - warn_days),
        )
        to_close = active.filter(
            updated_at__lt=now - timedelta(days=close_days),
            idle_warning_sent_at__lt=now - timedelta(days=warn_days),
        )
        if proefdraai:
            self.stdout.write(
                f"Inactief: {to_warn.count()} waarschuwing(en), {to_close.count()} te sluiten."
            )
            return
        warned = 0
        for plan in to_warn.prefetch_related("memberships__user"):
            owners = [m.user.email for m in plan.memberships.active() if m.role == Role.EIGENAAR]
            if owners:
                # The mail names no one and holds no plan content.
                send_email(
                    to=owners,
                    subject="Een toekomstplan wordt binnenkort afgesloten",
                    template="plans/email/idle_warning.txt",
                    context={"days": warn_days, "site_url": settings.WAGTAILADMIN_BASE_URL},
                )
            Plan.objects.filter(pk=plan.pk).update(idle_warning_sent_at=now)
            warned += 1
        closed = 0
        for plan in to_close:
            Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.AFGESLOTEN, closed_at=now)
            AccessLogEntry(
                plan_id=plan.pk,
                plan_ref=plan.reference,
                action=AccessLogEntry.Action.CLOSE,
                detail=f"afgesloten na {close_days} dagen zonder wijziging",
            ).save()
            closed += 1
        self.stdout.write(
            f"Inactief: {warned} eigenaar(s) gewaarschuwd, {closed} plan(nen) gesloten."
        )

    def _plans_without_members(self, proefdraai):
        """A plan that nobody can reach any more is erased."""
        orphans = Plan.objects.exclude(
            pk__in=Membership.objects.active().values("plan_id")
        ).order_by("pk")
        if proefdraai:
            self.stdout.write(f"Zonder deelnemers: {orphans.count()} plan(nen) zou(den) weg.")
            return
        erased = 0
        for plan in orphans:
            erase_plan(plan, reason="geen deelnemers meer")
            erased += 1
        self.stdout.write(f"Zonder deelnemers: {erased} plan(nen) gewist.")

    def _closed_plans(self, dagen, proefdraai):
        days = settings.PLANS_RETENTION_DAYS if dagen is None else dagen
        if days < 0:
            raise CommandError("De bewaartermijn kan niet negatief zijn.")
        cutoff = timezone.now() - timedelta(days=days)
        expired = Plan.objects.filter(
            status=Plan.Status.AFGESLOTEN, closed_at__isnull=False, closed_at__lt=cutoff
        ).order_by("closed_at")
        references = list(expired.values_list("pk", "reference", "closed_at"))
        self.stdout.write(
            f"Bewaartermijn {days} dagen: {len(references)} plan(nen) afgesloten vóór "
            f"{cutoff:%Y-%m-%d}."
        )
        if proefdraai:
            for _pk, reference, closed_at in references:
                self.stdout.write(f"  zou wissen: {reference} (afgesloten {closed_at:%Y-%m-%d})")
            return
        erased = 0
        for pk, reference, closed_at in tqdm(
            references, desc="Plannen wissen", disable=not references, file=self.stderr
        ):
            plan = Plan.objects.filter(pk=pk).first()
            if plan is None:  # already gone (another run)
                continue
            erase_plan(plan, reason="bewaartermijn verstreken")
            erased += 1
            self.stdout.write(f"  gewist: {reference} (afgesloten {closed_at:%Y-%m-%d})")
        self.stdout.write(self.style.SUCCESS(f"{erased} plan(nen) gewist."))

    def _purge_access_log(self, proefdraai):
        """Retention of the access log itself (ACCESS_LOG_RETENTION_DAYS)."""
        days = settings.ACCESS_LOG_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        old = AccessLogEntry.objects.filter(created_at__lt=cutoff).count()
        if proefdraai:
            self.stdout.write(f"Toegangslog: {old} regel(s) ouder dan {days} dagen zou(den) weg.")
            return
        removed = AccessLogEntry.purge_expired(days) if old else 0
        self.stdout.write(f"Toegangslog: {removed} regel(s) ouder dan {days} dagen gewist.")
