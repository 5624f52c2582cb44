"""import_lessons takes a region by CBS code, by name in any case and by a merged
municipality's old code; an unknown one names the problem."""

import pytest

from learning.import_vocabulary import UnknownValue, Vocabulary

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "code"),
    [("GM0983", "GM0983"), ("zwolle", "GM0193"), ("GM0457", "GM0363"), ("Hengelo", "GM0164")],
)
def test_lessons_take_a_region_by_code_name_or_old_code(all_regions, value, code):
    from leernetwerk.taxonomy.models import Regio

    slug = Vocabulary.load().resolve("regio", value)
    assert Regio.objects.get(slug=slug).cbs_code == code


def test_lessons_with_an_unknown_region_name_the_problem(all_regions):
    with pytest.raises(UnknownValue, match="Atlantis"):
        Vocabulary.load().resolve("regio", "Atlantis")
