"""A municipality that is not one of the demo regions applies for a pilot in a real
browser: the region is typed (the datalist suggests), an unknown name gets a Dutch error
first, and every state passes axe."""

import datetime
import os

import pytest
from playwright.sync_api import expect

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_municipality_outside_the_demo_applies(
    page, live_server, site_skeleton, assert_accessible, fill_application
):
    from wagtail.models import Site

    from leernetwerk.taxonomy import regions
    from leernetwerk.taxonomy.models import Herindeling, Regio
    from pilots.factories import make_index, make_oproep, make_programma
    from pilots.models import Aanmelding

    regions.load(regions.read(), Regio, Herindeling)
    make_programma()
    today = datetime.date.today()
    oproep = make_oproep(
        make_index(Site.objects.get(is_default_site=True).root_page),
        today - datetime.timedelta(days=1),
        today + datetime.timedelta(days=1),
        title="Oproep nu open",
    )
    page.goto(f"{live_server.url}{oproep.url}")
    expect(page.locator("#id_regio-lijst option")).to_have_count(Regio.objects.count())
    assert_accessible(page)

    fill_application(
        page,
        regio="Atlantis",
        name="Daan Visser",
        email="daan@zwolle.example",
        motivation="Zwolle wil met school, wijkteam en jongerenwerk één plan per jongere "
        "maken, ook na het achttiende jaar.",
        organisations=[("Wijkteam Zwolle", "Welzijn"), ("Mbo-college Zwolle", "Onderwijs")],
    )
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(page.locator("#id_regio_error")).to_contain_text("Onbekende regio 'Atlantis'.")
    assert Aanmelding.objects.count() == 0
    assert_accessible(page)

    page.fill("#id_regio", "zwolle")
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(page.locator("h1")).to_have_text("Bedankt voor uw aanmelding")
    assert Aanmelding.objects.get().regio.cbs_code == "GM0193"
    assert_accessible(page)
