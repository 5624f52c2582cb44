"""The privacy statement that is live now: consent (accounts, plans) records its version."""

FALLBACK_VERSION = "2026-1"  # before any privacy statement page is published


def _live_statement():
    from .models import PrivacyStatementPage

    return PrivacyStatementPage.objects.live().order_by("-last_published_at").first()


def current_privacy_version():
    page = _live_statement()
    return page.version if page else FALLBACK_VERSION


def privacy_url():
    page = _live_statement()
    return page.url if page else "/privacy/"
