"""The toolkit's region pickers: the participatiescan takes only an arbeidsmarktregio,
the waaier filter a group region by name, label or the slug of an old link."""

import pytest

from leernetwerk.taxonomy.models import Regio
from toolkit.forms.scan import NieuweScanForm

pytestmark = pytest.mark.django_db


def test_scan_picker_takes_only_an_arbeidsmarktregio(all_regions):
    form = NieuweScanForm({"title": "Scan", "regio": "AM18", "organisatie_type": "gemeente"})
    form.is_valid()
    assert form.cleaned_data["regio"].name == "Groot Amsterdam"
    form = NieuweScanForm({"title": "Scan", "regio": "Amsterdam", "organisatie_type": "gemeente"})
    assert not form.is_valid()
    assert form.errors["regio"] == ["Kies een arbeidsmarktregio uit de lijst."]


def test_waaier_filter_accepts_a_region_name_and_old_links(client, home, all_regions):
    from toolkit.views.waaier import WaaierFilterForm

    assert WaaierFilterForm({"regio": "holland rijnland (arbeidsmarktregio)"}).is_valid()
    slug = Regio.objects.get(cbs_code="AM19").slug
    form = WaaierFilterForm({"regio": slug})
    assert form.is_valid() and form.cleaned_data["regio"].cbs_code == "AM19"
    form = WaaierFilterForm({"regio": "Zwolle"})  # a municipality is not in this list
    assert not form.is_valid()
