import pytest

from leernetwerk.taxonomy import regions
from leernetwerk.taxonomy.models import Herindeling, Regio


@pytest.fixture
def all_regions(db):
    """The real regions file loaded, as the data migration does outside the tests."""
    regions.load(regions.read(), Regio, Herindeling)
    return Regio.objects.all()
