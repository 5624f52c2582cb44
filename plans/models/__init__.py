"""Templates are CMS pages; plans are private personal data in plain models (never indexed)."""

from .audit import AccessLogEntry
from .pages import ToekomstplanIndexPage, ToekomstplanTemplatePage
from .plan import Action, NetworkMember, Plan, PlanDomain, ReviewEntry
from .revisions import PlanRevision
from .sharing import Invitation, Membership, Role

__all__ = [
    "AccessLogEntry",
    "Action",
    "Invitation",
    "Membership",
    "NetworkMember",
    "Plan",
    "PlanDomain",
    "PlanRevision",
    "ReviewEntry",
    "Role",
    "ToekomstplanIndexPage",
    "ToekomstplanTemplatePage",
]
