"""Reactions below lessons: who may react, bad input, rendering, visibility, reports,
follows and notifications, and the account's data."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learning.factories import add_leercirkel, add_richtlijn, make_kennisbank
from leernetwerk.core.factories import UserFactory
from reactions.models import (
    DELETED_AUTHOR,
    TEXT_MAX_LENGTH,
    Follow,
    Reaction,
    ReactionReport,
    ReactionSettings,
)

pytestmark = pytest.mark.django_db


def post_url(page):
    return reverse("reactions:post", args=[page.pk])


def react(client, page, text):
    return client.post(post_url(page), {"reactie-text": text})


# Who may react ---------------------------------------------------------------------------


def test_anonymous_sees_login_invitation_and_cannot_post(client, les):
    response = client.get(les.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="reacties"' in html
    assert "Log in om te reageren" in html
    assert "reactie-text" not in html
    response = react(client, les, "Mag ik ook?")
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not Reaction.objects.exists()


def test_unapproved_user_is_refused_with_explanation(client, les, unapproved):
    client.force_login(unapproved)
    html = client.get(les.url).content.decode()
    assert "goedgekeurd professional-account" in html
    assert "reactie-text" not in html
    response = react(client, les, "Ik wil ook reageren")
    assert response.status_code == 403
    assert "Alleen professionals met een goedgekeurd account" in response.content.decode()
    assert not Reaction.objects.exists()


def test_professional_reacts_and_follows_the_page(client, les, professional):
    client.force_login(professional)
    assert "reactie-text" in client.get(les.url).content.decode()
    response = react(client, les, "  Bij ons werkte dit ook, vooral met school erbij.  ")
    assert response.status_code == 302
    reaction = Reaction.objects.get()
    assert response["Location"] == f"{les.url}#reactie-{reaction.pk}"
    assert reaction.text == "Bij ons werkte dit ook, vooral met school erbij."  # stripped
    assert reaction.author == professional
    assert Follow.objects.filter(user=professional, page=les).exists()
    html = client.get(les.url).content.decode()
    assert "Bij ons werkte dit ook" in html
    assert "Petra de Vries" in html and "Wijkteam Noord" in html


def test_pages_that_do_not_accept_reactions_have_no_panel(client, home, professional):
    client.force_login(professional)
    assert 'id="reacties"' not in client.get(home.url).content.decode()
    assert react(client, home, "Hallo").status_code == 404


# Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Schrijf eerst je reactie"),
        ("   \n  ", "Schrijf eerst je reactie"),
        ("x" * (TEXT_MAX_LENGTH + 1), "Je reactie is te lang"),
        ("nul\x00teken", "niet is toegestaan"),
    ],
)
def test_bad_reaction_is_refused_in_dutch_and_nothing_saved(
    client, les, professional, text, message
):
    client.force_login(professional)
    response = react(client, les, text)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Je reactie is nog niet geplaatst" in html
    assert not Reaction.objects.exists()
    assert not Follow.objects.exists()


def test_reaction_post_is_rate_limited(client, les, professional, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "reactie": "2/h"}
    client.force_login(professional)
    assert react(client, les, "Een").status_code == 302
    assert react(client, les, "Twee").status_code == 302
    assert react(client, les, "Drie").status_code == 429
    assert Reaction.objects.count() == 2


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2100))
def test_fuzzed_reaction_post_never_fails(client, les, professional, text):
    cache.clear()  # the rate limit counts every example's post
    client.force_login(professional)
    before = Reaction.objects.count()
    response = react(client, les, text)
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert Reaction.objects.count() == before + 1
        assert Reaction.objects.latest("pk").text == text.strip()
    else:
        assert Reaction.objects.count() == before


# Rendering -------------------------------------------------------------------------------


def test_text_is_escaped_and_links_are_nofollow_ugc(client, les, professional):
    Reaction.objects.create(
        page=les,
        author=professional,
        text='<script>alert("x")</script> zie https://example.org/les en "quotes"',
    )
    client.force_login(professional)
    html = client.get(les.url).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<a href="https://example.org/les" rel="nofollow ugc noopener">' in html


def test_deleted_author_is_shown_as_deleted_account(client, les, professional, colleague):
    Reaction.objects.create(page=les, author=professional, text="Goede les.")
    professional.delete()
    client.force_login(colleague)
    html = client.get(les.url).content.decode()
    assert "Goede les." in html
    assert DELETED_AUTHOR in html


# Visibility setting ----------------------------------------------------------------------


def test_members_only_by_default(client, les, professional):
    Reaction.objects.create(page=les, author=professional, text="Alleen voor leden.")
    Reaction.objects.create(page=les, author=professional, text="Ook deze.")
    html = client.get(les.url).content.decode()
    assert "Alleen voor leden." not in html
    assert "Er zijn 2 reacties op deze pagina." in html
    assert "Log in om ze te lezen" in html


def test_visible_to_everyone_when_set(client, les, professional, home):
    Reaction.objects.create(page=les, author=professional, text="Voor iedereen te lezen.")
    site_settings = ReactionSettings.for_site(home.get_site())
    site_settings.visibility = ReactionSettings.Visibility.EVERYONE
    site_settings.save()
    html = client.get(les.url).content.decode()
    assert "Voor iedereen te lezen." in html
    assert "Petra de Vries" in html
    # Still no form nor CSRF token for anonymous visitors: the page stays cacheable.
    assert "csrfmiddlewaretoken" not in html


def test_anonymous_panel_has_no_personal_parts(client, les, professional):
    """What an anonymous visitor gets is the same for all: no form, token or follow."""
    Reaction.objects.create(page=les, author=professional, text="Tekst.")
    first = client.get(les.url).content
    second = client.get(les.url).content
    assert b"csrfmiddlewaretoken" not in first
    assert first == second


def test_hidden_reactions_are_not_shown(client, les, professional, moderator):
    reaction = Reaction.objects.create(page=les, author=professional, text="Verborgen tekst.")
    reaction.hide(moderator)
    client.force_login(professional)
    html = client.get(les.url).content.decode()
    assert "Verborgen tekst." not in html
    assert "Reacties (0)" in html


# Reports ---------------------------------------------------------------------------------


def report(client, reaction, reason):
    return client.post(
        reverse("reactions:report", args=[reaction.pk]), {f"melding-{reaction.pk}-reason": reason}
    )


def test_report_and_duplicate_report(client, les, professional, colleague):
    reaction = Reaction.objects.create(page=les, author=professional, text="Twijfelachtig.")
    client.force_login(colleague)
    response = report(client, reaction, "Dit noemt een jongere bij naam.")
    assert response.status_code == 302
    assert ReactionReport.objects.get().reporter == colleague
    assert "Je hebt deze reactie gemeld." in client.get(les.url).content.decode()

    response = report(client, reaction, "Nog een keer.")
    assert response.status_code == 400
    assert "Je hebt deze reactie al gemeld" in response.content.decode()
    assert ReactionReport.objects.count() == 1


def test_report_needs_a_reason_and_a_login(client, les, professional, unapproved):
    reaction = Reaction.objects.create(page=les, author=professional, text="Tekst.")
    response = report(client, reaction, "Iets")
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    client.force_login(unapproved)  # any logged-in user may report
    response = report(client, reaction, "   ")
    assert response.status_code == 400
    assert "Vul in waarom je deze reactie meldt" in response.content.decode()
    assert not ReactionReport.objects.exists()
    assert report(client, reaction, "Persoonlijke gegevens").status_code == 302
    assert ReactionReport.objects.count() == 1


def test_reports_are_rate_limited(client, les, professional, colleague, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "melding": "2/h"}
    reactions = [
        Reaction.objects.create(page=les, author=professional, text=f"Tekst {n}.") for n in range(3)
    ]
    client.force_login(colleague)
    assert report(client, reactions[0], "Een").status_code == 302
    assert report(client, reactions[1], "Twee").status_code == 302
    assert report(client, reactions[2], "Drie").status_code == 429
    assert ReactionReport.objects.count() == 2


# Follow and notifications ----------------------------------------------------------------


def test_follow_toggle(client, les, unapproved):
    client.force_login(unapproved)
    url = reverse("reactions:follow", args=[les.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert Follow.objects.filter(user=unapproved, page=les).exists()
    assert "Volgen stoppen" in client.get(les.url).content.decode()
    client.post(url)
    assert not Follow.objects.exists()


def test_follow_clicks_are_rate_limited(client, les, unapproved, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "volgen": "2/h"}
    client.force_login(unapproved)
    url = reverse("reactions:follow", args=[les.pk])
    assert [client.post(url).status_code for _ in range(3)] == [302, 302, 429]
    assert not Follow.objects.exists()  # followed, unfollowed, then refused


def test_followers_are_notified_but_not_the_author(
    client, les, professional, colleague, unapproved
):
    Follow.objects.create(user=colleague, page=les)
    Follow.objects.create(user=unapproved, page=les)
    Follow.objects.create(user=professional, page=les)
    mail.outbox.clear()
    client.force_login(professional)
    react(client, les, "Geheime inhoud die niet in de mail mag.")
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([colleague.email, unapproved.email])
    for message in mail.outbox:
        assert "Geheime inhoud" not in message.body
        assert les.url in message.body


# Query counts ----------------------------------------------------------------------------


def _add_reactions(page, author, count):
    Reaction.objects.bulk_create(
        Reaction(page=page, author=author, text=f"Reactie {n}") for n in range(count)
    )


def test_query_count_does_not_grow_with_reactions(
    client, les, professional, colleague, django_assert_max_num_queries
):
    client.force_login(colleague)
    _add_reactions(les, professional, 3)
    client.get(les.url)  # warm caches (site, settings)
    with django_assert_max_num_queries(60) as few:
        client.get(les.url)
    baseline = len(few.captured_queries)
    _add_reactions(les, colleague, 40)
    with django_assert_max_num_queries(baseline):
        response = client.get(les.url)
    assert "Reactie 39" in response.content.decode()


# Personal data ---------------------------------------------------------------------------


def test_account_data_and_deletion(client, les, professional, colleague):
    reaction = Reaction.objects.create(page=les, author=professional, text="Mijn reactie.")
    other = Reaction.objects.create(page=les, author=colleague, text="Andere reactie.")
    Follow.objects.create(user=professional, page=les)
    ReactionReport.objects.create(reaction=other, reporter=professional, reason="Reden.")
    client.force_login(professional)
    data = client.get(reverse("account_data")).json()
    assert data["reacties"][0]["tekst"] == "Mijn reactie."
    assert data["gevolgde_paginas"][0]["pagina"] == les.url
    assert data["meldingen"][0]["reden"] == "Reden."

    page = client.get(reverse("account_delete")).content.decode()
    assert "Je reactie blijft staan" in page
    response = client.post(
        reverse("account_delete"), {"password": "geheim-wachtwoord-123", "confirm": "on"}
    )
    assert response.status_code == 302
    reaction.refresh_from_db()
    assert reaction.author is None and reaction.text == "Mijn reactie."
    assert not Follow.objects.exists()
    assert not ReactionReport.objects.exists()


def test_leercirkel_and_richtlijn_take_reactions_too(client, home, professional):
    kennisbank = make_kennisbank(home)
    client.force_login(professional)
    for page in (
        add_leercirkel(kennisbank, "Derde leercirkel"),
        add_richtlijn(kennisbank, "Richtlijn samenwerken"),
    ):
        assert 'id="reacties"' in client.get(page.url).content.decode()
        assert react(client, page, "Goede bijeenkomst.").status_code == 302
    assert Reaction.objects.count() == 2


def test_redactie_may_change_the_setting_moderator_not(client, home, moderator):
    editor = UserFactory(username="redacteur")
    editor.groups.add(Group.objects.get(name="Redactie NJi"))
    assert editor.has_perm("reactions.change_reactionsettings")
    assert not moderator.has_perm("reactions.change_reactionsettings")
    assert moderator.has_perm("reactions.moderate_reaction")
