"""Demo pilots: the six toekomstplan trajectories (2018-2019), the persona pilot, the three
"Toekomstgericht werken" regions (2020-2021) with progress updates, and the 2018 call."""

import datetime

from leernetwerk.core.demo import paragraph_body, rich, upsert_page
from leernetwerk.taxonomy.demo import demo_regions
from leernetwerk.taxonomy.models import Doelgroep, SectorGroep

from .models import (
    Leerpunt,
    PilotIndexPage,
    PilotOproepPage,
    PilotOrganisatie,
    PilotPage,
    Programma,
    RegioRedactie,
    VoortgangsberichtPage,
)
from .permissions import ensure_pilot_workflow

PROGRAMMAS = [
    (
        "werken-met-een-toekomstplan",
        "Werken met een toekomstplan",
        "Regio's die met jongeren één plan maken voor alle levensgebieden.",
    ),
    (
        "werken-met-personas",
        "Werken met persona's",
        "Herkenbare jongeren als hulpmiddel om beleid en praktijk te toetsen.",
    ),
    (
        "toekomstgericht-werken",
        "Toekomstgericht werken",
        "Regio's die hun werkwijze richten op de toekomst van de jongere, niet op de leeftijd.",
    ),
]

D = datetime.date
TOEKOMSTPLAN = {
    "programma": "werken-met-een-toekomstplan",
    "start_date": D(2018, 11, 22),
    "end_date": D(2019, 12, 31),
}

