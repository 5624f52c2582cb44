"""Invitations (personal, single use, expiring), roles and revoking access."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from leernetwerk.core.factories import UserFactory
from plans.models import AccessLogEntry, Invitation, Membership, Role


def _invite(client, plan, email="collega@example.org", role="bewerker"):
    url = reverse("plans:sharing", kwargs={"reference": plan.reference})
    return client.post(url, {"email": email, "role": role})


def _token_from_mail():
    return re.search(r"/toekomstplan/uitnodiging/([^/\s]+)/", mail.outbox[-1].body).group(1)


@pytest.mark.django_db
def test_invite_and_accept(client, plan, owner):
    client.force_login(owner)
    assert _invite(client, plan, "Collega@Example.org").status_code == 302
    invitation = Invitation.objects.get()
    token = _token_from_mail()
    assert invitation.email == "collega@example.org"
    assert invitation.token_hash != token and token not in invitation.token_hash
    assert mail.outbox[0].to == ["collega@example.org"]
    assert "Sam" not in mail.outbox[0].body  # no plan content in e-mail
    assert AccessLogEntry.objects.filter(action="share", user=owner).exists()

    colleague = UserFactory(username="collega", email="collega@example.org")
    client.force_login(colleague)
    url = reverse("plans:accept", kwargs={"token": token})
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert plan.role_for(colleague) == Role.BEWERKER
    assert AccessLogEntry.objects.filter(action="join", user=colleague).exists()
    detail = reverse("plans:detail", kwargs={"reference": plan.reference})
    assert client.get(detail).status_code == 200

    # Single use: the same link never works again, not even for the same person.
    assert client.post(url).status_code == 410
    assert client.get(url).status_code == 410
    assert Membership.objects.filter(user=colleague).count() == 1


@pytest.mark.django_db
def test_expired_invitation(client, plan, owner):
    invitation, token = Invitation.issue(plan, "laat@example.org", Role.LEZER, owner)
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    late = UserFactory(username="laat", email="laat@example.org")
    client.force_login(late)
    response = client.post(reverse("plans:accept", kwargs={"token": token}))
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()
    assert plan.role_for(late) is None
    detail = reverse("plans:detail", kwargs={"reference": plan.reference})
    assert client.get(detail).status_code == 404


@pytest.mark.django_db
def test_invitation_is_personal(client, plan, owner):
    _, token = Invitation.issue(plan, "bedoeld@example.org", Role.BEWERKER, owner)
    stranger = UserFactory(username="vreemde", email="vreemde@example.org")
    client.force_login(stranger)
    response = client.post(reverse("plans:accept", kwargs={"token": token}))
    assert response.status_code == 403
    assert "ander e-mailadres" in response.content.decode()
    assert plan.role_for(stranger) is None
    assert Invitation.objects.get().used_at is None


@pytest.mark.django_db
def test_unknown_token_and_anonymous(client, plan, owner):
    _, token = Invitation.issue(plan, "x@example.org", Role.BEWERKER, owner)
    url = reverse("plans:accept", kwargs={"token": token})
    page = client.get(url)  # no account yet: log in or create one
    assert page.status_code == 200 and "Account maken" in page.content.decode()
    client.force_login(owner)
    assert client.get(reverse("plans:accept", kwargs={"token": "verzonnen"})).status_code == 404


@pytest.mark.django_db
def test_revoked_invitation(client, plan, owner):
    invitation, token = Invitation.issue(plan, "weg@example.org", Role.BEWERKER, owner)
    client.force_login(owner)
    url = reverse(
        "plans:revoke_invitation",
        kwargs={"reference": plan.reference, "invitation_id": invitation.pk},
    )
    assert client.post(url).status_code == 302
    user = UserFactory(username="weg", email="weg@example.org")
    client.force_login(user)
    assert client.post(reverse("plans:accept", kwargs={"token": token})).status_code == 410


@pytest.mark.django_db
def test_young_person_takes_over_ownership(client, plan, owner):
    _, token = Invitation.issue(plan, "sam@example.org", Role.EIGENAAR, owner)
    sam = UserFactory(username="sam", email="sam@example.org")
    client.force_login(sam)
    client.post(reverse("plans:accept", kwargs={"token": token}))
    assert plan.role_for(sam) == Role.EIGENAAR
    assert plan.role_for(owner) == Role.BEWERKER
    client.force_login(owner)
    log = reverse("plans:log", kwargs={"reference": plan.reference})
    assert client.get(log).status_code == 403


@pytest.mark.django_db
def test_owner_revokes_access(client, plan, owner, bewerker):
    membership = Membership.objects.get(user=bewerker)
    client.force_login(owner)
    url = reverse(
        "plans:revoke", kwargs={"reference": plan.reference, "membership_id": membership.pk}
    )
    assert client.post(url).status_code == 302
    membership.refresh_from_db()
    assert membership.revoked_at is not None
    assert AccessLogEntry.objects.filter(action="revoke", user=owner).exists()
    client.force_login(bewerker)
    for name in ("detail", "edit", "export_pdf"):
        response = client.get(reverse(f"plans:{name}", kwargs={"reference": plan.reference}))
        assert response.status_code == 404


@pytest.mark.django_db
def test_owner_cannot_revoke_self_and_others_cannot_revoke(client, plan, owner, bewerker):
    own = Membership.objects.get(user=owner)
    url = reverse("plans:revoke", kwargs={"reference": plan.reference, "membership_id": own.pk})
    client.force_login(bewerker)
    assert client.post(url).status_code == 403
    client.force_login(owner)
    response = client.post(url, follow=True)
    assert "Je kunt je eigen toegang niet intrekken." in response.content.decode()
    own.refresh_from_db()
    assert own.revoked_at is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("email", "role", "message"),
    [
        ("", "bewerker", "Vul het e-mailadres in"),
        ("geen-adres", "bewerker", "Vul een geldig e-mailadres in."),
        ("bewerker@example.org", "lezer", "heeft al toegang"),
        ("nieuw@example.org", "baas", "Kies een van de rollen."),
    ],
)
def test_invite_bad_input(client, plan, owner, bewerker, email, role, message):
    client.force_login(owner)
    response = _invite(client, plan, email, role)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Invitation.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_bewerker_cannot_invite(client, plan, bewerker):
    client.force_login(bewerker)
    assert _invite(client, plan).status_code == 403
    assert not Invitation.objects.exists()
