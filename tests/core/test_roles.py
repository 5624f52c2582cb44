import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page

from leernetwerk.core.factories import UserFactory
from leernetwerk.core.roles import (
    BEHEER_ACCOUNTS,
    MODERATOR,
    PROFESSIONAL,
    REDACTIE,
    sync_roles,
)

pytestmark = pytest.mark.django_db


def test_groups_exist_after_migrate():
    names = set(Group.objects.values_list("name", flat=True))
    assert names >= {REDACTIE, MODERATOR, PROFESSIONAL, BEHEER_ACCOUNTS}


def test_wagtails_default_groups_are_replaced_by_ours():
    from wagtail.models import GroupApprovalTask

    names = set(Group.objects.values_list("name", flat=True))
    assert not names & {"Editors", "Moderators"}
    # Wagtail's default approval task now asks Redactie NJi.
    task = GroupApprovalTask.objects.get(name="Goedkeuring Redactie NJi")
    assert [g.name for g in task.groups.all()] == [REDACTIE]


def test_a_default_group_with_members_is_kept():
    editors = Group.objects.create(name="Editors")
    UserFactory().groups.add(editors)
    sync_roles()
    assert Group.objects.filter(name="Editors").exists()
    Group.objects.create(name="Moderators")
    sync_roles()
    assert not Group.objects.filter(name="Moderators").exists()


def test_sync_roles_is_idempotent():
    before = GroupPagePermission.objects.count()
    sync_roles()
    sync_roles()
    assert GroupPagePermission.objects.count() == before


def _member(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_redactie_can_edit_and_publish_pages(home):
    user = _member(REDACTIE)
    perms = home.permissions_for_user(user)
    assert user.has_perm("wagtailadmin.access_admin")
    assert perms.can_edit() and perms.can_publish() and perms.can_add_subpage()
    assert user.has_perm("taxonomy.change_regio")


def test_moderator_can_publish_but_not_add(home):
    user = _member(MODERATOR)
    perms = home.permissions_for_user(user)
    assert perms.can_publish() and not perms.can_add_subpage()


def test_professional_has_no_admin_access(client, home):
    user = _member(PROFESSIONAL)
    assert not user.has_perm("wagtailadmin.access_admin")
    assert not Page.objects.get(pk=home.pk).permissions_for_user(user).can_edit()
    client.force_login(user)
    response = client.get("/cms/")
    assert response.status_code == 302  # sent back to the login, not into the admin


def test_anonymous_is_redirected_from_admin(client, home):
    assert client.get("/cms/").status_code == 302


# --- Accounts (issue 15): "Beheer accounts" manages front-end users, nothing else. ---


def _front_end_user():
    return UserFactory(username="jongere-of-professional", first_name="Noor")


@pytest.mark.parametrize(
    "role, can_manage", [(BEHEER_ACCOUNTS, True), (REDACTIE, True), (MODERATOR, False)]
)
def test_who_manages_front_end_accounts(client, home, role, can_manage):
    manager, target = _member(role), _front_end_user()
    client.force_login(manager)
    expected = 200 if can_manage else 302  # no permission: Wagtail sends you back
    assert client.get("/cms/frontendaccount/").status_code == expected
    edit = client.get(f"/cms/frontendaccount/edit/{target.pk}/")
    assert edit.status_code == expected


def test_account_manager_approves_a_professional(client, home):
    from leernetwerk.users.models import User

    manager, target = _member(BEHEER_ACCOUNTS), _front_end_user()
    client.force_login(manager)
    data = {"first_name": "Noor", "last_name": "", "organisation": "Wijkteam", "function": ""}
    response = client.post(
        f"/cms/frontendaccount/edit/{target.pk}/", {**data, "approved": "on", "is_active": "on"}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.professional == User.Professional.GOEDGEKEURD and target.approved_by == manager
    assert target.groups.filter(name=PROFESSIONAL).exists()


def test_account_manager_cannot_reach_cms_users_or_pages(client, home, superuser):
    manager = _member(BEHEER_ACCOUNTS)
    editor = _member(REDACTIE)
    client.force_login(manager)
    for user in (superuser, editor, manager):
        assert client.get(f"/cms/frontendaccount/edit/{user.pk}/").status_code == 404
    assert not Page.objects.get(pk=home.pk).permissions_for_user(manager).can_edit()
    assert not manager.has_perm("auth.change_user") and not manager.has_perm("auth.change_group")
    assert client.get("/cms/users/").status_code == 302  # Wagtail's user admin: not for them
