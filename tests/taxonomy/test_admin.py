"""The CMS side: the pilot's region list is grouped per kind and filterable, and the
bulk-loaded regions are in the search index that the snippet chooser searches."""

import re

import pytest
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from leernetwerk.taxonomy.models import Regio
from leernetwerk.taxonomy.regions_index import index_regions
from pilots.factories import make_index, make_pilot

pytestmark = pytest.mark.django_db


def test_pilot_edit_form_groups_every_region_per_kind(client, superuser, home, all_regions):
    zwolle = Regio.objects.get(cbs_code="GM0193")
    pilot = make_pilot(make_index(home), "Pilot Zwolle", regions=[zwolle])
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[pilot.pk])).content.decode()
    assert "data-region-filter" in html
    assert '<optgroup label="Gemeente">' in html
    assert '<optgroup label="Arbeidsmarktregio">' in html
    option = re.search(rf'<option value="{zwolle.pk}"[^>]*>', html).group(0)
    assert "selected" in option and 'data-code="GM0193"' in option
    assert "taxonomy/region-filter.js" in html


def test_loaded_regions_are_searchable_for_the_chooser(all_regions):
    assert index_regions() == Regio.objects.count()
    found = list(get_search_backend().search("Zwolle", Regio))
    assert Regio.objects.get(cbs_code="GM0193") in found
