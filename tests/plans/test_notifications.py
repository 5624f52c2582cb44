"""Plan members are told that something happened, never what: no plan content in mail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from leernetwerk.core.factories import UserFactory
from leernetwerk.notifications.models import Notification, Preference
from plans.models import Action, Membership, Role
from plans.notifications import ACTION_DUE, CHANGED, INVITATION_ACCEPTED, actions_due, plan_changed
from plans.writes import save_version

SECRET = "Zeppelinkwartet"


@pytest.fixture
def shared_plan(plan, owner):
    editor = UserFactory(email="coach@example.org")
    Membership.objects.create(plan=plan, user=editor, role=Role.BEWERKER)
    return plan, owner, editor


def _no_plan_content(message, plan):
    text = message.subject + message.body
    assert plan.first_name not in text
    assert SECRET not in text


def test_a_change_goes_to_the_other_members_in_their_digest(shared_plan):
    plan, owner, editor = shared_plan
    plan_changed(plan, by=editor)
    assert mail.outbox == []  # digest by default
    note = Notification.objects.get()
    assert note.user == owner and note.kind == CHANGED and note.channel == "digest"
    assert str(plan.reference) in note.url


def test_a_member_who_wants_it_direct_gets_a_mail_without_content(shared_plan):
    plan, owner, editor = shared_plan
    Preference.objects.create(user=owner, kind=CHANGED, choice="direct")
    plan_changed(plan, by=editor)
    [message] = mail.outbox
    assert message.to == [owner.email]
    _no_plan_content(message, plan)


def test_actions_due_within_two_days_are_reminded_once(shared_plan):
    plan, owner, editor = shared_plan
    domain = plan.domains.first()
    today = timezone.localdate()
    Action.objects.create(
        plan=plan,
        domain=domain,
        what=f"Afspraak {SECRET}",
        who="jongere",
        due_date=today + timedelta(days=1),
    )
    Action.objects.create(
        plan=plan, domain=domain, what="Later", who="jongere", due_date=today + timedelta(days=9)
    )
    Action.objects.create(
        plan=plan,
        domain=domain,
        what="Al klaar",
        who="jongere",
        status="klaar",
        due_date=today,
    )
    assert actions_due() == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([owner.email, editor.email])
    for message in mail.outbox:
        _no_plan_content(message, plan)
    actions_due()
    assert len(mail.outbox) == 2
    assert Notification.objects.filter(kind=ACTION_DUE).count() == 2


def test_saving_a_plan_notifies_the_others(shared_plan):
    plan, owner, editor = shared_plan
    save_version(plan, plan.version, editor, lambda: None)
    assert list(Notification.objects.values_list("user", flat=True)) == [owner.pk]


def test_an_accepted_invitation_is_told_to_the_inviter(client, plan, owner):
    from plans.models import Invitation

    invitation, token = Invitation.issue(plan, "nieuw@example.org", Role.LEZER, owner)
    newcomer = UserFactory(email="nieuw@example.org")
    client.force_login(newcomer)
    response = client.post(f"/toekomstplan/uitnodiging/{token}/")
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [owner.email]
    assert "aangenomen" in message.subject
    _no_plan_content(message, plan)
    assert Notification.objects.get().kind == INVITATION_ACCEPTED
