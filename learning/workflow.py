"""The "Redactie NJi" publishing workflow for guidelines, created after every migrate
(idempotent). ``Richtlijn.get_workflow`` returns it wherever the page sits."""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

WORKFLOW_NAME = "Redactie NJi: richtlijnen"
TASK_NAME = "Beoordeling door Redactie NJi"
GROUP_NAME = "Redactie NJi"


def ensure_workflow(**kwargs):
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def guideline_workflow():
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
