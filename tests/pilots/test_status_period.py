"""A pilot's status follows from its period unless an editor set one."""

import datetime

import pytest
from django.utils import timezone

from pilots.factories import make_pilot
from pilots.models import PilotPage
from pilots.models.pages import status_for_period, with_current_status

TODAY = datetime.date(2026, 12, 7)
DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (None, None, "aanmelding"),
        (TODAY + DAY, None, "aanmelding"),
        (TODAY, None, "lopend"),
        (TODAY - DAY * 300, TODAY, "lopend"),  # the end date itself still counts
        (datetime.date(2020, 9, 1), datetime.date(2021, 12, 31), "afgerond"),
    ],
)
def test_the_period_gives_the_status(start, end, expected):
    assert status_for_period(start, end, TODAY) == expected


def test_page_sql_and_filter_agree(client, index):
    today = timezone.localdate()
    old = make_pilot(
        index,
        "Ooit lopend",
        status="",
        start_date=datetime.date(2020, 9, 1),
        end_date=datetime.date(2021, 12, 31),
    )
    now = make_pilot(index, "Nu bezig", status="", start_date=today - DAY, end_date=None)
    pinned = make_pilot(
        index,
        "Door redactie gezet",
        status="gestart",
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2019, 6, 1),
    )
    annotated = dict(
        with_current_status(PilotPage.objects.all()).values_list("title", "current_status_value")
    )
    for pilot in (old, now, pinned):
        assert annotated[pilot.title] == pilot.current_status
    assert (old.current_status, now.current_status, pinned.current_status) == (
        "afgerond",
        "lopend",
        "gestart",
    )
    assert not old.is_running and now.is_running and pinned.is_running
    page = client.get(index.url + "?status=afgerond").content.decode()
    assert "Ooit lopend" in page and "Nu bezig" not in page
    detail = client.get(old.url).content.decode()
    assert "Afgerond" in detail and "Lopend" not in detail


def test_the_filter_offers_no_automatic_choice(client, index):
    page = client.get(index.url).content.decode()
    assert "Volgens de periode" not in page


def test_status_shows_as_an_nl_design_system_status_badge(client, index):
    today = timezone.localdate()
    running = make_pilot(index, "Loopt nog", status="", start_date=today - DAY, end_date=None)
    ended = make_pilot(index, "Klaar", status="afgerond", start_date=datetime.date(2019, 1, 1))
    planned = make_pilot(index, "Komt eraan", status="", start_date=today + DAY)
    assert [p.current_status_badge for p in (running, ended, planned)] == [
        "active",
        "inactive",
        "neutral",
    ]
    html = client.get(running.url).content.decode()
    assert 'class="utrecht-status-badge utrecht-status-badge--active">Lopend<' in html
    listing = client.get(index.url).content.decode()
    assert 'utrecht-status-badge--inactive">Afgerond<' in listing
