"""AVG: access log, inzage, erasure and containment of plan text."""

import json
import logging

import pytest
from django.apps import apps
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils.log import AdminEmailHandler
from modelsearch.index import class_is_indexed
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from leernetwerk.sitesearch.analysis import analyse
from plans.factories import domain_data, edit_data, formset_data
from plans.models import (
    AccessLogEntry,
    Action,
    Invitation,
    Membership,
    NetworkMember,
    Plan,
    PlanDomain,
    PlanRevision,
    ReviewEntry,
    Role,
)

SECRET = "Zeppelinkwartet"
PLAN_MODELS = [
    Plan,
    PlanDomain,
    Action,
    NetworkMember,
    ReviewEntry,
    PlanRevision,
    Membership,
    Invitation,
]


def _fill_plan(client, plan):
    """Create plan content with SECRET everywhere a user can type."""
    url = reverse("plans:edit", kwargs={"reference": plan.reference})
    data = edit_data(plan, dreams=f"Droom {SECRET}", risks=SECRET)
    assert client.post(url, data).status_code == 302
    url = reverse("plans:network", kwargs={"reference": plan.reference})
    rows = [{"name": f"{SECRET} Jansen", "relation": "oom"}]
    assert client.post(url, formset_data("network", rows, 2)).status_code == 302
    werk = plan.domains.first()
    url = reverse("plans:domain", kwargs={"reference": plan.reference, "domain_id": werk.pk})
    action = {"what": SECRET, "who": "jongere", "status": "open"}
    data = domain_data(werk, [action], version=3, **{"domain-goal": SECRET})
    assert client.post(url, data).status_code == 302
    url = reverse("plans:review", kwargs={"reference": plan.reference})
    data = {"version": 4, "review-date": "2026-10-01", "review-text": SECRET}
    assert client.post(url, data).status_code == 302


@pytest.mark.django_db
def test_access_log_records_who_what_when_ip(client, plan, owner, lezer):
    client.force_login(lezer)
    client.get(
        reverse("plans:detail", kwargs={"reference": plan.reference}), REMOTE_ADDR="10.1.2.3"
    )
    client.get(reverse("plans:export_pdf", kwargs={"reference": plan.reference}))
    entry = AccessLogEntry.objects.filter(user=lezer, action="read").get()
    assert entry.ip_address == "10.1.2.3" and entry.plan_ref == plan.reference
    assert AccessLogEntry.objects.filter(user=lezer, action="export", detail="PDF").exists()
    client.force_login(owner)
    html = client.get(reverse("plans:log", kwargs={"reference": plan.reference})).content.decode()
    assert "10.1.2.3" in html and "lezer" in html and "geëxporteerd" in html


@pytest.mark.django_db
def test_inzage_json_and_pdf(client, plan, owner, tagged_pdf):
    client.force_login(owner)
    _fill_plan(client, plan)
    response = client.get(reverse("plans:export_json", kwargs={"reference": plan.reference}))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["plan"]["first_name"] == "Sam"
    assert data["plan"]["dreams"] == f"Droom {SECRET}"
    assert data["plan"]["toestemming"]["versie_privacyverklaring"]
    assert data["plan"]["network"][0]["name"] == f"{SECRET} Jansen"
    assert data["deelnemers"][0]["rol"] == "eigenaar"
    assert {e["actie"] for e in data["toegangslog"]} >= {"write", "export"}
    assert len(data["versies"]) == 5  # start, edit, steuncirkel, levensgebied, evaluatie
    pdf = client.get(reverse("plans:export_pdf", kwargs={"reference": plan.reference}))
    assert pdf["Content-Type"] == "application/pdf"
    text = tagged_pdf(pdf.content)
    assert "Toekomstplan van Sam" in text and f"Droom {SECRET}" in text


@pytest.mark.django_db
def test_erasure_leaves_only_a_pseudonymous_trace(client, plan, owner, bewerker):
    client.force_login(owner)
    _fill_plan(client, plan)
    Invitation.issue(plan, "later@example.org", Role.LEZER, owner)
    url = reverse("plans:erase", kwargs={"reference": plan.reference})
    response = client.post(url, {})
    assert "Vink aan dat je het plan definitief wilt wissen." in response.content.decode()
    assert Plan.objects.exists()

    reference = plan.reference
    assert client.post(url, {"confirm": "on"}).status_code == 302
    for model in PLAN_MODELS:
        assert not model.objects.exists(), model.__name__
    # The log survives the content; the erasure is attributable (who, when, why, pseudonym).
    assert AccessLogEntry.objects.filter(plan_ref=reference).count() > 1
    trace = AccessLogEntry.objects.get(action="erase")
    assert trace.plan_ref == reference and trace.user == owner and trace.role == "eigenaar"
    assert trace.detail == "gewist door de eigenaar" and trace.created_at
    assert client.get(reverse("plans:detail", kwargs={"reference": reference})).status_code == 404


