"""A guideline's owner hears when its review date comes near.

The owner is the page's owner in Wagtail (who created it, or whom an editor made
owner); without one, the members of "Redactie NJi" are told. Once per guideline and
review date: a new date is a new occasion.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from leernetwerk.core.roles import REDACTIE
from leernetwerk.notifications import NotificationKind, notify

from .models.richtlijn import REVIEW_WARNING_DAYS, review_due

REVIEW_DUE = "learning.review_due"
CONTRIBUTION_DECIDED = "learning.contribution_decided"
KINDS = [
    NotificationKind(
        key=REVIEW_DUE,
        label="Een richtlijn waarvan jij eigenaar bent moet binnenkort herzien worden",
        description=f"{REVIEW_WARNING_DAYS} dagen voor de herzieningsdatum, één keer per datum.",
    ),
    NotificationKind(
        key=CONTRIBUTION_DECIDED,
        label="Besluit over je ingezonden les",
        description="De redactie publiceerde je ingezonden les of vraagt om wijzigingen.",
    ),
]


def review_reminders(today=None):
    editors = None
    count = 0
    for guideline in review_due(today).select_related("owner"):
        if guideline.owner_id and guideline.owner.is_active:
            recipients = [guideline.owner]
        else:
            if editors is None:
                group = Group.objects.filter(name=REDACTIE).first()
                editors = list(get_user_model().objects.filter(groups=group, is_active=True))
            recipients = editors
        notify(
            recipients,
            kind=REVIEW_DUE,
            subject=f"Herziening nodig: {guideline.title}",
            text=f"Herzieningsdatum: {guideline.review_date:%d-%m-%Y}.",
            url=reverse("wagtailadmin_pages:edit", args=[guideline.pk]),
            once=f"{REVIEW_DUE}:{guideline.pk}:{guideline.review_date.isoformat()}",
        )
        count += 1
    return count