# slug: (title, regions, organisations [(name, sector slug, role)], goal, target group,
#        approach, extra fields)
PILOTS = {
    "team-12-venlo": dict(
        title="Team 12 Venlo: van school naar werk",
        regions=["venlo"],
        organisations=[
            ("MEE", "welzijn", "Trajectbegeleiding door Team 12"),
            ("Gemeente Venlo, werk en inkomen", "werk-inkomen", "Werkgeversbenadering"),
            ("Praktijkonderwijs in Venlo", "onderwijs", "Warme overdracht bij uitstroom"),
        ],
        goal="Jongeren met een opeenstapeling van problemen helpen om na school een plek op "
        "de arbeidsmarkt te vinden en te houden.",
        target_group="Jongeren die het praktijk- of speciaal onderwijs verlaten en bij wie "
        "schulden, wonen of gezondheid de stap naar werk in de weg staan.",
        approach="Eén vaste begeleider van Team 12 maakt met de jongere een toekomstplan dat "
        "al in het laatste schooljaar begint en na de overstap naar werk doorloopt.",
        doelgroepen=["jongeren-uit-het-praktijk-en-speciaal-onderwijs"],
        **TOEKOMSTPLAN,
    ),
    "yoin-lindenhout-amv": dict(
        title="Yoin-Lindenhout: toekomstplan voor jonge statushouders",
        regions=["arnhem", "apeldoorn"],
        organisations=[
            ("Yoin", "jeugdhulp", "Begeleid wonen voor AMV"),
            ("Lindenhout", "jeugdhulp", "Jeugdhulp en pleegzorg"),
            ("Gemeente Arnhem, werk en inkomen", "werk-inkomen", "Inkomen vanaf 18 jaar"),
            ("Mbo-college in Arnhem", "onderwijs", "Taal en beroepsopleiding"),
        ],
        goal="Alleenstaande minderjarige vreemdelingen een plan geven dat doorloopt als hun "
        "begeleiding op 18-jarige leeftijd verandert.",
        target_group="Jongeren die zonder ouders naar Nederland kwamen en een verblijfsstatus "
        "hebben, in Arnhem, Apeldoorn en omliggende gemeenten.",
        approach="Mentor en jongere schrijven samen het toekomstplan, in de taal van de "
        "jongere waar dat helpt, en betrekken vanaf 17 jaar de gemeente bij inkomen en wonen.",
        doelgroepen=["alleenstaande-minderjarige-vreemdelingen-amv"],
        **TOEKOMSTPLAN,
    ),
    "proeftuin-noord-veluwe": dict(
        title="Proeftuin 16-27 Noord-Veluwe",
        regions=["noord-veluwe"],
        organisations=[
            ("Jongerenwerk Noord-Veluwe", "welzijn", "Contact met jongeren op straat"),
            ("Sociale teams van de zes gemeenten", "welzijn", "Toegang tot ondersteuning"),
            ("Regionaal Meld- en Coördinatiepunt", "werk-inkomen", "Voortijdig schoolverlaters"),
        ],
        goal="Eén regionale werkwijze voor jongeren van 16 tot 27, ongeacht in welke gemeente "
        "zij wonen.",
        target_group="Kwetsbare jongeren in de zes gemeenten van de Noord-Veluwe.",
        approach="De gemeenten leggen vast wie het toekomstplan coördineert en spreken af "
        "welke regels zij samen soepel toepassen als een plan daarom vraagt.",
        **TOEKOMSTPLAN,
    ),
    "rivierenland-sluitende-aanpak": dict(
        title="Rivierenland: een sluitende aanpak",
        regions=["rivierenland"],
        organisations=[
            ("Leerplicht en RMC Rivierenland", "werk-inkomen", "Signaleren van uitval"),
            ("Jeugdhulpaanbieders in de regio", "jeugdhulp", "Doorlopende begeleiding"),
            ("Mbo-instelling in Tiel", "onderwijs", "Begeleiding op school"),
        ],
        goal="Geen jongere uit het zicht verliezen tussen school, hulp en werk.",
        target_group="Jongeren zonder startkwalificatie of met een onderbroken hulpverlening.",
        approach="Een gezamenlijk overzicht van jongeren die dreigen uit te vallen, met per "
        "jongere één partij die het plan bewaakt.",
        doelgroepen=["jongeren-zonder-startkwalificatie"],
        **TOEKOMSTPLAN,
    ),
    "hengelo-vroeg-beginnen": dict(
        title="Hengelo: vroeg beginnen met een toekomstplan",
        regions=["hengelo"],
        organisations=[
            ("Gemeente Hengelo, wijkteams", "welzijn", "Regie op het plan"),
            ("Jeugdhulp Twente", "jeugdhulp", "Voorbereiden op 18+"),
        ],
        goal="Al vanaf 16 jaar werken aan het toekomstplan, zodat de overgang naar 18 jaar "
        "geen breuk wordt.",
        target_group="Jongeren in de jeugdhulp die binnen twee jaar meerderjarig worden.",
        approach="Op de zestiende verjaardag start het gesprek over de toekomst, met de "
        "jongere, het netwerk en de latere volwassen ondersteuning aan tafel.",
        doelgroepen=["jongeren-die-de-jeugdhulp-verlaten"],
        **TOEKOMSTPLAN,
    ),
    "auriga-dordrecht": dict(
        title="'s Heeren Loo Auriga Dordrecht: domeinoverstijgend werken",
        regions=["dordrecht", "zuid-holland-zuid"],
        organisations=[
            ("'s Heeren Loo, locatie Auriga", "jeugdhulp", "Jeugd-lvb"),
            ("Sociaal team Dordrecht", "welzijn", "Wmo-ondersteuning"),
            ("Leerwerkloket Zuid-Holland Zuid", "werk-inkomen", "Begeleiding naar werk"),
        ],
        goal="Ondersteuning organiseren vanuit het perspectief van de jongere, over de grenzen "
        "van wetten en domeinen heen.",
        target_group="Jongeren met een licht verstandelijke beperking in jeugdzorgregio "
        "Zuid-Holland Zuid.",
        approach="Per jongere zoeken de betrokken domeinen samen naar één passende oplossing "
        "in plaats van losse indicaties.",
        doelgroepen=["jongeren-met-een-licht-verstandelijke-beperking"],
        **TOEKOMSTPLAN,
    ),
    "werken-met-personas": {
        "title": "Werken met persona's",
        "regions": [],
        "organisations": [
            ("Movisie", "welzijn", "Ontwikkeling en begeleiding"),
            ("Jongerenwerk in de pilotgemeenten", "welzijn", "Gesprekken met jongeren"),
            ("Mbo-instellingen in de pilotgemeenten", "onderwijs", "Deelname van studenten"),
        ],
        "goal": "Zestien persona's maken die laten zien hoe verschillend de situaties van "
        "kwetsbare jongeren zijn, als hulpmiddel voor beleid en uitvoering.",
        "target_group": "Professionals en beleidsmakers die werken voor jongeren van 16 tot 27.",
        "approach": "Samen met jongeren uit pilotgemeenten zijn verhalen verzameld en gebundeld "
        "tot herkenbare personen, aangevuld met cijfers over hun aantal per regio.",
        "programma": "werken-met-personas",
        "start_date": D(2019, 1, 1),
        "end_date": D(2019, 12, 31),
    },
    "midden-holland": {
        "title": "Midden-Holland: toekomstgericht werken na verblijf",
        "regions": ["midden-holland"],
        "organisations": [
            ("Aanbieders van residentiële jeugdhulp", "jeugdhulp", "Begeleiding bij vertrek"),
            ("Gemeenten in Midden-Holland, Wmo", "welzijn", "Wonen en begeleiding na 18"),
            ("Werkplein Midden-Holland", "werk-inkomen", "Inkomen en werk"),
        ],
        "goal": "Jongeren die uit een residentiële voorziening vertrekken een stabiele start "
        "geven op alle levensgebieden.",
        "target_group": "Jongeren van 16 jaar en ouder die de residentiële jeugdhulp verlaten.",
        "approach": "Het plan van de jongere zelf is het vertrekpunt; de regio brengt daarin de "
        "Big 5 in kaart en spreekt af wie waarvoor zorgt.",
        "doelgroepen": ["jongeren-die-de-jeugdhulp-verlaten"],
        "programma": "toekomstgericht-werken",
        "start_date": D(2020, 9, 1),
        "end_date": D(2021, 12, 31),
    },
    "lekstroom": {
        "title": "Lekstroom: een integrale ketenaanpak",
        "regions": ["lekstroom"],
        "organisations": [
            ("Jeugdbescherming en jeugdhulp Lekstroom", "jeugdhulp", "Uithuisplaatsing"),
            ("Sociaal makelaars en jongerenwerk", "welzijn", "Netwerk en vrije tijd"),
            ("Leerplicht en RMC Lekstroom", "werk-inkomen", "School en startkwalificatie"),
            ("Voortgezet speciaal onderwijs in de regio", "onderwijs", "Onderwijs op maat"),
        ],
        "goal": "Eén ketenaanpak voor jongeren van 14 tot 23 jaar die uit huis geplaatst zijn of "
        "dreigen te worden, met de nadruk op 16 tot 23 jaar.",
        "target_group": "Jongeren met een (dreigende) uithuisplaatsing in de Lekstroomgemeenten.",
        "approach": "Partners in de keten werken met één gezamenlijk plan en vaste afspraken over "
        "wie het contact houdt als de jongere 18 wordt.",
        "programma": "toekomstgericht-werken",
        "start_date": D(2020, 9, 1),
        "end_date": D(2021, 12, 31),
    },
    "leiden-integrale-toegang": {
        "title": "Leiden: de visie verankerd in de integrale toegang",
        "regions": ["leiden"],
        "organisations": [
            ("Integrale toegang gemeente Leiden", "welzijn", "Procesregie"),
            ("Jeugd- en gezinsteams Leiden", "jeugdhulp", "Ondersteuning tot 18 jaar"),
            ("Werk en inkomen Holland Rijnland", "werk-inkomen", "Inkomen en werk"),
        ],
        "goal": "De toekomstgerichte visie vastleggen in de manier waarop de toegang werkt.",
        "target_group": "Alle jongeren vanaf 16 jaar die bij de integrale toegang in beeld zijn.",
        "approach": "De integrale toegang houdt de procesregie en stelt vanaf 16 jaar samen met de "
        "jongere een toekomst- of ondersteuningsplan op.",
        "programma": "toekomstgericht-werken",
        "start_date": D(2020, 9, 1),
        "end_date": D(2021, 12, 31),
    },
}

