"""The moderation queue in the CMS: who sees it, filters, order, hide and restore."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from leernetwerk.core.factories import UserFactory
from leernetwerk.core.roles import REDACTIE
from reactions.models import Reaction, ReactionReport

pytestmark = pytest.mark.django_db

INDEX = "wagtailsnippets_reactions_reaction:list"


def bulk_url(action, *reactions):
    url = reverse("wagtail_bulk_action", args=("reactions", "reaction", action))
    return url + "?" + "&".join(f"id={r.pk}" for r in reactions)


@pytest.fixture
def reactions(les, professional, colleague):
    quiet = Reaction.objects.create(page=les, author=professional, text="Rustige reactie.")
    reported = Reaction.objects.create(page=les, author=professional, text="Gemelde reactie.")
    ReactionReport.objects.create(reaction=reported, reporter=colleague, reason="Naam genoemd.")
    return quiet, reported


def test_moderator_sees_reported_first_and_filters(client, moderator, reactions):
    quiet, reported = reactions
    client.force_login(moderator)
    response = client.get(reverse(INDEX))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Gemelde reactie.") < html.index("Rustige reactie.")
    html = client.get(reverse(INDEX), {"reported": "true"}).content.decode()
    assert "Gemelde reactie." in html and "Rustige reactie." not in html
    html = client.get(reverse(INDEX), {"status": "verborgen"}).content.decode()
    assert "Gemelde reactie." not in html
    html = client.get(reverse(INDEX), {"page": quiet.page_id}).content.decode()
    assert "Rustige reactie." in html


def test_moderator_hides_and_restores_with_log(client, moderator, reactions):
    _quiet, reported = reactions
    client.force_login(moderator)
    assert client.get(bulk_url("verbergen", reported)).status_code == 200
    response = client.post(bulk_url("verbergen", reported))
    assert response.status_code == 302
    reported.refresh_from_db()
    assert reported.is_hidden and reported.hidden_by == moderator and reported.hidden_at
    entry = ModelLogEntry.objects.get(action="reactions.hide")
    assert entry.user == moderator and entry.object_id == str(reported.pk)

    client.post(bulk_url("terugzetten", reported))
    reported.refresh_from_db()
    assert not reported.is_hidden and reported.hidden_by is None
    assert ModelLogEntry.objects.filter(action="reactions.restore", user=moderator).exists()


def test_redactie_may_moderate(client, reactions):
    editor = UserFactory(username="redacteur")
    editor.groups.add(Group.objects.get(name=REDACTIE))
    _quiet, reported = reactions
    client.force_login(editor)
    client.post(bulk_url("verbergen", reported))
    reported.refresh_from_db()
    assert reported.is_hidden


def test_professional_cannot_moderate(client, professional, reactions):
    _quiet, reported = reactions
    client.force_login(professional)
    response = client.get(reverse(INDEX))
    assert response.status_code in (302, 403)
    response = client.post(bulk_url("verbergen", reported))
    assert response.status_code in (302, 403)
    reported.refresh_from_db()
    assert not reported.is_hidden


def test_cms_user_without_moderation_permission_cannot_hide(client, reactions):
    other = UserFactory(username="cms-gebruiker")
    other.groups.add(Group.objects.get(name="Beheer accounts"))
    _quiet, reported = reactions
    client.force_login(other)
    client.post(bulk_url("verbergen", reported))
    reported.refresh_from_db()
    assert not reported.is_hidden
