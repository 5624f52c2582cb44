import datetime
import os
import uuid

import pytest
from django.core.cache import cache
from django.db import transaction

from learning.factories import add_leercirkel, add_les, add_richtlijn, make_kennisbank, make_region
from learning.models import Synoniemgroep
from leernetwerk.core.factories import make_home


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def kennisbank(home):
    return make_kennisbank(home)


@pytest.fixture
def jsonl(tmp_path):
    """Writes the given lines as a JSON Lines file and returns its path."""

    def write(*lines):
        path = tmp_path / "lessen.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return str(path)

    return write


@pytest.fixture
def content(kennisbank):
    """A small kennisbank: three lessons, a session and a guideline."""
    return make_content(kennisbank)


@pytest.fixture(scope="module")
def module_content(django_db_setup, django_db_blocker):
    """``content`` made once for a whole module of tests that only read it (about a
    second saved per test): in a transaction rolled back after the module's last
    test; each test runs in a savepoint inside it (``pytest.mark.django_db``)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield make_content(make_kennisbank(make_home()))
        transaction.set_rollback(True)


def make_content(kennisbank):
    """The pages, region and synonyms of the ``content`` fixture."""
    venlo = make_region("Venlo")
    cirkel = add_leercirkel(
        kennisbank, "Tweede leercirkel", kind="leercirkel", theme="Toekomstplan", tags=["netwerk"]
    )
    lessons = {
        "wonen": add_les(
            kennisbank,
            "Een eigen woning vinden",
            summary="Jongeren vonden sneller een woning met een vaste coach.",
            context="<p>De coördinatie tussen corporatie en wijkteam liep stroef.</p>",
            domains=["wonen"],
            sectors=["welzijn"],
            tags=["wonen", "coaching"],
            kennisbronnen=["ervaringskennis"],
            regio=venlo,
            date=datetime.date(2019, 5, 1),
            learned_at=cirkel,
        ),
        "amv": add_les(
            kennisbank,
            "Toekomstplan met alleenstaande minderjarige vreemdelingen",
            summary="Het plan in de eigen woorden van de jongere werkte goed.",
            domains=["relaties"],
            sectors=["jeugdhulp"],
            tags=["taal"],
            kennisbronnen=["professionele_kennis"],
            date=datetime.date(2021, 3, 1),
        ),
        "werk": add_les(
            kennisbank,
            "Van school naar werk",
            summary="Een coach volgde de jongere van school naar de eerste baan.",
            domains=["werk"],
            sectors=["onderwijs", "werk-inkomen"],
            tags=["coaching"],
            kennisbronnen=["professionele_kennis", "wetenschappelijke_kennis"],
            date=datetime.date(2020, 6, 1),
        ),
    }
    guideline = add_richtlijn(
        kennisbank,
        "Richtlijn overgang naar volwassenheid",
        summary="Afspraken voor doorlopende hulp na de achttiende verjaardag.",
        status="vastgesteld",
        adoption_date=datetime.date(2019, 11, 1),
    )
    Synoniemgroep.objects.create(terms="AMV\nalleenstaande minderjarige vreemdeling")
    Synoniemgroep.objects.create(terms="18-/18+\novergang naar volwassenheid")
    return {"cirkel": cirkel, "guideline": guideline, **lessons}


# Elasticsearch peers of the search contract: the in-memory osmem server always (it
# speaks the HTTP API but is not the real engine), a real server when the
# environment names one.
ES_PEERS = ["osmem"] + (["elasticsearch"] if os.environ.get("ELASTICSEARCH_URL") else [])


def _use_elasticsearch(settings, url):
    """Switch the site to the ES server at ``url``, in a fresh index of its own."""
    from learning.search.elastic import ElasticsearchBackend

    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX = f"leernetwerk-test-{uuid.uuid4().hex[:12]}"
    backend = ElasticsearchBackend(url)
    backend.ensure_index()
    return backend


def _drop_index(backend, settings):
    backend.client.options(ignore_status=404).indices.delete(index=settings.ELASTICSEARCH_INDEX)


@pytest.fixture(params=["database", *ES_PEERS])
def search_backend(request, settings):
    """Run a test on every search backend: 'database' (the suite's SQLite or PostgreSQL)
    and each Elasticsearch peer."""
    if request.param == "database":
        yield request.param
        return
    if request.param == "osmem":
        url = request.getfixturevalue("osmem_url")
    else:
        url = os.environ["ELASTICSEARCH_URL"]
    backend = _use_elasticsearch(settings, url)
    yield request.param
    _drop_index(backend, settings)


@pytest.fixture
def osmem_es(settings, osmem_url):
    """The site switched to the in-memory osmem peer: the ElasticsearchBackend."""
    backend = _use_elasticsearch(settings, osmem_url)
    yield backend
    _drop_index(backend, settings)
