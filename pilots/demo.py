"""Demo pilots: the six toekomstplan trajectories (2018-2019), the persona pilot, the three
"Toekomstgericht werken" regions (2020-2021) with progress updates, and the 2018 call."""

import datetime
from decimal import Decimal

from wagtail.models import Page

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
    StartfotoCijfer,
    StartfotoDoel,
    StartfotoEigenaar,
    VoortgangsberichtPage,
)
from .models.pages import STARTED_AT_TYPE
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

# The structured startfoto of each pilot. Every figure is illustrative: made up for the
# demo, in plausible proportions, and labelled so on the page.
ILLUSTRATIEF = "Illustratief demo-cijfer"
STARTFOTO_NOTE = "De cijfers in deze startfoto zijn voor de demo bedacht en niet echt gemeten."

# slug: dict(date, measurement, figures [(indicator, value, unit, reference date, source)],
#            goals [(goal, target, target date)], owners [(organisation, role)], text)
STARTFOTOS = {
    "team-12-venlo": {
        "date": D(2019, 1, 24),
        "measurement": D(2019, 12, 12),
        "figures": [
            (
                "Uitstromers praktijk- en speciaal onderwijs per jaar",
                140,
                "jongeren",
                D(2018, 10, 1),
                "Schooladministraties, " + ILLUSTRATIEF.lower(),
            ),
            ("Een jaar na uitstroom met betaald werk", 38, "%", D(2018, 10, 1), ILLUSTRATIEF),
            ("Uitstromers met problematische schulden", 21, "%", D(2018, 12, 1), ILLUSTRATIEF),
        ],
        "goals": [
            (
                "Meer jongeren houden werk na school",
                "55% heeft een jaar na uitstroom werk",
                D(2019, 12, 31),
            ),
            (
                "Begeleiding start vóór de laatste schooldag",
                "Alle uitstromers hebben een toekomstplan in hun laatste schooljaar",
                D(2019, 7, 1),
            ),
        ],
        "owners": [
            ("MEE", "Trekker van Team 12 en eigenaar van de plannen"),
            ("Gemeente Venlo", "Houdt de cijfers over werk en uitkering bij"),
        ],
        "text": "Uit de startfoto bleek dat jongeren na het praktijkonderwijs vaak binnen een "
        "half jaar hun eerste baan kwijtraken, meestal door problemen buiten het werk.",
    },
    "yoin-lindenhout-amv": {
        "date": D(2019, 2, 7),
        "measurement": D(2019, 11, 28),
        "figures": [
            (
                "Jonge statushouders van 16 tot 21 in begeleiding",
                85,
                "jongeren",
                D(2019, 1, 1),
                ILLUSTRATIEF,
            ),
            ("Bij 18 jaar zonder eigen woonruimte", 46, "%", D(2019, 1, 1), ILLUSTRATIEF),
            (
                "Gemiddelde wachttijd op een taalplek in het mbo",
                9,
                "weken",
                D(2019, 1, 1),
                ILLUSTRATIEF,
            ),
        ],
        "goals": [
            (
                "Geen breuk in begeleiding bij 18 jaar",
                "90% houdt na de 18e verjaardag dezelfde mentor",
                D(2019, 12, 31),
            ),
            (
                "Woonruimte geregeld vóór 18 jaar",
                "Bij 75% is de woonplek drie maanden voor de verjaardag bekend",
                D(2019, 12, 31),
            ),
        ],
        "owners": [
            ("Yoin", "Mentoren en de toekomstplannen"),
            ("Gemeente Arnhem", "Inkomen en woonruimte vanaf 18 jaar"),
        ],
        "text": "De startfoto liet zien dat de verjaardag van 18 jaar voor deze jongeren samenvalt "
        "met een verhuizing, een nieuwe begeleider en een nieuwe inkomensbron tegelijk.",
    },
    "proeftuin-noord-veluwe": {
        "date": D(2019, 1, 17),
        "measurement": D(2019, 10, 31),
        "figures": [
            (
                "Jongeren van 16 tot 27 met ondersteuning uit twee of meer domeinen",
                610,
                "jongeren",
                D(2018, 12, 31),
                ILLUSTRATIEF,
            ),
            (
                "Gemeenten met een eigen werkwijze voor 18-min/18-plus",
                6,
                "van de 6",
                D(2018, 12, 31),
                ILLUSTRATIEF,
            ),
        ],
        "goals": [
            (
                "Eén regionale werkwijze",
                "Alle zes gemeenten werken met hetzelfde toekomstplan",
                D(2019, 12, 31),
            ),
            (
                "Afspraken over maatwerk",
                "Een door de zes colleges vastgestelde lijst van regels "
                "die soepel mogen worden toegepast",
                D(2019, 9, 30),
            ),
        ],
        "owners": [
            ("Sociale teams Noord-Veluwe", "Coördinatie van de toekomstplannen"),
            ("Regionaal Meld- en Coördinatiepunt", "Monitoring van voortijdig schoolverlaten"),
        ],
        "text": "Elke gemeente in de regio bleek de overgang naar 18 jaar anders te regelen. Een "
        "jongere die verhuisde binnen de regio begon daardoor vaak opnieuw.",
    },
    "rivierenland-sluitende-aanpak": {
        "date": D(2019, 2, 14),
        "measurement": D(2019, 12, 5),
        "figures": [
            (
                "Voortijdig schoolverlaters in beeld bij het RMC",
                420,
                "jongeren",
                D(2018, 10, 1),
                "RMC-registratie, " + ILLUSTRATIEF.lower(),
            ),
            ("Van hen zonder bekende begeleiding", 31, "%", D(2018, 10, 1), ILLUSTRATIEF),
            (
                "Onderbroken jeugdhulptrajecten rond 18 jaar",
                64,
                "trajecten",
                D(2018, 12, 31),
                ILLUSTRATIEF,
            ),
        ],
        "goals": [
            (
                "Niemand uit het zicht",
                "Voor elke jongere op de lijst is binnen vier weken een "
                "partij benoemd die het plan bewaakt",
                D(2019, 12, 31),
            ),
            (
                "Minder onderbroken hulp",
                "Het aantal onderbroken trajecten is gehalveerd",
                D(2020, 6, 30),
            ),
        ],
        "owners": [
            ("Leerplicht en RMC Rivierenland", "Beheert het gezamenlijke overzicht"),
            ("Jeugdhulpaanbieders in de regio", "Doorlopende begeleiding na 18 jaar"),
        ],
        "text": "De partners hadden elk hun eigen lijst. Pas bij het naast elkaar leggen van de "
        "lijsten werd zichtbaar hoeveel jongeren bij niemand in beeld waren.",
    },
    "hengelo-vroeg-beginnen": {
        "date": D(2019, 1, 31),
        "measurement": D(2019, 11, 14),
        "figures": [
            (
                "Jongeren in de jeugdhulp die binnen twee jaar 18 worden",
                175,
                "jongeren",
                D(2019, 1, 1),
                ILLUSTRATIEF,
            ),
            ("Met een gesprek over de toekomst vóór hun 17e", 12, "%", D(2019, 1, 1), ILLUSTRATIEF),
        ],
        "goals": [
            ("Vroeg beginnen", "70% heeft op de 17e verjaardag een toekomstplan", D(2019, 12, 31)),
            (
                "Volwassen ondersteuning aan tafel",
                "Bij elk plan is de latere Wmo- of werkconsulent bekend",
                D(2019, 12, 31),
            ),
        ],
        "owners": [
            ("Wijkteams gemeente Hengelo", "Regie op het plan"),
            ("Jeugdhulp Twente", "Start het gesprek bij 16 jaar"),
        ],
        "text": "Het gesprek over de toekomst begon meestal pas een paar maanden voor de 18e "
        "verjaardag, te laat om woonruimte of een opleiding te regelen.",
    },
    "auriga-dordrecht": {
        "date": D(2019, 3, 7),
        "measurement": D(2019, 12, 19),
        "figures": [
            (
                "Jongeren met een lvb en ondersteuning uit meer dan één wet",
                230,
                "jongeren",
                D(2019, 1, 1),
                ILLUSTRATIEF,
            ),
            (
                "Gemiddeld aantal losse indicaties per jongere",
                2.6,
                "indicaties",
                D(2019, 1, 1),
                ILLUSTRATIEF,
            ),
        ],
        "goals": [
            (
                "Eén oplossing in plaats van losse indicaties",
                "Bij 40 jongeren is één gezamenlijk arrangement afgesproken",
                D(2019, 12, 31),
            ),
        ],
        "owners": [
            ("'s Heeren Loo, locatie Auriga", "Casusregie"),
            ("Sociaal team Dordrecht", "Afstemming met de Wmo"),
            ("Leerwerkloket Zuid-Holland Zuid", "Werk en scholing in het arrangement"),
        ],
        "text": "De meeste jongeren kregen hulp op grond van twee of drie wetten, elk met een "
        "eigen plan, een eigen loket en een eigen einddatum.",
    },
    "werken-met-personas": {
        "date": D(2019, 2, 1),
        "measurement": D(2019, 12, 1),
        "figures": [
            ("Pilotgemeenten die meedoen", 4, "gemeenten", D(2019, 2, 1), ILLUSTRATIEF),
            ("Gesprekken met jongeren gepland", 60, "gesprekken", D(2019, 2, 1), ILLUSTRATIEF),
        ],
        "goals": [
            (
                "Herkenbare persona's",
                "Zestien persona's, door jongeren herkend als echt",
                D(2019, 9, 30),
            ),
            (
                "Gebruik in beleid",
                "In elke pilotgemeente is minstens één beleidsstuk met de persona's getoetst",
                D(2019, 12, 31),
            ),
        ],
        "owners": [("Movisie", "Ontwikkeling en begeleiding van de pilot")],
        "text": "Bij de start was er geen gedeeld beeld van wie de kwetsbare jongeren zijn: "
        "elke organisatie beschreef ze vanuit de eigen regeling.",
    },
    "midden-holland": {
        "date": D(2020, 11, 10),
        "measurement": D(2021, 11, 9),
        "figures": [
            (
                "Jongeren die per jaar de residentiële jeugdhulp verlaten",
                95,
                "jongeren",
                D(2020, 9, 1),
                ILLUSTRATIEF,
            ),
            ("Vertrek zonder geregelde woonruimte", 42, "%", D(2020, 9, 1), ILLUSTRATIEF),
            ("Vertrek zonder geregeld inkomen", 35, "%", D(2020, 9, 1), ILLUSTRATIEF),
        ],
        "goals": [
            (
                "Wonen geregeld bij vertrek",
                "Hooguit 15% vertrekt zonder woonruimte",
                D(2021, 12, 31),
            ),
            (
                "Inkomen geregeld bij vertrek",
                "Iedereen heeft op de dag van vertrek een inkomen of een lopende aanvraag",
                D(2021, 12, 31),
            ),
        ],
        "owners": [
            ("Aanbieders van residentiële jeugdhulp", "Begeleiding bij vertrek"),
            ("Werkplein Midden-Holland", "Inkomen en werk"),
        ],
        "text": "Wonen en inkomen ontbraken het vaakst op de dag dat een jongere de voorziening "
        "verliet; daar begint het plan van aanpak.",
    },
    "lekstroom": {
        "date": D(2020, 10, 15),
        "measurement": D(2021, 6, 15),
        "figures": [
            (
                "Jongeren van 14 tot 23 met een (dreigende) uithuisplaatsing",
                130,
                "jongeren",
                D(2020, 9, 1),
                ILLUSTRATIEF,
            ),
            ("Wisselt van begeleider rond 18 jaar", 58, "%", D(2020, 9, 1), ILLUSTRATIEF),
        ],
        "goals": [
            (
                "Eén plan in de keten",
                "Acht partners tekenen afspraken over één plan per jongere",
                D(2020, 12, 31),
            ),
            (
                "Contact blijft na 18",
                "Minder dan 25% wisselt van begeleider rond 18 jaar",
                D(2021, 12, 31),
            ),
        ],
        "owners": [
            ("Jeugdbescherming en jeugdhulp Lekstroom", "Trekker van de ketenaanpak"),
            ("Leerplicht en RMC Lekstroom", "Cijfers over school en startkwalificatie"),
        ],
        "text": "De keten bleek vooral rond de 18e verjaardag te haperen: dan wisselden "
        "begeleider, regeling en plan tegelijk.",
    },
    "leiden-integrale-toegang": {
        "date": D(2020, 10, 1),
        "measurement": D(2021, 10, 1),
        "figures": [
            (
                "Jongeren vanaf 16 jaar in beeld bij de integrale toegang",
                780,
                "jongeren",
                D(2020, 9, 1),
                ILLUSTRATIEF,
            ),
            (
                "Met een plan dat over alle levensgebieden gaat",
                18,
                "%",
                D(2020, 9, 1),
                ILLUSTRATIEF,
            ),
        ],
        "goals": [
            (
                "Regie bij de toegang",
                "De procesregie vanaf 16 jaar is vastgelegd in de werkinstructie",
                D(2020, 12, 31),
            ),
            (
                "Plannen over de hele toekomst",
                "60% van de jongeren heeft een toekomst- of ondersteuningsplan",
                D(2021, 12, 31),
            ),
        ],
        "owners": [
            ("Integrale toegang gemeente Leiden", "Procesregie"),
            ("Werk en inkomen Holland Rijnland", "Werk en inkomen in het plan"),
        ],
        "text": "Jongeren hadden vaak meerdere plannen naast elkaar, elk voor één levensgebied; "
        "niemand overzag het geheel.",
    },
}
# The five pilots that started at the second learning circle (learning's demo SESSIONS).
STARTED_AT_SESSION = "tweede-leercirkel-2018"
STARTED_THERE = [
    "team-12-venlo",
    "yoin-lindenhout-amv",
    "proeftuin-noord-veluwe",
    "rivierenland-sluitende-aanpak",
    "hengelo-vroeg-beginnen",
]
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


