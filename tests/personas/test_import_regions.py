"""The figures import takes a region by CBS code, by name in any case and by a merged
municipality's old code; an unknown one is a Dutch error."""

import pytest

from personas import importer
from personas.factories import csv_from_cells

pytestmark = pytest.mark.django_db


CELLS = {(): 900, ("GSQ",): 100}


def test_figures_by_code_name_and_old_code(all_regions, dataset, kenmerken):
    text = csv_from_cells(
        {
            "NL": {k: v * 50 for k, v in CELLS.items()},
            "GM0193": CELLS,
            "amsterdam": CELLS,
            "GM0370": CELLS,
        },  # Beemster, now Purmerend
        ["GSQ"],
    )
    result = importer.validate(text, dataset)
    assert result.errors == []
    codes = {region.cbs_code for region in result.regions if region}
    assert codes == {"GM0193", "GM0363", "GM0439"}
    assert importer.save(result, dataset) == len(result.rows)


def test_figures_with_an_unknown_region_save_nothing(all_regions, dataset, kenmerken):
    text = csv_from_cells({"GM0193": CELLS, "Atlantis": CELLS}, ["GSQ"])
    result = importer.validate(text, dataset)
    assert any("Onbekende regio 'Atlantis'" in message for _row, message in result.errors)
