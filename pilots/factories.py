"""Test and benchmark helpers for the pilots app."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from leernetwerk.core.factories import add_page
from leernetwerk.taxonomy.models import Regio, SectorGroep

from .forms import ORGANISATION_ROWS
from .models import (
    Leerpunt,
    PilotIndexPage,
    PilotOproepPage,
    PilotOrganisatie,
    PilotPage,
    Programma,
    VoortgangsberichtPage,
)


def make_index(home):
    existing = PilotIndexPage.objects.child_of(home).first()
    return existing or add_page(home, PilotIndexPage, title="Pilots", slug="pilots")


def make_regio(name, province="NL-ZH", lat=52.0, lon=4.7, kind="jeugdregio"):
    regio, _ = Regio.objects.get_or_create(
        slug=slugify(name),
        defaults={
            "name": name,
            "kind": kind,
            "province": province,
            "latitude": lat,
            "longitude": lon,
        },
    )
    return regio


def make_programma(name="Toekomstgericht werken"):
    programma, _ = Programma.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    return programma


def make_pilot(index, title, regions=(), sectors=("welzijn", "jeugdhulp"), live=True, **fields):
    groups = {s.slug: s for s in SectorGroep.objects.all()}
    fields.setdefault("programma", make_programma())
    fields.setdefault("status", "lopend")
    page = PilotPage(
        title=title,
        slug=fields.pop("slug", None) or title.lower().replace(" ", "-"),
        regions=list(regions),
        organisations=[
            PilotOrganisatie(name=f"Organisatie {i}", sector=groups[slug])
            for i, slug in enumerate(sectors)
        ],
        **fields,
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.live = False
        page.save()
    return page


def make_update(pilot, title, date=None, lessons=("Begin vroeg",), **fields):
    return add_page(
        pilot,
        VoortgangsberichtPage,
        title=title,
        date=date or timezone.localdate(),
        phase=fields.pop("phase", "uitvoering"),
        intro=fields.pop("intro", f"Samenvatting van {title}."),
        leerpunten=[Leerpunt(title=lesson) for lesson in lessons],
        **fields,
    )


def make_oproep(index, opens_on=None, closes_on=None, title="Oproep pilotregio's"):
    today = timezone.localdate()
    return add_page(
        index,
        PilotOproepPage,
        title=title,
        opens_on=opens_on or today - datetime.timedelta(days=10),
        closes_on=closes_on or today + datetime.timedelta(days=10),
    )


def application_data(regio, organisations, **overrides):
    """POST data of the pilot application: ``regio`` as typed (a pk, code or name) and
    ``organisations`` as [(name, sector slug)]."""
    sectors = {s.slug: s.pk for s in SectorGroep.objects.all()}
    data = {
        "regio": regio,
        "contact_name": "Fatima de Vries",
        "contact_role": "Beleidsadviseur jeugd",
        "contact_email": "fatima@gemeente.example",
        "contact_phone": "",
        "programma": make_programma().pk,
        "motivation": "Wij willen samen met jongeren de overgang naar 18 jaar beter regelen "
        "en leren van andere regio's.",
        "website": "",
        "org-TOTAL_FORMS": str(ORGANISATION_ROWS),
        "org-INITIAL_FORMS": "0",
        "org-MIN_NUM_FORMS": "0",
        "org-MAX_NUM_FORMS": str(ORGANISATION_ROWS),
    }
    for i in range(ORGANISATION_ROWS):
        name, sector = organisations[i] if i < len(organisations) else ("", None)
        data[f"org-{i}-name"] = name
        data[f"org-{i}-sector"] = sectors[sector] if sector else ""
    data.update(overrides)
    return data
