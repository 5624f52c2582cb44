"""The region picker field: by code, name, label and merged code; unknown and ambiguous
values; the datalist of every region in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leernetwerk.taxonomy.forms import RegionField
from leernetwerk.taxonomy.models import Regio

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("GM0363", "GM0363"),
        ("gm0363", "GM0363"),
        ("Amsterdam", "GM0363"),
        ("  amsterdam ", "GM0363"),
        ("Amsterdam (gemeente)", "GM0363"),
        ("GM0457", "GM0363"),  # Weesp, merged into Amsterdam in 2022
        ("Hengelo", "GM0164"),  # CBS writes "Hengelo (O.)"
        ("Utrecht (provincie)", "PV26"),
        ("Groot Amsterdam", "AM18"),
    ],
)
def test_field_finds_a_region_by_code_name_label_or_old_code(all_regions, typed, code):
    assert RegionField().clean(typed).cbs_code == code


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Atlantis", "Onbekende regio 'Atlantis'."),
        ("GM9999", "Onbekende regio 'GM9999'."),
        ("Utrecht", "'Utrecht' past bij meer dan één regio: Utrecht (gemeente), Utrecht"),
    ],
)
def test_field_explains_unknown_and_ambiguous_values(all_regions, typed, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        RegionField().clean(typed)
    assert message in exc.value.messages[0]


def test_field_renders_a_datalist_of_every_region_in_one_query(all_regions):
    field = RegionField()
    with CaptureQueriesContext(connection) as queries:
        html = field.widget.render("regio", "", {"id": "id_regio"})
    assert len(queries) == 1
    assert 'list="id_regio-lijst"' in html
    assert html.count("<option ") == Regio.objects.count()
    assert '<option value="Zwolle (gemeente)">GM0193</option>' in html
