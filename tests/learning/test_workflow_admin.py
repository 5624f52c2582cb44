"""The Redactie NJi workflow for guidelines, the review-date panel and permissions."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from learning.factories import add_richtlijn
from learning.models.richtlijn import review_due
from learning.workflow import WORKFLOW_NAME, ensure_workflow
from leernetwerk.core.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_guidelines_use_the_redactie_workflow(content):
    workflow = content["guideline"].get_workflow()
    assert workflow.name == WORKFLOW_NAME
    task = workflow.tasks.first().specific
    assert [g.name for g in task.groups.all()] == ["Redactie NJi"]
    # Lessons keep the tree's (default) workflow.
    assert content["wonen"].get_workflow() is None or (
        content["wonen"].get_workflow().name != WORKFLOW_NAME
    )


def test_ensure_workflow_is_idempotent(db):
    from wagtail.models import Workflow

    ensure_workflow()
    ensure_workflow()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert Workflow.objects.get(name=WORKFLOW_NAME).workflow_tasks.count() == 1


def test_submitting_a_guideline_starts_the_review(content):
    editor = UserFactory(username="auteur")
    guideline = content["guideline"]
    revision = guideline.save_revision(user=editor)
    state = guideline.get_workflow().start(guideline, editor)
    assert state.status == "in_progress"
    assert state.current_task_state.task.name == "Beoordeling door Redactie NJi"
    assert revision.pk


def test_review_due_lists_overdue_and_soon_due(kennisbank):
    today = timezone.localdate()
    overdue = add_richtlijn(kennisbank, "Te laat", review_date=today - datetime.timedelta(days=1))
    soon = add_richtlijn(kennisbank, "Binnenkort", review_date=today + datetime.timedelta(days=30))
    add_richtlijn(kennisbank, "Later", review_date=today + datetime.timedelta(days=31))
    add_richtlijn(kennisbank, "Zonder datum")
    add_richtlijn(
        kennisbank, "Verlopen", status="verlopen", review_date=today - datetime.timedelta(days=5)
    )
    assert list(review_due()) == [overdue, soon]


def test_admin_home_shows_review_panel(client, superuser, kennisbank):
    add_richtlijn(
        kennisbank, "Veldnorm overgang", review_date=timezone.localdate() - datetime.timedelta(1)
    )
    client.force_login(superuser)
    html = client.get("/cms/").content.decode()
    assert "Richtlijnen: herziening nodig" in html
    assert "Veldnorm overgang" in html
    assert "verlopen" in html


def test_admin_home_panel_empty_state(client, superuser, kennisbank):
    client.force_login(superuser)
    html = client.get("/cms/").content.decode()
    assert "Geen richtlijnen die de komende 30 dagen herzien moeten worden" in html


def test_redactie_may_edit_synonyms_professional_may_not(client, db):
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # runs the post-migrate role sync
    redacteur = UserFactory(username="redacteur")
    redacteur.groups.add(Group.objects.get(name="Redactie NJi"))
    professional = UserFactory(username="prof")
    professional.groups.add(Group.objects.get(name="Professional"))
    assert redacteur.has_perm("learning.change_synoniemgroep")
    assert not professional.has_perm("learning.change_synoniemgroep")
    client.force_login(professional)
    assert client.get("/cms/snippets/learning/synoniemgroep/").status_code in (302, 403)
    client.force_login(redacteur)
    assert client.get("/cms/snippets/learning/synoniemgroep/").status_code == 200


def test_synonym_edits_take_effect_immediately(content):
    from learning.models import Synoniemgroep
    from learning.search import SearchRequest, search

    assert search(SearchRequest(q="stekkie")).total == 0
    group = Synoniemgroep.objects.create(terms="stekkie\nwoning")
    assert search(SearchRequest(q="stekkie")).total == 1
    group.delete()
    assert search(SearchRequest(q="stekkie")).total == 0
