"""Sharing a lesson ("Les delen"): a professional's submission becomes a draft ``Les``
under the kennisbank, reviewed in Wagtail's own workflow by the Moderator group
("Redactie: ingezonden lessen", see ``workflow.py``), and published on approval.

The contributor never sees the CMS: "Mijn inzendingen" shows each submission's status
(from Wagtail's WorkflowState), the moderator's comment when changes are asked, and lets
the contributor edit and resubmit, which resumes the same workflow.
"""

import html
import re

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile

from leernetwerk.notifications import notify
from leernetwerk.pagecache.purge import purge

from .models import KennisbankPage, Les
from .notifications import CONTRIBUTION_DECIDED
from .workflow import contribution_workflow

TEXT_FIELDS = ("context", "approach", "worked", "did_not_work", "tips")

IN_REVIEW = "beoordeling"
NEEDS_CHANGES = "wijzigingen"
PUBLISHED = "gepubliceerd"
STOPPED = "gestopt"
STATUS_LABELS = {
    IN_REVIEW: "In beoordeling",
    NEEDS_CHANGES: "Wijzigingen gevraagd",
    PUBLISHED: "Gepubliceerd",
    STOPPED: "Niet in behandeling",
}


# Plain text <-> the lesson's rich text -------------------------------------------------


def text_to_richtext(text):
    """Paragraphs (separated by a blank line) of escaped text; single newlines become <br>."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in p.split("\n")) + "</p>"
        for p in paragraphs
        if p
    )


def richtext_to_text(value):
    """The plain text a contributor typed, back from the stored rich text."""
    text = re.sub(r"<br\s*/?>", "\n", value or "")
    text = re.sub(r"</p>\s*", "\n\n", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


# Submitting ---------------------------------------------------------------------------


def kennisbank():
    return KennisbankPage.objects.first()


def _apply(les, user, data):
    les.title = data["title"]
    les.summary = data["summary"]
    for name in TEXT_FIELDS:
        setattr(les, name, text_to_richtext(data[name]))
    les.regio = data["regio"]
    les.levensgebieden = list(data["levensgebieden"])
    les.doelgroepen = list(data["doelgroepen"])
    les.sectoren = list(data["sectoren"])
    les.tags.set(data["themes"])
    les.credit_consent = data["credit_consent"]
    # Only what the contributor agreed to show is stored with the lesson.
    les.credit_name = user.get_full_name() if les.credit_consent else ""
    les.credit_organisation = user.organisation if les.credit_consent else ""


def _no_cms_mail(user):
    """Wagtail mails the requester of a workflow on approval and rejection, with CMS
    links and the lesson's title. A contributor without CMS access gets our own short
    notification instead (``notify_decision``), so Wagtail's is switched off for them."""
    if user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = False
        profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


class ReviewClosed(Exception):
    """Nobody reviews contributed lessons now (the CMS switched the review workflow
    off or removed it): a submission would wait for no one, so none is taken."""


def review_open():
    return contribution_workflow() is not None


@transaction.atomic
def submit(user, data, parent=None):
    """Create the draft lesson and start the review workflow; all or nothing."""
    workflow = contribution_workflow()
    if workflow is None:
        raise ReviewClosed
    parent = parent or kennisbank()
    les = Les(
        live=False,
        owner=user,
        contributed_by=user,
        contributed_at=timezone.now(),
        slug=find_available_slug(parent, slugify(data["title"])[:80] or "les"),
    )
    _apply(les, user, data)
    parent.add_child(instance=les)
    les.save_revision(user=user, log_action=True)
    _no_cms_mail(user)
    workflow.start(les, user)
    return les


@transaction.atomic
def resubmit(les, user, data):
    """Save the contributor's changes as a new revision and send them back to review:
    the workflow that asked for changes resumes at its task."""
    draft = les.get_latest_revision_as_object()
    _apply(draft, user, data)
    draft.save_revision(user=user, log_action=True)
    state = WorkflowState.objects.active().for_instance(les).get()
    state.resume(user)  # the views only offer this while changes are asked
    return draft


def forget_contributor(user):
    """Account deletion: the lessons stay, the name and organisation go (on the page as
    it is shown; earlier revisions in the CMS history keep what was submitted)."""
    changed = Les.objects.filter(contributed_by=user).update(
        credit_consent=False, credit_name="", credit_organisation=""
    )
    if changed:
        purge("ingezonden lessen van verwijderd account")  # update() sends no signal


def form_initial(les):
    """The form's values from the lesson's latest draft."""
    draft = les.get_latest_revision_as_object()
    initial = {name: richtext_to_text(getattr(draft, name)) for name in TEXT_FIELDS}
    initial.update(
        title=draft.title,
        summary=draft.summary,
        regio=draft.regio,
        levensgebieden=list(draft.levensgebieden.all()),
        doelgroepen=list(draft.doelgroepen.all()),
        sectoren=list(draft.sectoren.all()),
        themes=", ".join(tag.name for tag in draft.tags.all()),
        credit_consent=draft.credit_consent,
    )
    return initial


# Status -------------------------------------------------------------------------------


class Submission:
    def __init__(self, les, state):
        self.les = les
        self.title = les.draft_title or les.title
        self.comment = ""
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            self.status = NEEDS_CHANGES
            task_state = state.current_task_state
            self.comment = task_state.comment if task_state else ""
        elif state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            self.status = IN_REVIEW
        elif les.live:
            self.status = PUBLISHED
        else:
            self.status = STOPPED

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def editable(self):
        return self.status == NEEDS_CHANGES


def _latest_states(lessons):
    page_type = ContentType.objects.get_for_model(Page)
    states = WorkflowState.objects.filter(
        base_content_type=page_type, object_id__in=[str(les.pk) for les in lessons]
    ).select_related("current_task_state")
    latest = {}
    for state in states.order_by("created_at", "pk"):
        latest[state.object_id] = state
    return latest


def submissions_of(user):
    """The user's own submissions, newest first, each with its status (three queries)."""
    lessons = list(Les.objects.filter(contributed_by=user).order_by("-contributed_at", "-pk"))
    states = _latest_states(lessons)
    return [Submission(les, states.get(str(les.pk))) for les in lessons]


def submission_of(user, pk):
    les = Les.objects.filter(contributed_by=user, pk=pk).first()
    if les is None:
        return None
    return Submission(les, _latest_states([les]).get(str(les.pk)))


# The contributor hears of the decision ---------------------------------------------------


def notify_decision(sender, instance, user=None, **kwargs):
    """workflow_approved / workflow_rejected: tell the contributor, without lesson text."""
    page = instance.content_object
    les = page.specific if isinstance(page, Page) else None
    if not isinstance(les, Les) or not les.contributed_at or les.contributed_by is None:
        return
    if instance.status == WorkflowState.STATUS_APPROVED:
        subject = "Je ingezonden les is gepubliceerd"
        text = "De redactie heeft je ingezonden les goedgekeurd en gepubliceerd. Bedankt!"
    else:
        subject = "Je ingezonden les: de redactie vraagt om wijzigingen"
        text = (
            "De redactie heeft je ingezonden les bekeken en vraagt je om iets aan te passen. "
            "Op de pagina Mijn inzendingen lees je wat en kun je de les opnieuw insturen."
        )
    notify(
        [les.contributed_by],
        kind=CONTRIBUTION_DECIDED,
        subject=subject,
        text=text,
        url=reverse("learning:my_submissions"),
    )
