"""Editing a plan per levensgebied: the domain's fields and its actions on one page,
without formset artefacts, with "Actie toevoegen" that works without JavaScript."""

import pytest
from django.urls import reverse

from plans.factories import domain_data
from plans.forms import MAX_ROWS, TEXT_LIMIT
from plans.models import Action

pytestmark = pytest.mark.django_db


def _url(domain):
    return reverse(
        "plans:domain", kwargs={"reference": domain.plan.reference, "domain_id": domain.pk}
    )


@pytest.fixture
def werk(plan):
    return plan.domains.select_related("levensgebied").first()


def test_page_has_no_formset_artefacts(client, owner, werk):
    client.force_login(owner)
    html = client.get(_url(werk)).content.decode()
    assert "---------" not in html
    assert 'class="plan-row"' not in html.split("<template")[0]  # no spare row
    assert "Deze actie verwijderen" not in html  # nothing stored, nothing to delete
    assert "Kies …" in html  # the empty choice in the row template
    assert 'name="actie_toevoegen"' in html and "Actie toevoegen" in html


def test_add_action_without_javascript_saves_nothing(client, owner, werk):
    client.force_login(owner)
    data = domain_data(werk, **{"domain-goal": "Een baan in de zorg"})
    response = client.post(_url(werk), {**data, "actie_toevoegen": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_actions-0-what"' in html and "autofocus" in html
    assert "Een baan in de zorg" in html  # typed text is kept
    assert "Niet opgeslagen" not in html and "Beschrijf wat er gebeurt." not in html
    assert "Deze actie verwijderen" not in html.split("<template")[0]
    werk.refresh_from_db()
    werk.plan.refresh_from_db()
    assert werk.goal == "" and werk.plan.version == 1 and not Action.objects.exists()
    # The returned form saves as it is: the empty row stays empty and is skipped.
    form = {k: v for k, v in response.context["forms"][1].data.items() if k != "actie_toevoegen"}
    assert client.post(_url(werk), form).status_code == 302
    werk.refresh_from_db()
    assert werk.goal == "Een baan in de zorg" and not Action.objects.exists()


def test_edit_and_remove_actions_in_one_save(client, owner, werk):
    client.force_login(owner)
    rows = [
        {"what": "Cv maken", "who": "jongere", "status": "open"},
        {"what": "Vacatures zoeken", "who": "jongere", "status": "open"},
    ]
    assert client.post(_url(werk), domain_data(werk, rows)).status_code == 302
    werk.plan.refresh_from_db()
    html = client.get(_url(werk)).content.decode()
    assert html.count("Deze actie verwijderen") == 2  # stored rows only
    data = domain_data(werk)
    first, second = Action.objects.order_by("pk")
    index = {int(data[f"actions-{i}-id"]): i for i in range(2)}
    data[f"actions-{index[first.pk]}-DELETE"] = "on"
    data[f"actions-{index[second.pk]}-status"] = "klaar"
    assert client.post(_url(werk), data).status_code == 302
    assert list(Action.objects.values_list("what", "status")) == [("Vacatures zoeken", "klaar")]


def test_too_long_text_and_too_many_actions_save_nothing(client, owner, werk, plan):
    client.force_login(owner)
    data = domain_data(werk, **{"domain-situation": "x" * (TEXT_LIMIT + 1)})
    response = client.post(_url(werk), data)
    assert response.status_code == 200
    assert f"Gebruik hier hoogstens {TEXT_LIMIT} tekens." in response.content.decode()
    wonen = plan.domains.exclude(pk=werk.pk).first()
    Action.objects.bulk_create(
        Action(plan=plan, domain=wonen, what=f"Actie {n}", who="jongere") for n in range(MAX_ROWS)
    )
    row = {"what": "Eén te veel", "who": "jongere", "status": "open"}
    response = client.post(_url(werk), domain_data(werk, [row], **{"domain-goal": "Werk"}))
    assert response.status_code == 200
    assert f"Een plan heeft hoogstens {MAX_ROWS} acties." in response.content.decode()
    werk.refresh_from_db()
    plan.refresh_from_db()
    assert werk.goal == "" and plan.version == 1 and Action.objects.count() == MAX_ROWS


def test_network_member_of_another_plan_is_refused_in_dutch(client, owner, werk, template):
    from plans.factories import make_plan
    from plans.models import NetworkMember

    other = make_plan(template, owner=owner, first_name="Ander")
    stranger = NetworkMember.objects.create(plan=other, name="Oom Kees", relation="oom")
    client.force_login(owner)
    row = {"what": "Meegaan", "who": "netwerk", "network_member": stranger.pk, "status": "open"}
    response = client.post(_url(werk), domain_data(werk, [row]))
    assert response.status_code == 200
    assert "Kies iemand uit de steuncirkel van dit plan." in response.content.decode()
    assert not Action.objects.exists()


def test_checkbox_help_text_follows_its_own_field(client, owner, template):
    """The help of "jonger dan 16" used to sit right under the date of birth."""
    client.force_login(owner)
    html = client.get(reverse("plans:start", args=[template.pk])).content.decode()
    box = html.index('id="id_under_16"')
    help_text = html.index("Alleen nodig als je geen geboortedatum invult.")
    date_field = html.index('id="id_date_of_birth"')
    assert date_field < box < help_text
