"""The pilot application takes any Dutch region: by name or code, a merged
municipality's old code, a Dutch error for an unknown one; the form's queries do not
grow with the number of regions."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leernetwerk.taxonomy.models import Regio
from pilots.factories import application_data, make_index, make_oproep
from pilots.models import Aanmelding

pytestmark = pytest.mark.django_db

ORGS = [("Jongerenwerk", "welzijn"), ("Mbo-college", "onderwijs")]


@pytest.fixture
def oproep(home):
    cache.clear()  # the application's rate limit
    today = datetime.date.today()
    return make_oproep(
        make_index(home), today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)
    )


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Zwolle", "GM0193"), ("GM1992", "GM1992"), ("GM0501", "GM1992")],  # Brielle: merged
)
def test_a_municipality_outside_the_demo_applies(client, oproep, all_regions, typed, code):
    response = client.post(oproep.url, application_data(typed, ORGS))
    assert response.status_code == 302, response.content.decode()[:500]
    assert Aanmelding.objects.get().regio.cbs_code == code


def test_unknown_region_in_the_application_is_a_dutch_error(client, oproep, all_regions):
    response = client.post(oproep.url, application_data("Atlantis", ORGS))
    assert response.status_code == 400
    assert "Onbekende regio &#x27;Atlantis&#x27;." in response.content.decode()
    assert not Aanmelding.objects.exists()


def test_application_form_queries_do_not_grow_with_the_regions(client, oproep):
    Regio.objects.create(name="Eenstad", slug="eenstad", kind="gemeente", cbs_code="GM0001")
    client.get(oproep.url)  # warm up: site and page lookups are cached after the first
    with CaptureQueriesContext(connection) as few:
        client.get(oproep.url)
    from leernetwerk.taxonomy import regions
    from leernetwerk.taxonomy.models import Herindeling

    regions.load(regions.read(), Regio, Herindeling)
    with CaptureQueriesContext(connection) as many:
        html = client.get(oproep.url).content.decode()
    assert "Zwolle (gemeente)" in html
    assert len(many) == len(few)
