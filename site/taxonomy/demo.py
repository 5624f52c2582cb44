"""Demo vocabulary: target groups and the regions of the pilots (coordinates approximate)."""

from django.utils.text import slugify

from .models import Doelgroep, Herindeling, Regio
from .regions import load as load_regions
from .regions import read as read_regions
from .regions_index import index_regions

DOELGROEPEN = [
    ("Jongeren die de jeugdhulp verlaten", "Jongeren voor wie jeugdhulp rond hun 18e stopt."),
    (
        "Alleenstaande minderjarige vreemdelingen (AMV)",
        "Jongeren die zonder ouders naar Nederland kwamen.",
    ),
    ("Jongeren zonder startkwalificatie", "Jongeren zonder diploma op mbo-2-niveau of hoger."),
    ("Jongeren met een licht verstandelijke beperking", ""),
    ("Jongeren met psychische problemen", ""),
    ("Dak- en thuisloze jongeren", ""),
    ("Jongeren uit het praktijk- en speciaal onderwijs", ""),
]

# The regions of the pilots, by CBS code (the full list comes from regions.json), with
# the slug the other apps' demos use and a map point near where the pilot works.
# slug: (name, kind, cbs_code, lat, lon)
REGIO_S = {
    "venlo": ("Venlo", "gemeente", "GM0983", 51.3704, 6.1724),
    "arnhem": ("Arnhem", "gemeente", "GM0202", 51.9851, 5.8987),
    "apeldoorn": ("Apeldoorn", "gemeente", "GM0200", 52.2112, 5.9699),
    "noord-veluwe": ("Noord-Veluwe", "jeugdregio", "JZ12", 52.3500, 5.8300),
    "rivierenland": ("Rivierenland", "jeugdregio", "JZ30", 51.8800, 5.4300),
    "hengelo": ("Hengelo", "gemeente", "GM0164", 52.2658, 6.7931),
    "dordrecht": ("Dordrecht", "gemeente", "GM0505", 51.8133, 4.6901),
    "zuid-holland-zuid": ("Zuid-Holland Zuid", "jeugdregio", "JZ31", 51.8200, 4.7500),
    "midden-holland": ("Midden-Holland", "jeugdregio", "JZ27", 52.0116, 4.7104),
    "lekstroom": ("Lekstroom", "jeugdregio", "JZ26", 52.0200, 5.1000),
    "leiden": ("Leiden", "gemeente", "GM0546", 52.1601, 4.4970),
    "holland-rijnland": ("Holland Rijnland", "arbeidsmarktregio", "AM19", 52.1600, 4.5500),
    "gelderland": ("Gelderland", "provincie", "PV25", 52.0452, 5.8718),
}


def demo_regions():
    """{demo slug: Regio}: the demos of other apps name their regions by these slugs,
    whatever slug the region got when the full list was loaded."""
    by_code = Regio.objects.in_bulk([spec[2] for spec in REGIO_S.values()], field_name="cbs_code")
    return {slug: by_code[spec[2]] for slug, spec in REGIO_S.items() if spec[2] in by_code}


def demo_region(slug):
    return demo_regions().get(slug)


def load(home, log):
    for name, description in DOELGROEPEN:
        Doelgroep.objects.update_or_create(
            slug=slugify(name)[:120], defaults={"name": name, "description": description}
        )
    if not Regio.objects.filter(kind=Regio.Kind.GEMEENTE).exists():
        # A database migrated without the list (REGIONS_LOAD_ON_MIGRATE off) gets it now.
        load_regions(read_regions(), Regio, Herindeling)
    for slug, (name, kind, cbs_code, lat, lon) in REGIO_S.items():
        region = Regio.objects.filter(cbs_code=cbs_code).first()
        if region is None:  # a regions file without this region: keep the demo whole
            region = Regio(cbs_code=cbs_code, name=name, kind=kind, slug=slug)
        # The pilot map shows the demo's point; names and memberships stay CBS's.
        region.latitude, region.longitude = lat, lon
        region.save()
    index_regions()
    log(
        f"Taxonomie: {len(DOELGROEPEN)} doelgroepen, {Regio.objects.count()} regio's "
        f"({len(REGIO_S)} in de demo)."
    )
