"""Retention: ``manage.py purge_plans`` erases plans closed longer ago than the period,
and access-log entries older than ``ACCESS_LOG_RETENTION_DAYS``.

Safe to run daily (cron): it only touches plans past the period, each erased in its
own transaction, and a second run finds nothing left to do.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from plans.erasure import erase_plan
from plans.models import AccessLogEntry, Plan


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
        self._purge_access_log(proefdraai)

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