def _startfoto_fields(slug):
    spec = STARTFOTOS[slug]
    return {
        "startfoto_date": spec["date"],
        "measurement_date": spec["measurement"],
        "startfoto": paragraph_body(spec["text"] + "\n\n" + STARTFOTO_NOTE),
        "baseline_figures": [
            StartfotoCijfer(
                indicator=indicator,
                value=Decimal(str(value)),
                unit=unit,
                reference_date=reference_date,
                source=source,
                sort_order=i,
            )
            for i, (indicator, value, unit, reference_date, source) in enumerate(spec["figures"])
        ],
        "startfoto_goals": [
            StartfotoDoel(goal=goal, target=target, target_date=target_date, sort_order=i)
            for i, (goal, target, target_date) in enumerate(spec["goals"])
        ],
        "startfoto_owners": [
            StartfotoEigenaar(organisation=organisation, role=role, sort_order=i)
            for i, (organisation, role) in enumerate(spec["owners"])
        ],
    }


def _started_at_session():
    """The learning circle where five pilots started, when the kennisbank demo made it."""
    return (
        Page.objects.filter(
            slug=STARTED_AT_SESSION,
            content_type__app_label=STARTED_AT_TYPE[0],
            content_type__model=STARTED_AT_TYPE[1],
        )
        .order_by("path")
        .first()
    )


def _pilot_fields(slug, spec, programmas, regions, sectors, doelgroepen):
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
        **_startfoto_fields(slug),
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

    session = _started_at_session()
    pilots = {}
    for slug, spec in PILOTS.items():
        fields = _pilot_fields(slug, spec, programmas, regions, sectors, doelgroepen)
        fields["started_at"] = session if slug in STARTED_THERE else None
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
