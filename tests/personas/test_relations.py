"""Personas and the lessons, tools and pilots they relate to: pinned by editors, and
found through the shared taxonomy (life domains in both schemes, target groups), on
both sides."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.factories import add_leercirkel, add_les, make_doelgroep, make_kennisbank
from leernetwerk.taxonomy.models import Levensgebied
from leernetwerk.taxonomy.related import expand, related_pages, tagged_page_models
from personas.models import PersonaPage, PersonaRelatedPage, PersonaSituation
from personas.relations import personas_for
from pilots.factories import make_index, make_pilot

pytestmark = pytest.mark.django_db
JEUGDHULP = "jongeren-die-de-jeugdhulp-verlaten"


def situation(persona, slug):
    PersonaSituation.objects.create(
        persona=persona, levensgebied=Levensgebied.objects.get(slug=slug), text="Situatie"
    )


def pin(persona, *pages):
    for i, page in enumerate(pages):
        PersonaRelatedPage.objects.create(persona=persona, page=page, sort_order=i)


@pytest.fixture
def kennisbank(home):
    return make_kennisbank(home)


@pytest.fixture
def group(db):
    return make_doelgroep("Jongeren die de jeugdhulp verlaten")


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_every_page_type_with_the_vocabulary_takes_part():
    labels = {model._meta.label for model, _ in tagged_page_models()}
    assert {"learning.Les", "learning.Leercirkel", "pilots.PilotPage"} <= labels
    assert "toolkit.ArrangementPage" in labels


def test_persona_shows_pinned_first_then_shared_taxonomy(
    client, kennisbank, make_persona, group, home
):
    sanne = make_persona("Sanne")
    situation(sanne, "wonen")
    sanne.doelgroepen.set([group])
    sanne.save()
    # Shares the Big 5 counterpart of wonen: the other scheme counts too.
    wonen = add_les(kennisbank, "Les over wonen", domains=["big5-wonen"])
    both = add_les(kennisbank, "Les over wonen na jeugdhulp", domains=["wonen"], groups=[JEUGDHULP])
    add_les(kennisbank, "Les over werk", domains=["werk"])
    pilot = make_pilot(make_index(home), "Pilot Jeugdhulp", doelgroepen=[group])
    pinned = add_leercirkel(kennisbank, "Vastgepinde sessie")
    pin(sanne, pinned, both)  # pinned, and also found by taxonomy: shown once

    titles = [page.title for page in sanne.related_items()]
    assert titles[:2] == ["Vastgepinde sessie", "Les over wonen na jeugdhulp"]
    assert set(titles[2:]) == {"Pilot Jeugdhulp", "Les over wonen"}
    assert len(titles) == len(set(titles))
    # A shared target group weighs more than a shared life domain.
    assert titles.index(pilot.title) < titles.index(wonen.title)

    html = client.get(sanne.url).content.decode()
    assert "Les over werk" not in html
    for title in titles:
        assert title in html


def test_related_items_are_limited_and_skip_drafts(kennisbank, make_persona):
    sanne = make_persona("Sanne")
    situation(sanne, "werk")
    for i in range(9):
        add_les(kennisbank, f"Les {i}", domains=["werk"])
    draft = add_les(kennisbank, "Concept", domains=["werk"])
    draft.unpublish()
    items = sanne.related_items(limit=6)
    assert len(items) == 6 and "Concept" not in [p.title for p in items]
    pin(sanne, *[add_les(kennisbank, f"Pin {i}") for i in range(7)])
    assert [p.title for p in sanne.related_items(limit=6)] == [f"Pin {i}" for i in range(7)]


def test_persona_without_taxonomy_or_pins_shows_nothing_extra(client, make_persona, kennisbank):
    add_les(kennisbank, "Les over werk", domains=["werk"])
    sanne = make_persona("Sanne")
    assert sanne.related_items() == []
    assert related_pages(expand(), limit=5) == []


def test_lesson_pilot_and_pinned_page_show_the_personas(
    client, kennisbank, make_persona, group, home
):
    sanne = make_persona("Sanne", age=17, quote="Ik wil een eigen plek.")
    situation(sanne, "wonen")
    milan = make_persona("Milan")
    milan.doelgroepen.set([group])
    milan.save()
    make_persona("Daan")  # nothing shared

    les = add_les(kennisbank, "Les over wonen", domains=["big5-wonen"])
    html = client.get(les.url).content.decode()
    panel = html[html.index('id="herkenbare-jongeren"') :]
    assert f'href="{sanne.url}"' in panel and "Sanne, 17 jaar" in panel
    assert "Ik wil een eigen plek." in panel
    assert "Milan" not in panel and "Daan" not in panel

    pilot = make_pilot(make_index(home), "Pilot Jeugdhulp", doelgroepen=[group])
    panel = client.get(pilot.url).content.decode().split('id="herkenbare-jongeren"')[1]
    assert "Milan" in panel and "Sanne" not in panel

    # A page without taxonomy (a session, a tool) shows only the personas that pinned it.
    session = add_leercirkel(kennisbank, "Sessie zonder indeling")
    assert "herkenbare-jongeren" not in client.get(session.url).content.decode()
    pin(milan, session)
    panel = client.get(session.url).content.decode().split('id="herkenbare-jongeren"')[1]
    assert "Milan" in panel and "Sanne" not in panel


def test_panel_puts_pinned_personas_first_and_skips_drafts(kennisbank, make_persona):
    les = add_les(kennisbank, "Les over wonen", domains=["wonen"])
    anna = make_persona("Anna")
    situation(anna, "wonen")
    zoe = make_persona("Zoë")
    pin(zoe, les)
    draft = make_persona("Concept")
    situation(draft, "wonen")
    draft.unpublish()
    assert [p.title for p in personas_for(les)] == ["Zoë", "Anna"]


def test_no_panel_on_persona_pages(client, make_persona, kennisbank):
    sanne = make_persona("Sanne")
    situation(sanne, "wonen")
    make_persona("Milan")
    add_les(kennisbank, "Les over wonen", domains=["wonen"])
    assert "herkenbare-jongeren" not in client.get(sanne.url).content.decode()
    assert "herkenbare-jongeren" not in client.get("/personas/").content.decode()


def test_query_counts_do_not_grow_with_related_items(client, kennisbank, make_persona, group):
    sanne = make_persona("Sanne")
    situation(sanne, "wonen")
    sanne.doelgroepen.set([group])
    sanne.save()
    les = add_les(kennisbank, "Les 0", domains=["wonen"], groups=[JEUGDHULP])
    pin(sanne, add_leercirkel(kennisbank, "Sessie 0"))
    persona_few = count_queries(client, sanne.url)
    panel_few = count_queries(client, les.url)

    for i in range(1, 6):
        add_les(kennisbank, f"Les {i}", domains=["wonen"], groups=[JEUGDHULP])
        other = make_persona(f"Persona {i}")
        situation(other, "wonen")
        pin(other, les)
    pin(sanne, *[add_leercirkel(kennisbank, f"Sessie {i}") for i in range(1, 3)])
    assert count_queries(client, sanne.url) == persona_few
    assert count_queries(client, les.url) == panel_few
    assert PersonaPage.objects.live().count() == 6


def test_related_items_work_on_an_unsaved_revision(kennisbank, make_persona, group):
    """The CMS preview renders a revision's in-memory copy: relations come from it."""
    add_les(kennisbank, "Les over jeugdhulp", groups=[JEUGDHULP])
    pinned = add_leercirkel(kennisbank, "Vastgepinde sessie")
    sanne = make_persona("Sanne")
    sanne.doelgroepen = [group]
    sanne.related_pages = [PersonaRelatedPage(page=pinned)]
    preview = sanne.save_revision().as_object()
    assert [p.title for p in preview.related_items()] == [
        "Vastgepinde sessie",
        "Les over jeugdhulp",
    ]
