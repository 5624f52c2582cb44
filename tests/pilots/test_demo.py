import datetime
import os

import pytest
from django.core.management import call_command

from pilots.models import PilotOproepPage, PilotPage, RegioRedactie, VoortgangsberichtPage

pytestmark = pytest.mark.django_db

# The pilots' demo and what it builds on (the full demo is tested in tests/core/test_demo.py).
DEMO_APPS = ["leernetwerk.taxonomy", "learning", "pilots"]


def test_demo_content_is_complete_and_idempotent():
    for _ in range(2):
        call_command("load_demo", only=DEMO_APPS, stdout=open(os.devnull, "w"))  # noqa: SIM115
    pilots = PilotPage.objects.live()
    assert pilots.filter(programma__slug="werken-met-een-toekomstplan").count() == 6
    assert pilots.filter(programma__slug="werken-met-personas").count() == 1
    toekomstgericht = pilots.filter(programma__slug="toekomstgericht-werken")
    assert {p.regions.get().slug for p in toekomstgericht} == {
        "midden-holland",
        "lekstroom",
        "leiden",
    }
    for pilot in toekomstgericht:
        assert VoortgangsberichtPage.objects.live().child_of(pilot).count() >= 2
    for pilot in pilots:  # every demo pilot satisfies the two-sector-group rule itself
        assert len(pilot.sector_groups) >= 2, pilot.title
    oproep = PilotOproepPage.objects.get()
    assert (oproep.opens_on, oproep.closes_on) == (
        datetime.date(2018, 9, 3),
        datetime.date(2018, 10, 15),
    )
    assert oproep.window_state() == "gesloten"
    assert RegioRedactie.objects.count() == 3
    # Regional editors of the 2020 regions got rights on their own pilot only.
    leiden = RegioRedactie.objects.get(regio__slug="leiden").group
    assert {p.page.slug for p in leiden.page_permissions.all()} == {"leiden-integrale-toegang"}
    # Explained lessons of the 2020 regions were placed in the kennisbank and linked.
    from pilots.models import Leerpunt

    linked = Leerpunt.objects.filter(link_page__isnull=False)
    assert linked.count() == Leerpunt.objects.exclude(text="").count() == 5
    assert all(lp.link_page.live for lp in linked.select_related("link_page"))


def test_demo_pilots_have_their_own_startfoto_and_five_started_at_the_second_circle():
    call_command("load_demo", only=DEMO_APPS, stdout=open(os.devnull, "w"))  # noqa: SIM115
    pilots = list(PilotPage.objects.live().prefetch_related("baseline_figures", "startfoto_goals"))
    assert len(pilots) == 10
    texts = set()
    for pilot in pilots:
        figures = list(pilot.baseline_figures.all())
        assert figures and list(pilot.startfoto_goals.all()), pilot.title
        assert pilot.startfoto_owners.exists() and pilot.startfoto_date, pilot.title
        assert pilot.measurement_date > pilot.startfoto_date
        assert all("illustratief" in f.source.lower() for f in figures), pilot.title
        texts.add(str(pilot.startfoto))
    assert len(texts) == 10  # no shared placeholder
    started = PilotPage.objects.filter(started_at__slug="tweede-leercirkel-2018")
    assert started.count() == 5
    assert (
        started.get(slug="team-12-venlo").started_at.specific._meta.label == "learning.Leercirkel"
    )
