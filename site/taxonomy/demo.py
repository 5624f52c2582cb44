"""Demo vocabulary: target groups and the regions of the pilots (coordinates approximate)."""

from django.utils.text import slugify

from .models import Doelgroep, Regio

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

# name, kind, province, cbs_code, lat, lon
REGIO_S = [
    ("Venlo", "gemeente", "NL-LI", "GM0983", 51.3704, 6.1724),
    ("Arnhem", "gemeente", "NL-GE", "GM0202", 51.9851, 5.8987),
    ("Apeldoorn", "gemeente", "NL-GE", "GM0200", 52.2112, 5.9699),
    ("Noord-Veluwe", "jeugdregio", "NL-GE", "", 52.3500, 5.8300),
    ("Rivierenland", "jeugdregio", "NL-GE", "", 51.8800, 5.4300),
    ("Hengelo", "gemeente", "NL-OV", "GM0164", 52.2658, 6.7931),
    ("Dordrecht", "gemeente", "NL-ZH", "GM0505", 51.8133, 4.6901),
    ("Zuid-Holland Zuid", "jeugdregio", "NL-ZH", "", 51.8200, 4.7500),
    ("Midden-Holland", "jeugdregio", "NL-ZH", "", 52.0116, 4.7104),
    ("Lekstroom", "jeugdregio", "NL-UT", "", 52.0200, 5.1000),
    ("Leiden", "gemeente", "NL-ZH", "GM0546", 52.1601, 4.4970),
    ("Holland Rijnland", "arbeidsmarktregio", "NL-ZH", "", 52.1600, 4.5500),
    ("Gelderland", "provincie", "NL-GE", "", 52.0452, 5.8718),
]

PARTS = {
    "Zuid-Holland Zuid": ["Dordrecht"],
    "Holland Rijnland": ["Leiden"],
}


def load(home, log):
    for name, description in DOELGROEPEN:
        Doelgroep.objects.update_or_create(
            slug=slugify(name)[:120], defaults={"name": name, "description": description}
        )
    regions = {}
    for name, kind, province, cbs_code, lat, lon in REGIO_S:
        regions[name], _ = Regio.objects.update_or_create(
            slug=slugify(name),
            defaults={
                "name": name,
                "kind": kind,
                "province": province,
                "cbs_code": cbs_code,
                "latitude": lat,
                "longitude": lon,
            },
        )
    for whole, parts in PARTS.items():
        regions[whole].municipalities.set([regions[p] for p in parts])
        regions[whole].save()
    log(f"Taxonomie: {len(DOELGROEPEN)} doelgroepen, {len(REGIO_S)} regio's.")
