"""URLs of the plans app that are not Wagtail pages (full paths, included at the root)."""

from django.urls import path

from .views import api, plans, privacy, sharing

app_name = "plans"

PLAN = "toekomstplan/plan/<uuid:reference>/"

urlpatterns = [
    path("toekomstplan/mijn-plannen/", plans.plan_list, name="list"),
    path("toekomstplan/nieuw/<int:template_id>/", plans.plan_start, name="start"),
    path("toekomstplan/uitnodiging/<str:token>/", sharing.accept_invitation, name="accept"),
    path("toekomstplan/api/plannen/", api.api_plans, name="api_list"),
    path("toekomstplan/api/plannen/<uuid:reference>/", api.api_plan_detail, name="api_detail"),
    path(PLAN, plans.plan_detail, name="detail"),
    path(PLAN + "bewerken/", plans.plan_edit, name="edit"),
    path(PLAN + "steuncirkel/", plans.plan_network, name="network"),
    path(PLAN + "acties/", plans.plan_actions, name="actions"),
    path(PLAN + "levensgebied/<int:domain_id>/", plans.plan_domain, name="domain"),
    path(PLAN + "evaluatie/", plans.plan_review, name="review"),
    path(PLAN + "versies/", plans.plan_revisions, name="revisions"),
    path(PLAN + "versies/<int:number>/", plans.plan_revision_diff, name="diff"),
    path(PLAN + "afsluiten/", plans.plan_close, name="close"),
    path(PLAN + "delen/", sharing.plan_sharing, name="sharing"),
    path(
        PLAN + "deelnemers/<int:membership_id>/intrekken/",
        sharing.revoke_membership,
        name="revoke",
    ),
    path(
        PLAN + "uitnodigingen/<int:invitation_id>/intrekken/",
        sharing.revoke_invitation,
        name="revoke_invitation",
    ),
    path(PLAN + "logboek/", privacy.access_log, name="log"),
    path(PLAN + "inzage.json", privacy.export_json, name="export_json"),
    path(PLAN + "plan.pdf", privacy.export_pdf, name="export_pdf"),
    path(PLAN + "wissen/", privacy.erase, name="erase"),
]
