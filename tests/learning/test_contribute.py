"""Contributing a lesson: who may, bad input, the draft and its workflow, approval with
and without credit, changes asked and resubmitted, and "Mijn inzendingen" per user."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from learning.contribute import richtext_to_text, text_to_richtext
from learning.models import Les
from learning.workflow import CONTRIBUTION_WORKFLOW_NAME
from leernetwerk.core.factories import UserFactory
from leernetwerk.core.roles import MODERATOR, PROFESSIONAL
from leernetwerk.taxonomy.models import Levensgebied

pytestmark = pytest.mark.django_db

SHARE = reverse("learning:share")
MINE = reverse("learning:my_submissions")


def make_professional(username, **fields):
    fields.setdefault("first_name", username.capitalize())
    fields.setdefault("last_name", "Bakker")
    fields.setdefault("organisation", "Jeugdteam West")
    user = UserFactory(username=username, professional="goedgekeurd", **fields)
    user.groups.add(Group.objects.get(name=PROFESSIONAL))
    return user


@pytest.fixture
def professional(db):
    return make_professional("fatima")


@pytest.fixture
def moderator(db):
    user = UserFactory(username="moderator", first_name="Mona")
    user.groups.add(Group.objects.get(name=MODERATOR))
    return user


def lesson_data(**changes):
    data = {
        "title": "Samen met school het toekomstplan maken",
        "summary": "Mentor en jongerenwerker schrijven het plan samen met de jongere.",
        "context": "Een mbo-opleiding in de regio.\n\nJongeren van 16 en 17 jaar.",
        "approach": "We planden drie gesprekken <b>op school</b>.",
        "worked": "De jongere voerde zelf het woord.",
        "did_not_work": "",
        "tips": "Begin voor de zomervakantie.",
        "levensgebieden": [str(Levensgebied.objects.filter(scheme="levensgebieden").first().pk)],
        "doelgroepen": [],
        "sectoren": [],
        "regio": "",
        "themes": "School, toekomstplan, school",
    }
    data.update(changes)
    return data


def share(client, **changes):
    return client.post(SHARE, lesson_data(**changes))


def workflow_state(les):
    return WorkflowState.objects.active().for_instance(les).get()


def act(les, user, action, comment=""):
    task_state = workflow_state(les).current_task_state
    task_state.task.specific.on_action(task_state, user, action, comment=comment)


# Who may share ---------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, kennisbank):
    response = client.get(SHARE)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert client.post(SHARE, lesson_data()).status_code == 302
    assert not Les.objects.exists()


def test_unapproved_user_gets_dutch_explanation(client, kennisbank):
    waiting = UserFactory(username="wacht", professional="wacht")
    client.force_login(waiting)
    response = client.get(SHARE)
    assert response.status_code == 403
    assert "goedgekeurd professional-account" in response.content.decode()
    assert share(client).status_code == 403
    assert not Les.objects.exists()


# Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "Vul het veld &#x27;Titel van de les&#x27; in."),
        ({"approach": ""}, "Vul het veld &#x27;Aanpak&#x27; in."),
        ({"summary": "x" * 601}, "Maak de samenvatting korter"),
        ({"tips": "x" * 5001}, "Maak deze tekst korter"),
        ({"levensgebieden": ["999999"]}, "Kies alleen uit de lijst."),
        ({"regio": "Nergenshuizen"}, "regio"),
        ({"themes": ",".join(f"thema {n}" for n in range(9))}, "Noem hoogstens 8 thema"),
    ],
)
def test_bad_input_saves_nothing(client, kennisbank, professional, changes, message):
    client.force_login(professional)
    response = share(client, **changes)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Je les is nog niet ingestuurd" in html
    assert message in html
    assert not Les.objects.exists()
    assert not WorkflowState.objects.exists()


def test_failure_while_starting_workflow_saves_nothing(
    client, kennisbank, professional, monkeypatch
):
    from wagtail.models import Workflow

    def broken(self, obj, user):
        raise RuntimeError("kapot")

    monkeypatch.setattr(Workflow, "start", broken)
    client.raise_request_exception = False
    client.force_login(professional)
    assert share(client).status_code == 500
    assert not Les.objects.exists()


@pytest.mark.parametrize("how", ["deactivated", "deleted"])
def test_without_a_review_workflow_nothing_is_taken_in(client, kennisbank, professional, how):
    """An editor switched the review of shared lessons off or removed it: the page says
    so in Dutch (503, no form) and a submission saves nothing, instead of a 500."""
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name=CONTRIBUTION_WORKFLOW_NAME)
    if how == "deleted":
        workflow.delete()
    else:
        workflow.deactivate()
    client.force_login(professional)
    page = client.get(SHARE)
    assert page.status_code == 503
    html = page.content.decode()
    assert "Les delen kan op dit moment niet" in html and "<form" not in html.split("<main")[1]
    assert share(client).status_code == 503
    assert not Les.objects.exists() and not WorkflowState.objects.exists()


# The draft and its workflow --------------------------------------------------------------


def test_submission_creates_draft_in_moderator_workflow(client, kennisbank, professional):
    client.force_login(professional)
    assert client.get(SHARE).status_code == 200
    response = share(client)
    assert response.status_code == 302 and response["Location"] == MINE
    les = Les.objects.get()
    assert not les.live
    assert les.get_parent().specific == kennisbank
    assert les.owner == professional and les.contributed_by == professional
    assert les.credit_consent is False and les.credit_name == ""
    state = workflow_state(les)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == CONTRIBUTION_WORKFLOW_NAME
    assert state.current_task_state.task.specific.groups.filter(name=MODERATOR).exists()
    draft = les.get_latest_revision_as_object()
    assert "&lt;b&gt;op school&lt;/b&gt;" in draft.approach  # typed text, escaped
    assert draft.context.count("<p>") == 2
    assert sorted(t.name for t in draft.tags.all()) == ["school", "toekomstplan"]
    html = client.get(MINE).content.decode()
    assert "Samen met school het toekomstplan maken" in html and "In beoordeling" in html


def test_lessons_written_in_the_cms_keep_the_tree_workflow(kennisbank):
    from learning.factories import add_les

    les = add_les(kennisbank, "Les van de redactie")
    workflow = les.get_workflow()
    assert workflow is None or workflow.name != CONTRIBUTION_WORKFLOW_NAME


def test_plain_text_round_trip():
    text = "Eerste regel\ntweede regel\n\nNieuwe alinea met <tag> & teken"
    assert richtext_to_text(text_to_richtext(text)) == text


# Decisions -------------------------------------------------------------------------------


def test_approval_publishes_with_credit(client, kennisbank, professional, moderator):
    client.force_login(professional)
    share(client, credit_consent="on")
    les = Les.objects.get()
    mail.outbox.clear()
    act(les, moderator, "approve")
    les.refresh_from_db()
    assert les.live
    assert les.credit_line == "Fatima Bakker, Jeugdteam West"
    assert "Gedeeld door Fatima Bakker, Jeugdteam West" in client.get(les.url).content.decode()
    (message,) = [m for m in mail.outbox if professional.email in m.to]
    assert "gepubliceerd" in message.subject
    assert "toekomstplan" not in message.body.lower()  # no lesson text in the mail
    assert MINE in message.body
    html = client.get(MINE).content.decode()
    assert "Gepubliceerd" in html and les.url in html


def test_approval_without_consent_names_nobody(client, kennisbank, professional, moderator):
    client.force_login(professional)
    share(client)
    les = Les.objects.get()
    act(les, moderator, "approve")
    les.refresh_from_db()
    assert les.live and les.credit_line == ""
    client.logout()
    html = client.get(les.url).content.decode()
    assert "Gedeeld door" not in html and "Fatima" not in html


def test_changes_requested_then_resubmitted(client, kennisbank, professional, moderator):
    client.force_login(professional)
    share(client)
    les = Les.objects.get()
    mail.outbox.clear()
    act(les, moderator, "reject", comment="Noem geen schoolnaam, beschrijf de rol van de mentor.")
    state = workflow_state(les)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    (message,) = [m for m in mail.outbox if professional.email in m.to]
    assert "wijzigingen" in message.subject and "mentor" not in message.body

    html = client.get(MINE).content.decode()
    assert "Wijzigingen gevraagd" in html
    assert "Noem geen schoolnaam, beschrijf de rol van de mentor." in html
    edit_url = reverse("learning:edit_submission", args=[les.pk])
    page = client.get(edit_url).content.decode()
    assert "Noem geen schoolnaam" in page and "We planden drie gesprekken" in page

    bad = client.post(edit_url, lesson_data(approach=""))
    assert bad.status_code == 400
    assert workflow_state(les).status == WorkflowState.STATUS_NEEDS_CHANGES

    response = client.post(
        edit_url, lesson_data(approach="De mentor nodigde de jongere uit.", title="Nieuwe titel")
    )
    assert response.status_code == 302
    state = workflow_state(les)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "In beoordeling" in client.get(MINE).content.decode()
    assert "Nieuwe titel" in client.get(MINE).content.decode()
    # Not editable while in review.
    assert client.post(edit_url, lesson_data()).status_code == 302

    act(les, moderator, "approve")
    les.refresh_from_db()
    assert les.live and les.title == "Nieuwe titel"
    assert "De mentor nodigde de jongere uit." in les.approach


# Isolation -------------------------------------------------------------------------------


def test_each_contributor_sees_only_own_submissions(client, kennisbank, professional, moderator):
    other = make_professional("sem", first_name="Sem")
    client.force_login(professional)
    share(client, title="Les van Fatima")
    client.force_login(other)
    share(client, title="Les van Sem")
    fatima_les = Les.objects.get(title="Les van Fatima")
    act(fatima_les, moderator, "reject", comment="Graag korter.")

    html = client.get(MINE).content.decode()
    assert "Les van Sem" in html and "Les van Fatima" not in html and "Graag korter" not in html
    edit = reverse("learning:edit_submission", args=[fatima_les.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, lesson_data(title="Gekaapt")).status_code == 404
    assert workflow_state(fatima_les).status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(professional)
    html = client.get(MINE).content.decode()
    assert "Les van Fatima" in html and "Les van Sem" not in html


def test_my_submissions_needs_login_and_query_count(
    client, kennisbank, professional, django_assert_max_num_queries
):
    assert client.get(MINE).status_code == 302
    client.force_login(professional)
    share(client, title="Eerste")
    client.get(MINE)
    with django_assert_max_num_queries(40) as few:
        client.get(MINE)
    baseline = len(few.captured_queries)  # read now: the next request clears the log
    for n in range(4):
        share(client, title=f"Les nummer {n}")
    with django_assert_max_num_queries(baseline):
        response = client.get(MINE)
    assert "Les nummer 3" in response.content.decode()


def test_profile_links(client, professional):
    client.force_login(professional)
    html = client.get(reverse("account_profile")).content.decode()
    assert f'href="{MINE}"' in html and f'href="{SHARE}"' in html
    waiting = UserFactory(username="wacht", professional="wacht")
    client.force_login(waiting)
    html = client.get(reverse("account_profile")).content.decode()
    assert f'href="{MINE}"' in html and f'href="{SHARE}"' not in html


def test_moderator_decides_in_wagtails_own_workflow_ui(client, kennisbank, professional, moderator):
    client.force_login(professional)
    share(client)
    les = Les.objects.get()
    task_state = workflow_state(les).current_task_state
    client.force_login(moderator)
    assert "Samen met school" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[les.pk])).status_code == 200
    url = reverse("wagtailadmin_pages:workflow_action", args=[les.pk, "reject", task_state.pk])
    response = client.post(url, {"comment": "Graag de rol van de ouders erbij."})
    assert response.status_code in (200, 302)
    assert workflow_state(les).status == WorkflowState.STATUS_NEEDS_CHANGES
    client.force_login(professional)
    assert "Graag de rol van de ouders erbij." in client.get(MINE).content.decode()


def test_professional_cannot_approve_own_submission(client, kennisbank, professional):
    client.force_login(professional)
    share(client)
    les = Les.objects.get()
    task_state = workflow_state(les).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[les.pk, "approve", task_state.pk])
    response = client.post(url)
    assert response.status_code in (302, 403)
    les.refresh_from_db()
    assert not les.live


def test_account_deletion_keeps_lesson_without_name(client, kennisbank, professional, moderator):
    client.force_login(professional)
    share(client, credit_consent="on")
    les = Les.objects.get()
    act(les, moderator, "approve")
    assert "Gedeeld door Fatima Bakker" in client.get(les.url).content.decode()
    data = client.get(reverse("account_data")).json()
    assert data["ingezonden_lessen"][0]["status"] == "Gepubliceerd"
    assert "zonder je naam" in client.get(reverse("account_delete")).content.decode()
    response = client.post(
        reverse("account_delete"), {"password": "geheim-wachtwoord-123", "confirm": "on"}
    )
    assert response.status_code == 302
    les.refresh_from_db()
    assert les.live and les.contributed_by is None and les.credit_line == ""
    assert "Gedeeld door" not in client.get(les.url).content.decode()