STARTFOTO = (
    "In een gezamenlijke bijeenkomst brachten de partners in kaart hoeveel jongeren het "
    "betreft, welke voorzieningen er zijn en waar jongeren nu tussen wal en schip vallen.\n\n"
    "De regio koos op basis daarvan twee speerpunten voor het eerste jaar."
)
PLAN = (
    "Het plan van aanpak beschrijft per speerpunt wat er gebeurt, wie trekker is en hoe de "
    "regio meet of het werkt. Jongeren denken mee via een klankbordgroep."
)

# pilot slug: [(slug, title, date, phase, intro, [(lesson title, lesson text)])]
UPDATES = {
    "midden-holland": [
        (
            "startfoto-gereed",
            "Startfoto gereed: waar het misgaat bij vertrek",
            D(2020, 11, 10),
            "startfoto",
            "De startfoto laat zien dat wonen en inkomen bij vertrek het vaakst ontbreken.",
            [
                (
                    "Begin de planning voor wonen een jaar voor vertrek",
                    "Wachtlijsten voor woonruimte zijn lang; wie pas bij 18 begint, is te laat.",
                )
            ],
        ),
        (
            "eerste-jongeren-met-big5",
            "Eerste jongeren werken met de Big 5",
            D(2021, 4, 20),
            "uitvoering",
            "Twaalf jongeren hebben hun eigen plan langs de Big 5 besproken met hun netwerk.",
            [
                (
                    "Laat de jongere het plan zelf presenteren",
                    "Jongeren die hun plan zelf toelichten, voelen zich er meer eigenaar van.",
                ),
                ("Steun en netwerk verdient een eigen gesprek", ""),
            ],
        ),
    ],
    "lekstroom": [
        (
            "ketenpartners-tekenen",
            "Ketenpartners tekenen samenwerkingsafspraken",
            D(2020, 12, 3),
            "plan-van-aanpak",
            "Acht organisaties hebben afgesproken met één plan per jongere te werken.",
            [
                (
                    "Maak één partij verantwoordelijk voor het contact na 18",
                    "Zonder vaste contactpersoon valt het contact na de verjaardag vaak weg.",
                )
            ],
        ),
        (
            "tussenbalans-2021",
            "Tussenbalans: minder breuken rond 18 jaar",
            D(2021, 6, 15),
            "evaluatie",
            "Bij de tussenbalans hadden de meeste jongeren na hun achttiende nog dezelfde "
            "begeleider.",
            [("Bespreek de overgang al vanaf 16 jaar", "")],
        ),
    ],
    "leiden-integrale-toegang": [
        (
            "procesregie-belegd",
            "Procesregie belegd bij de integrale toegang",
            D(2020, 10, 28),
            "voorbereiding",
            "De gemeente heeft vastgelegd dat de integrale toegang de regie houdt vanaf 16 jaar.",
            [
                (
                    "Leg de regie vast voordat je met plannen begint",
                    "Onduidelijkheid over de regie kostte in het begin veel overleg.",
                )
            ],
        ),
        (
            "eerste-toekomstplannen-leiden",
            "De eerste toekomstplannen zijn opgesteld",
            D(2021, 3, 9),
            "uitvoering",
            "Consulenten maakten de eerste plannen samen met jongeren en hun ouders.",
            [
                (
                    "Gebruik de woorden van de jongere",
                    "Plannen in de eigen woorden van de jongere worden beter gelezen en gebruikt.",
                )
            ],
        ),
    ],
}