@pytest.mark.django_db
def test_plan_text_never_reaches_a_search_index(client, plan, owner, superuser):
    for model in PLAN_MODELS + [AccessLogEntry]:
        assert not class_is_indexed(model), model.__name__
    client.force_login(owner)
    _fill_plan(client, plan)
    terms = {SECRET.lower(), *analyse(SECRET)}
    for row in IndexEntry.objects.values():
        text = " ".join(str(value) for value in row.values()).lower()
        assert not any(term in text for term in terms)
    plan_types = {
        apps.get_model("contenttypes", "ContentType").objects.get_for_model(m).pk
        for m in PLAN_MODELS
    }
    assert not IndexEntry.objects.filter(content_type_id__in=plan_types).exists()
    assert list(get_search_backend().search(SECRET, Page)) == []
    assert client.get("/zoeken/", {"q": SECRET}).context["response"].total == 0
    # Plans are not snippets or admin models, so the Wagtail admin cannot list or search them.
    client.force_login(superuser)
    assert client.get("/cms/snippets/plans/plan/").status_code == 404


@pytest.mark.django_db
def test_plan_text_never_reaches_the_logs(client, plan, owner, caplog):
    caplog.set_level(logging.DEBUG)
    # WeasyPrint's logger is set to WARNING in settings; open it up so the PDF export's
    # records are captured (and checked) too.
    caplog.set_level(logging.DEBUG, logger="weasyprint")
    client.force_login(owner)
    _fill_plan(client, plan)
    for name in ("detail", "export_pdf", "export_json", "revisions", "api_detail"):
        client.get(reverse(f"plans:{name}", kwargs={"reference": plan.reference}))
    assert caplog.records  # the capture works; it just holds nothing of the plan
    for record in caplog.records:
        assert SECRET not in record.getMessage()
        assert SECRET not in (record.exc_text or "")


@pytest.mark.django_db
@override_settings(ADMINS=[("Beheer", "beheer@example.org")], DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_errors_in_plan_views_hide_plan_text(client, plan, owner, caplog, monkeypatch):
    """A crash while saving: the log and the error e-mail show code, never plan data."""

    def explode(*args, **kwargs):
        raise ValueError(f"kapot bij {SECRET}")

    monkeypatch.setattr("plans.views.plans.save_version", explode)
    handler = AdminEmailHandler(include_html=True)
    request_logger = logging.getLogger("django.request")
    request_logger.addHandler(handler)
    caplog.set_level(logging.DEBUG)
    client.raise_request_exception = False
    client.force_login(owner)
    try:
        url = reverse("plans:edit", kwargs={"reference": plan.reference})
        response = client.post(url, edit_data(plan, dreams=SECRET, first_name="Sam"))
    finally:
        request_logger.removeHandler(handler)
    assert response.status_code == 500
    assert mail.outbox, "the error e-mail was sent"
    for message in mail.outbox:
        assert SECRET not in message.subject + message.body
        for content, _mime in message.alternatives:
            assert SECRET not in content
    messages = [r.getMessage() + (r.exc_text or "") for r in caplog.records]
    assert any("ValueError" in m and "plan_edit" in m for m in messages)  # still debuggable
    assert not any(SECRET in m for m in messages)
    assert Plan.objects.get().dreams == ""


@pytest.mark.django_db
def test_exception_report_filter_hides_post_and_variables(rf):
    import sys

    from django.views.debug import ExceptionReporter

    from plans.containment import PlanExceptionReporterFilter

    request = rf.post("/toekomstplan/plan/x/bewerken/", {"dreams": SECRET})
    request.exception_reporter_filter = PlanExceptionReporterFilter()
    dreams = SECRET  # noqa: F841  (a local that a report would normally show)
    try:
        raise RuntimeError("fout")
    except RuntimeError:
        report = ExceptionReporter(request, *sys.exc_info()).get_traceback_text()
    assert "fout" in report and SECRET not in report


@pytest.mark.django_db
def test_logging_outside_plan_views_is_untouched(caplog):
    caplog.set_level(logging.INFO)
    logging.getLogger("elders").info("gewoon %s", "bericht")
    assert caplog.records[-1].getMessage() == "gewoon bericht"
