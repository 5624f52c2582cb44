"""Demo vocabulary: target groups and the regions of the pilots (coordinates approximate)."""

from django.utils.text import slugify

from .models import Doelgroep, Regio
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

# The regions of the pilots, by CBS code (the full list comes from the data migration or
# load_regions), with the slug the other apps' demos use and a map point near the pilot.
# slug: (name, kind, province, cbs_code, lat, lon)
REGIO_S = {
    "venlo": ("Venlo", "gemeente", "NL-LI", "GM0983", 51.3704, 6.1724),
    "arnhem": ("Arnhem", "gemeente", "NL-GE", "GM0202", 51.9851, 5.8987),
    "apeldoorn": ("Apeldoorn", "gemeente", "NL-GE", "GM0200", 52.2112, 5.9699),
    "noord-veluwe": ("Noord-Veluwe", "jeugdregio", "NL-GE", "JZ12", 52.3500, 5.8300),
    "rivierenland": ("Rivierenland", "jeugdregio", "NL-GE", "JZ30", 51.8800, 5.4300),
    "hengelo": ("Hengelo", "gemeente", "NL-OV", "GM0164", 52.2658, 6.7931),
    "dordrecht": ("Dordrecht", "gemeente", "NL-ZH", "GM0505", 51.8133, 4.6901),
    "zuid-holland-zuid": ("Zuid-Holland Zuid", "jeugdregio", "NL-ZH", "JZ31", 51.8200, 4.7500),
    "midden-holland": ("Midden-Holland", "jeugdregio", "NL-ZH", "JZ27", 52.0116, 4.7104),
    "lekstroom": ("Lekstroom", "jeugdregio", "NL-UT", "JZ26", 52.0200, 5.1000),
    "leiden": ("Leiden", "gemeente", "NL-ZH", "GM0546", 52.1601, 4.4970),
    "holland-rijnland": (
        "Holland Rijnland",
        "arbeidsmarktregio",
        "NL-ZH",
        "AM19",
        52.1600,
        4.5500,
    ),
    "gelderland": ("Gelderland", "provincie", "NL-GE", "PV25", 52.0452, 5.8718),
}

# Memberships for a database without the full list (the tests); CBS's otherwise.
PARTS = {
    "zuid-holland-zuid": ["dordrecht"],
    "holland-rijnland": ["leiden"],
}


def demo_regions():
    """{demo slug: Regio}: the demos of other apps name their regions by these slugs,
    whatever slug the region got when the full list was loaded."""
    codes = {slug: spec[3] for slug, spec in REGIO_S.items()}
    by_code = {r.cbs_code: r for r in Regio.objects.filter(cbs_code__in=codes.values())}
    return {slug: by_code[code] for slug, code in codes.items() if code in by_code}


def demo_region(slug):
    return demo_regions().get(slug)


def load(home, log):
    for name, description in DOELGROEPEN:
        Doelgroep.objects.update_or_create(
            slug=slugify(name)[:120], defaults={"name": name, "description": description}
        )
    regions = {}
    for slug, (name, kind, province, cbs_code, lat, lon) in REGIO_S.items():
        region = Regio.objects.filter(cbs_code=cbs_code).first()
        if region is None:
            # Migrated without the list (REGIONS_LOAD_ON_MIGRATE off): just the demo's.
            region = Regio(cbs_code=cbs_code, name=name, kind=kind, slug=slug)
            region.province = province
        # The pilot map shows the demo's point; names and memberships stay CBS's.
        region.latitude, region.longitude = lat, lon
        region.save()
        regions[slug] = region
    for whole, parts in PARTS.items():
        if not regions[whole].municipalities.exists():
            regions[whole].municipalities.set([regions[p] for p in parts])
    index_regions()
    log(
        f"Taxonomie: {len(DOELGROEPEN)} doelgroepen, {Regio.objects.count()} regio's "
        f"({len(REGIO_S)} in de demo)."
    )
