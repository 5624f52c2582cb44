"""The review workflows of the kennisbank, created after every migrate (idempotent).

* "Redactie NJi: richtlijnen": ``Richtlijn.get_workflow`` returns it wherever the page sits.
* "Redactie: ingezonden lessen": a lesson shared by a professional through "Les delen"
  (``Les.contributed_at`` set) is reviewed by the Moderator group; ``Les.get_workflow``
  returns it for those lessons only, so lessons written in the CMS keep the tree's workflow.
"""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

WORKFLOW_NAME = "Redactie NJi: richtlijnen"
TASK_NAME = "Beoordeling door Redactie NJi"
GROUP_NAME = "Redactie NJi"

CONTRIBUTION_WORKFLOW_NAME = "Redactie: ingezonden lessen"
CONTRIBUTION_TASK_NAME = "Beoordeling ingezonden les door Moderator"
CONTRIBUTION_GROUP_NAME = "Moderator"


def _ensure(workflow_name, task_name, group_name):
    group, _ = Group.objects.get_or_create(name=group_name)
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=workflow_name, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def ensure_workflow(**kwargs):
    _ensure(CONTRIBUTION_WORKFLOW_NAME, CONTRIBUTION_TASK_NAME, CONTRIBUTION_GROUP_NAME)
    return _ensure(WORKFLOW_NAME, TASK_NAME, GROUP_NAME)


def guideline_workflow():
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()


def contribution_workflow():
    return Workflow.objects.filter(name=CONTRIBUTION_WORKFLOW_NAME, active=True).first()
