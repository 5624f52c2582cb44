import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page

from leernetwerk.core.factories import UserFactory
from leernetwerk.core.roles import MODERATOR, PROFESSIONAL, REDACTIE, sync_roles

pytestmark = pytest.mark.django_db


def test_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {REDACTIE, MODERATOR, PROFESSIONAL}


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
