"""Starting a plan from a template, editing it, and the revisions with a readable diff."""

from datetime import date

import pytest
from django.urls import reverse

from leernetwerk.core.privacy import current_privacy_version
from plans.factories import domain_data, edit_data, formset_data
from plans.models import Action, NetworkMember, Plan, PlanRevision, ReviewEntry


def _start(client, template, **data):
    payload = {"first_name": "Sam", "consent": "on"}
    payload.update(data)
    return client.post(reverse("plans:start", args=[template.pk]), payload)


@pytest.mark.django_db
def test_start_plan_from_template(client, template, owner):
    client.force_login(owner)
    assert client.get(reverse("plans:start", args=[template.pk])).status_code == 200
    response = _start(client, template, date_of_birth="2007-03-01")
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:edit", kwargs={"reference": plan.reference})
    assert plan.role_for(owner) == "eigenaar"
    assert [d.levensgebied.slug for d in plan.domains.all()][:2] == ["werk", "scholing"]
    assert plan.domains.count() == 8
    assert plan.checklist[0] == {"item": "DigiD aangevraagd", "done": False}
    assert plan.answers[0]["question"] == "Waar word je blij van?"
    assert plan.privacy_statement_version == current_privacy_version()
    assert plan.consent_at is not None and not plan.under_16
    assert plan.revisions.count() == 1
    assert plan.access_log.filter(action="create").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"first_name": ""}, "first_name", "Vul de voornaam of roepnaam in."),
        ({"first_name": "123456782"}, "first_name", "zonder cijfers"),
        ({"consent": ""}, "consent", "Zonder toestemming van de jongere"),
        ({"date_of_birth": "31-31-2000"}, "date_of_birth", "Vul een geldige datum in"),
        ({"date_of_birth": "2999-01-01"}, "date_of_birth", "in de toekomst"),
        ({"under_16": "on"}, "parental_consent", "toestemming van een ouder of voogd"),
    ],
)
def test_start_plan_bad_input(client, template, owner, data, field, message):
    client.force_login(owner)
    response = _start(client, template, **data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_under_16_needs_and_records_parental_consent(client, template, owner):
    client.force_login(owner)
    born = date(date.today().year - 15, 1, 1).isoformat()
    response = _start(client, template, date_of_birth=born, parental_consent="on")
    assert "Vul de naam van de ouder of voogd in." in response.content.decode()
    assert not Plan.objects.exists()
    _start(
        client,
        template,
        date_of_birth=born,
        parental_consent="on",
        parental_consent_name="Mama Jansen",
    )
    plan = Plan.objects.get()
    assert plan.under_16 and plan.parental_consent_name == "Mama Jansen"
    assert plan.parental_consent_at is not None


@pytest.mark.django_db
def test_start_from_unpublished_template_is_404(client, template, owner):
    template.unpublish()
    client.force_login(owner)
    assert client.get(reverse("plans:start", args=[template.pk])).status_code == 404


@pytest.mark.django_db
def test_edit_plan_creates_revision_with_readable_diff(client, plan, bewerker):
    client.force_login(bewerker)
    url = reverse("plans:edit", kwargs={"reference": plan.reference})
    werk = plan.domains.first()
    domain_url = _domain_url(werk)
    assert domain_url in client.get(url).content.decode()  # the edit page links each domain
    page = client.get(domain_url).content.decode()
    assert "Heb je nu werk of een stage?" in page  # the template's prompt
    data = edit_data(plan, dreams="Ik wil kok worden.", check_0="on")
    assert client.post(url, data).status_code == 302
    werk.plan.refresh_from_db()
    data = domain_data(
        werk, **{"domain-goal": "Een stageplek in een restaurant", "domain-support": "ja"}
    )
    assert client.post(domain_url, data).status_code == 302
    plan.refresh_from_db()
    assert plan.version == 3 and plan.dreams == "Ik wil kok worden."
    werk = plan.domains.first()
    assert werk.goal == "Een stageplek in een restaurant" and werk.support_needed is True
    assert plan.checklist[0]["done"] is True
    assert PlanRevision.objects.filter(plan=plan).count() == 3
    diff = client.get(reverse("plans:diff", kwargs={"reference": plan.reference, "number": 2}))
    html = diff.content.decode()
    assert "Mijn dromen" in html and "Ik wil kok worden." in html
    assert "18-checklist: DigiD aangevraagd" in html
    diff = client.get(reverse("plans:diff", kwargs={"reference": plan.reference, "number": 3}))
    html = diff.content.decode()
    assert "Werk: doel" in html
    assert "Werk: hoe het nu gaat" not in html  # unchanged fields are left out


@pytest.mark.django_db
def test_edit_bad_input_keeps_everything_unsaved(client, plan, owner):
    client.force_login(owner)
    url = reverse("plans:edit", kwargs={"reference": plan.reference})
    data = edit_data(plan, first_name="", dreams="Nieuw", date_of_birth="gisteren")
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul de voornaam of roepnaam in." in html
    assert "Vul een geldige datum in" in html
    plan.refresh_from_db()
    assert plan.version == 1 and plan.dreams == ""


@pytest.mark.django_db
def test_tampered_version_is_rejected(client, plan, owner):
    client.force_login(owner)
    url = reverse("plans:edit", kwargs={"reference": plan.reference})
    response = client.post(url, edit_data(plan, version="abc", dreams="x"))
    assert response.status_code == 200
    assert "Laad de pagina opnieuw" in response.content.decode()
    plan.refresh_from_db()
    assert plan.dreams == ""


@pytest.mark.django_db
def test_network_and_actions(client, plan, owner):
    client.force_login(owner)
    network_url = reverse("plans:network", kwargs={"reference": plan.reference})
    rows = [{"name": "Tante Ria", "relation": "tante", "contact": "06-12345678"}]
    assert client.post(network_url, formset_data("network", rows, 1)).status_code == 302
    ria = NetworkMember.objects.get()
    werk = plan.domains.first()
    rows = [
        {
            "what": "Cv maken",
            "who": "netwerk",
            "network_member": ria.pk,
            "due_date": "2027-02-01",
            "status": "open",
        },
        {
            "what": "Gesprek UWV",
            "who": "professional",
            "professional_name": "Piet",
            "organisation": "Gemeente",
            "status": "bezig",
        },
        {"what": "Zelf bellen", "who": "jongere", "status": "klaar"},
    ]
    plan.refresh_from_db()
    assert client.post(_domain_url(werk), domain_data(werk, rows)).status_code == 302
    assert Action.objects.filter(domain=werk).count() == 3
    html = client.get(reverse("plans:detail", kwargs={"reference": plan.reference})).content
    html = html.decode()
    assert "Tante Ria (tante)" in html and "Piet (Gemeente)" in html and "Bezig" in html
    plan.refresh_from_db()
    assert plan.version == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"who": "netwerk"}, "Kies wie uit de steuncirkel dit doet."),
        ({"who": "professional"}, "Vul de naam van de professional in."),
        ({"who": "professional", "professional_name": "Piet"}, "Vul de organisatie"),
        ({"who": ""}, "Kies wie de actie uitvoert."),
        ({"what": ""}, "Beschrijf wat er gebeurt."),
        ({"due_date": "binnenkort"}, "Vul een geldige datum in"),
        ({"status": "misschien"}, "Kies een status: open, bezig of klaar."),
    ],
)
def test_action_bad_input(client, plan, owner, template, row, message):
    from plans.factories import make_plan

    other_plan = make_plan(template, owner=owner, first_name="Ander")
    client.force_login(owner)
    base = {"what": "Cv maken", "who": "jongere", "status": "open"}
    base.update(row)
    werk = plan.domains.first()
    data = domain_data(werk, [base], **{"domain-goal": "Half opgeslagen?"})
    response = client.post(_domain_url(werk), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    # A levensgebied of another plan does not exist here.
    other = other_plan.domains.first()
    foreign = reverse("plans:domain", kwargs={"reference": plan.reference, "domain_id": other.pk})
    assert client.post(foreign, domain_data(other, [base])).status_code == 404
    assert not Action.objects.exists()
    plan.refresh_from_db()
    werk.refresh_from_db()
    assert plan.version == 1 and werk.goal == ""  # nothing half-saved


@pytest.mark.django_db
def test_network_bad_input(client, plan, owner):
    client.force_login(owner)
    url = reverse("plans:network", kwargs={"reference": plan.reference})
    response = client.post(url, formset_data("network", [{"name": "Ria", "relation": ""}], 1))
    assert "Vul de relatie in" in response.content.decode()
    assert not NetworkMember.objects.exists()


@pytest.mark.django_db
def test_review_log(client, plan, bewerker):
    client.force_login(bewerker)
    url = reverse("plans:review", kwargs={"reference": plan.reference})
    response = client.post(url, {"version": 1, "review-date": "", "review-text": ""})
    assert "Beschrijf wat er is besproken." in response.content.decode()
    data = {"version": 1, "review-date": "2026-11-01", "review-text": "Stage loopt goed."}
    assert client.post(url, data).status_code == 302
    entry = ReviewEntry.objects.get()
    assert entry.author == bewerker and entry.plan == plan


@pytest.mark.django_db
def test_close_and_reopen(client, plan, owner):
    client.force_login(owner)
    url = reverse("plans:close", kwargs={"reference": plan.reference})
    client.post(url)
    plan.refresh_from_db()
    assert plan.is_closed and plan.closed_at is not None and plan.version == 2
    # A closed plan cannot be edited until it is reopened.
    assert (
        client.get(reverse("plans:edit", kwargs={"reference": plan.reference})).status_code == 404
    )
    assert client.get(_domain_url(plan.domains.first())).status_code == 404
    client.post(url)
    plan.refresh_from_db()
    assert not plan.is_closed and plan.closed_at is None


def _domain_url(domain):
    return reverse(
        "plans:domain", kwargs={"reference": domain.plan.reference, "domain_id": domain.pk}
    )
