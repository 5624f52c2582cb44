import pytest

from leernetwerk.taxonomy.models import Regio
from personas.factories import csv_from_cells
from personas.models import Dataset, Kenmerk


@pytest.fixture
def kenmerken(db):
    return [
        Kenmerk.objects.create(code="GSQ", label="Geen startkwalificatie"),
        Kenmerk.objects.create(code="NEET", label="Geen werk of opleiding"),
        Kenmerk.objects.create(code="UITK", label="Uitkering"),
        Kenmerk.objects.create(code="JH", label="Jeugdhulp gehad"),
    ]


@pytest.fixture
def regions(db):
    return {
        "venlo": Regio.objects.create(
            name="Venlo", slug="venlo", kind="gemeente", cbs_code="GM0983"
        ),
        "leiden": Regio.objects.create(
            name="Leiden", slug="leiden", kind="gemeente", cbs_code="GM0546"
        ),
        "rivierenland": Regio.objects.create(
            name="Rivierenland", slug="rivierenland", kind="jeugdregio"
        ),
    }


@pytest.fixture
def dataset(db):
    return Dataset.objects.create(
        name="Testcijfers",
        slug="testcijfers",
        year=2024,
        source="Test",
        region_level=Dataset.Level.GEMEENTE,
        is_fictional=True,
    )


@pytest.fixture
def valid_csv(kenmerken, regions):
    """Two characteristics, national plus two municipalities, no small cells."""
    cells = {(): 800, ("GSQ",): 120, ("NEET",): 90, ("GSQ", "NEET"): 40}
    return csv_from_cells(
        {"NL": {k: v * 100 for k, v in cells.items()}, "GM0983": cells, "leiden": cells},
        ["GSQ", "NEET"],
    )


@pytest.fixture
def persona_index(home):
    from leernetwerk.core.factories import add_page
    from personas.models import PersonaIndexPage

    return add_page(home, PersonaIndexPage, title="Persona's", slug="personas")


@pytest.fixture
def make_persona(persona_index):
    from leernetwerk.core.factories import add_page
    from personas.models import PersonaPage

    def make(title="Sanne", kenmerken=(), **fields):
        fields.setdefault("age", 19)
        fields.setdefault("quote", "Ik wil gewoon een eigen plek.")
        fields.setdefault("story", "<p>Een verhaal.</p>")
        page = add_page(persona_index, PersonaPage, title=title, **fields)
        page.kenmerken.set(list(kenmerken))
        page.save_revision().publish()
        return PersonaPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def imported(dataset, valid_csv):
    from personas import importer

    importer.save(importer.validate(valid_csv, dataset), dataset)
    dataset.refresh_from_db()
    return dataset


@pytest.fixture(autouse=True)
def empty_cache():
    """Charts are cached in locmem; start every test without another test's charts."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