def _pilot_fields(spec, programmas, regions, sectors, doelgroepen):
    spec = dict(spec)
    orgs = spec.pop("organisations")
    return {
        **spec,
        "programma": programmas[spec["programma"]],
        "regions": [regions[slug] for slug in spec["regions"]],
        "doelgroepen": [doelgroepen[slug] for slug in spec.pop("doelgroepen", [])],
        "organisations": [
            PilotOrganisatie(name=name, sector=sectors[sector], role=role, sort_order=i)
            for i, (name, sector, role) in enumerate(orgs)
        ],
        "goal": rich(spec["goal"]),
        "target_group": rich(spec["target_group"]),
        "approach": rich(spec["approach"]),
        "listing_summary": spec["goal"],
        "status": spec.get("status", ""),  # the period decides (2018-2021: afgerond)
        "startfoto": paragraph_body(STARTFOTO),
        "plan_van_aanpak": paragraph_body(PLAN),
        "contact_name": "Redactie Leernetwerk 16-27",
        "contact_email": "pilots@example.org",
    }


def load(home, log):
    index = PilotIndexPage.objects.child_of(home).first()
    if index is None:
        log("Pilots: geen pilotoverzicht gevonden, overgeslagen.")
        return
    programmas = {}
    for slug, name, description in PROGRAMMAS:
        programmas[slug], _ = Programma.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
    regions = demo_regions()
    sectors = {s.slug: s for s in SectorGroep.objects.all()}
    doelgroepen = {d.slug: d for d in Doelgroep.objects.all()}

    for slug in ("midden-holland", "lekstroom", "leiden"):
        if slug in regions:
            RegioRedactie.objects.get_or_create(regio=regions[slug])

    pilots = {}
    for slug, spec in PILOTS.items():
        fields = _pilot_fields(spec, programmas, regions, sectors, doelgroepen)
        pilots[slug] = upsert_page(index, PilotPage, slug, **fields)
    count = 0
    for pilot_slug, updates in UPDATES.items():
        for slug, title, date, phase, intro, lessons in updates:
            upsert_page(
                pilots[pilot_slug],
                VoortgangsberichtPage,
                slug,
                title=title,
                date=date,
                phase=phase,
                intro=intro,
                body=paragraph_body(intro),
                leerpunten=[
                    # Lessons with an explanation also go to the kennisbank as a Les.
                    Leerpunt(title=lt, text=text, sort_order=i, create_les=bool(text))
                    for i, (lt, text) in enumerate(lessons)
                ],
            )
            count += 1

    upsert_page(
        index,
        PilotOproepPage,
        "oproep-2018",
        title="Oproep 2018: word pilotregio",
        opens_on=D(2018, 9, 3),
        closes_on=D(2018, 10, 15),
        intro=rich(
            "Het ministerie zocht regio's die samen met jongeren nieuwe werkwijzen willen "
            "uitproberen voor de overgang naar volwassenheid."
        ),
        body=paragraph_body(
            "Een aanmelding komt van een gemeente of regio en telt organisaties uit ten minste "
            "twee verschillende sectorgroepen, bijvoorbeeld jongerenwerk en het mbo.\n\n"
            "Geselecteerde regio's krijgen ondersteuning bij een startfoto en een plan van "
            "aanpak op maat, en nemen deel aan de leercirkels."
        ),
        confirmation_text=rich("Bedankt! We nemen na de sluitingsdatum contact met u op."),
    )
    ensure_pilot_workflow(index)
    log(f"Pilots: {len(pilots)} pilots, {count} voortgangsberichten en 1 oproep.")
