"""Who may do what with pilots.

Regional editors get page permissions on each pilot of their region (so the Wagtail admin
shows them only those pilots). They may publish progress updates below it directly, but a
change to the pilot page itself needs publish rights on the whole section, which only
"Redactie NJi" has; everyone else submits the change to the pilot workflow.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    PagePermissionTester,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from leernetwerk.core.roles import REDACTIE

from .models import PilotPage

REGION_PAGE_ACTIONS = ["add", "change", "publish"]
WORKFLOW_NAME = "Pilotwijziging"
TASK_NAME = "Akkoord Redactie NJi"


class PilotPermissionTester(PagePermissionTester):
    """Publishing or unpublishing the pilot itself needs publish rights on its parent."""

    def _may_publish_section(self):
        if self.user.is_superuser:
            return True
        parent = self.page.get_parent()
        if parent is None:
            return False
        return "publish" in PagePermissionTester(self.user, parent).permissions

    def can_publish(self):
        return super().can_publish() and self._may_publish_section()

    def can_unpublish(self):
        return super().can_unpublish() and self._may_publish_section()


EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def grant_editor_base_permissions(group):
    """Admin access, and images/documents to use in their progress updates."""
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    root = Collection.get_first_root_node()
    if root is None:
        return
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def _page_permissions():
    return {
        action: Permission.objects.get(
            content_type__app_label="wagtailcore", codename=f"{action}_page"
        )
        for action in REGION_PAGE_ACTIONS
    }


@transaction.atomic
def sync_region_page_permissions(regions=None, pilots=None):
    """Make the regional editor groups' page permissions match the pilots' live regions.

    Limit the work to ``pilots`` or to the pilots of ``regions``; with neither, all pilots.
    """
    queryset = PilotPage.objects.prefetch_related("regions__redactie__group")
    if pilots is not None:
        queryset = queryset.filter(pk__in=[p.pk for p in pilots])
    if regions is not None:
        queryset = queryset.filter(regions__in=regions).distinct()
    regional_groups = Group.objects.filter(regio_redactie__isnull=False)
    perms = _page_permissions()
    for pilot in queryset:
        redacties = [getattr(regio, "redactie", None) for regio in pilot.regions.all()]
        wanted = {redactie.group_id for redactie in redacties if redactie is not None}
        GroupPagePermission.objects.filter(page=pilot, group__in=regional_groups).exclude(
            group_id__in=wanted
        ).delete()
        for group_id in wanted:
            for permission in perms.values():
                GroupPagePermission.objects.get_or_create(
                    group_id=group_id, page=pilot, permission=permission
                )


@transaction.atomic
def ensure_pilot_workflow(index_page):
    """The "Pilotwijziging" workflow (one approval step by Redactie NJi) on the section."""
    redactie, _created = Group.objects.get_or_create(name=REDACTIE)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(redactie)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    return workflow
