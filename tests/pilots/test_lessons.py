"""Lessons learned in progress updates: searchable on the update, optionally a kennisbank Les."""

import pytest

from leernetwerk.core.factories import add_page
from pilots.factories import make_pilot, make_update
from pilots.models import Leerpunt

pytestmark = pytest.mark.django_db


@pytest.fixture
def kennisbank(home):
    from learning.models import KennisbankPage

    return add_page(home, KennisbankPage, title="Kennisbank", slug="kennisbank")


def test_marked_lesson_becomes_a_linked_kennisbank_les(index, regio_a, kennisbank):
    from learning.models import Les

    pilot = make_pilot(index, "Pilot Alfa", regions=[regio_a])
    update = make_update(pilot, "Voortgang", lessons=[])
    update.leerpunten = [
        Leerpunt(title="Betrek ouders vroeg", text="Ouders kennen het netwerk.", create_les=True),
        Leerpunt(title="Alleen op de update", create_les=False),
    ]
    update.save_revision().publish()

    les = Les.objects.get()
    assert les.live and les.title == "Betrek ouders vroeg"
    assert les.learned_at_id == pilot.pk
    assert les.get_parent().pk == kennisbank.pk
    linked = Leerpunt.objects.get(title="Betrek ouders vroeg")
    assert linked.link_page_id == les.pk
    # Publishing again neither duplicates the lesson nor loses the link.
    update.save_revision().publish()
    assert Les.objects.count() == 1
    assert Leerpunt.objects.get(title="Betrek ouders vroeg").link_page_id == les.pk


def test_without_kennisbank_publishing_still_works(index):
    pilot = make_pilot(index, "Pilot Alfa")
    update = make_update(pilot, "Voortgang", lessons=[])
    update.leerpunten = [Leerpunt(title="Een les", create_les=True)]
    update.save_revision().publish()
    assert update.live
    assert Leerpunt.objects.get().link_page_id is None
