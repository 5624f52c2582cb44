"""The privacy statement that is live now: consent records its version."""

FALLBACK_VERSION = "2026-1"  # before any privacy statement page is published


def current_privacy_version():
    return FALLBACK_VERSION


def privacy_url():
    return "/privacy/"
