"""The fixed vocabulary seeded by migration 0002 (names from the national approach).

Kept as plain data so the migration, tests and demo content share one source.
"""

LEVENSGEBIEDEN = [
    # slug, name
    ("werk", "Werk"),
    ("scholing", "Scholing"),
    ("inkomen", "Inkomen"),
    ("wonen", "Wonen"),
    ("vrienden", "Vrienden"),
    ("relaties", "Relaties"),
    ("vrije-tijd", "Vrije tijd"),
    ("zorg", "Zorg"),
]

BIG5 = [
    ("big5-steun", "Steun en netwerk"),
    ("big5-wonen", "Wonen"),
    ("big5-school-werk", "School en werk"),
    ("big5-inkomen", "Inkomen"),
    ("big5-welzijn", "Welzijn"),
]

# Which Big 5 domain covers each of the eight levensgebieden.
MAPPING = {
    "werk": ["big5-school-werk"],
    "scholing": ["big5-school-werk"],
    "inkomen": ["big5-inkomen"],
    "wonen": ["big5-wonen"],
    "vrienden": ["big5-steun"],
    "relaties": ["big5-steun"],
    "vrije-tijd": ["big5-welzijn"],
    "zorg": ["big5-welzijn"],
}

SECTORGROEPEN = [
    (1, "welzijn", "Welzijn", "Jongerenwerk, wijkteams en voorzieningen vanuit de Wmo."),
    (
        2,
        "jeugdhulp",
        "Jeugdhulp en jeugdgezondheidszorg",
        "Jeugd- en opvoedhulp, jeugd-ggz, jeugd-lvb, jeugdbescherming, jeugdreclassering "
        "en jeugdgezondheidszorg.",
    ),
    (
        3,
        "werk-inkomen",
        "Werk en inkomen, RMC en leerplicht",
        "Gemeentelijke diensten voor werk en inkomen, het RMC en leerplicht.",
    ),
    (4, "onderwijs", "Onderwijs", "Praktijkonderwijs, voortgezet speciaal onderwijs en mbo."),
]
