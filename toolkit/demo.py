"""Demo content for the toolkit: information pages, the questions and rings of the
tools and a set of invented arrangements (load_demo; idempotent)."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model

from leernetwerk.core.demo import rich, upsert_page
from leernetwerk.core.pdf import render_pdf_bytes
from leernetwerk.taxonomy.demo import demo_region
from leernetwerk.taxonomy.models import Doelgroep, Levensgebied, SectorGroep

from .models import (
    ArrangementPage,
    Financieringsbron,
    ScanFactor,
    ScanThema,
    ToetsStap,
    ToetsVraag,
    ToolIndexPage,
    ToolPage,
    WielOnderdeel,
)

TOOLS = [
    (
        "participatiewiel",
        "Participatiewiel",
        ToolPage.Tool.PARTICIPATIEWIEL,
        "Breng in één beeld samen waar iemand naartoe werkt, wat daarvoor wordt ingezet en op "
        "welke wet dat rust.",
        "Het participatiewiel heeft drie ringen. Binnenin staan de doelen, van meer "
        "zelfredzaamheid tot betaald werk en een eigen inkomen. De middelste ring laat zien "
        "welke activiteiten bij die doelen helpen, zoals vrijwilligerswerk, een stage of "
        "ondersteunend contact. De buitenste ring toont het wettelijk kader waaronder elke "
        "activiteit valt.",
        "Gemeenten die integraal participatiebeleid maken, en professionals die met een "
        "jongere of een casus willen zien of doelen, inzet en financiering bij elkaar passen.",
        "Geef per doel een score voor de huidige situatie en vink de activiteiten aan die u "
        "inzet. Kies daarna per activiteit het wettelijk kader. Met een account slaat u het wiel "
        "op en vergelijkt u het later met een nieuwe versie: de verschillen worden gemarkeerd.",
    ),
    (
        "participatiescan",
        "Participatiescan",
        ToolPage.Tool.PARTICIPATIESCAN,
        "Breng met partners in de arbeidsmarktregio in kaart hoe de samenwerking rond "
        "kwetsbare jongeren ervoor staat, en spreek acties af.",
        "De scan telt vijftien succesfactoren in drie thema's: werkend leren en werkgevers, de "
        "jongere en de begeleiding, en samenwerking en visie. Bij elke factor hoort een "
        "normstelling die u scoort van 0 tot 100. Daarnaast geeft u een cijfer voor het "
        "algemene beeld.",
        "Arbeidsmarktregio's en hun partners: onderwijs (vso en praktijkonderwijs), sociale "
        "dienst of werkbedrijf, leerplicht en RMC, werkgevers en zorg.",
        "Een coördinator start de scan en nodigt deelnemers per e-mail uit. Ieder vult "
        "zelfstandig in. De coördinator ziet de spreiding per factor en per soort organisatie, "
        "sluit de scan af en legt per factor actiepunten vast met een trekker en een datum. "
        "Het resultaat is ook als PDF-rapport te downloaden.",
    ),
    (
        "omgekeerde-toets",
        "Omgekeerde toets",
        ToolPage.Tool.OMGEKEERDE_TOETS,
        "Neem een besluit vanuit wat iemand wil bereiken, en kijk pas daarna welke wetsartikelen "
        "daarbij helpen.",
        "Bij de omgekeerde toets begint u niet bij de regels maar bij het effect dat de jongere, "
        "samen met u, wil bereiken. In vier stappen komt u van dat effect via de bedoeling van de "
        "wet en de gevolgen van het besluit bij de juridische toets.",
        "Consulenten, wijkteammedewerkers en beleidsmedewerkers die een maatwerkbesluit willen "
        "nemen en goed willen kunnen uitleggen waarom.",
        "Doorloop de vier stappen. Zonder account bewaren we niets; uw antwoorden staan alleen in "
        "het formulier. Ingelogde professionals kunnen tussentijds opslaan. Aan het eind krijgt u "
        "een onderbouwing om af te drukken of als PDF te bewaren. Vul nooit namen, "
        "burgerservicenummers of geboortedata in.",
    ),
    (
        "arrangementenwaaier",
        "Arrangementenwaaier",
        ToolPage.Tool.ARRANGEMENTENWAAIER,
        "Voorbeelden van pakketten steun die domeinen en financiers combineren, zoals wonen, "
        "leren en werken tegelijk.",
        "Een arrangement bundelt ondersteuning uit verschillende domeinen tot één aanpak op maat. "
        "De waaier laat zien welke levensgebieden, doelgroepen, sectoren en geldstromen een "
        "arrangement samenbrengt, onder welke voorwaarden en met een voorbeeld uit de praktijk. "
        "Er bestaat nog geen openbare beschrijving van de waaier; de arrangementen hier zijn "
        "bedachte voorbeelden van de redactie.",
        "Gemeenten en regio's die werken aan de transformatie van ondersteuning voor jongeren "
        "van 16 tot 27, en professionals die op zoek zijn naar een passende combinatie.",
        "Filter de waaier op levensgebied, doelgroep, sectorgroep, financiering of regio en open "
        "een arrangement voor de voorwaarden, een voorbeeld en een contactpersoon.",
    ),
]

TOETS = [
    (
        1,
        "Het effect",
        "Wat wil de jongere bereiken? Scheid het doel van het middel en betrek het netwerk.",
        [
            ("Welk effect wil de jongere bereiken, in eigen woorden?", True),
            ("Wat is het doel en wat is alleen een middel om daar te komen?", False),
            ("Wie uit het netwerk denkt of helpt mee, en wat dragen zij bij?", False),
        ],
    ),
    (
        2,
        "De kernwaarde",
        "Valt het gewenste effect onder de reden waarom de wetten bestaan?",
        [
            ("Bij welke bedoeling van de wet(ten) past dit effect?", True),
            ("Waarom draagt het bereiken van dit effect bij aan die bedoeling?", False),
        ],
    ),
    (
        3,
        "De gevolgen van het besluit",
        "Kijk naar de korte en de lange termijn, naar de jongere en de omgeving, naar geld en "
        "naar de uitgangspunten van de gemeente.",
        [
            ("Wat zijn de gevolgen op korte termijn?", False),
            ("Wat zijn de gevolgen op lange termijn?", False),
            ("Wat betekent het besluit voor de jongere en voor de omgeving?", False),
            ("Wat zijn de financiële gevolgen?", False),
            ("Past het besluit bij de uitgangspunten van de gemeente?", True),
        ],
    ),
    (
        4,
        "De juridische toets",
        "Welke wetsartikelen gebruikt u als instrument om het effect te bereiken?",
        [
            ("Welke artikelen zet u in, en waarvoor?", True),
            ("Waar wijkt u af van de standaardregel en waarom is dat te verantwoorden?", False),
        ],
    ),
]

WIEL = {
    WielOnderdeel.Ring.DOEL: [
        "Zelfredzaamheid",
        "Sociale contacten",
        "Meedoen in de samenleving",
        "Bijdragen aan de samenleving",
        "(Werk)vaardigheden opdoen",
        "Betaald werk en eigen inkomen",
    ],
    WielOnderdeel.Ring.ACTIVITEIT: [
        "Betaald werk",
        "Vrijwilligerswerk",
        "Scholing en stage",
        "Ondersteunend contact",
        "Sociaal-recreatieve activiteiten",
        "Ondersteunende zorg",
    ],
    WielOnderdeel.Ring.KADER: [
        "Participatiewet",
        "Wmo 2015",
        "Jeugdwet",
        "Zorgverzekeringswet",
        "Schuldhulpverlening",
    ],
}

SCAN = [
    (
        "Werkend leren en werkgevers",
        [
            (
                "Leerbanen",
                "Er zijn in de regio genoeg leerbanen en stageplekken voor jongeren "
                "die het best leren in de praktijk.",
            ),
            (
                "Betrokken werkgevers",
                "Werkgevers weten wat deze jongeren nodig hebben en worden daarbij ondersteund.",
            ),
            (
                "Eén aanspreekpunt voor werkgevers",
                "Werkgevers hebben één loket voor vragen over plaatsing, subsidie en begeleiding.",
            ),
            (
                "Erkende praktijkvaardigheden",
                "Wat jongeren in de praktijk leren, wordt "
                "vastgelegd in een erkend certificaat of een praktijkverklaring.",
            ),
            ("Behoud van werk", "Na plaatsing is er nazorg, zodat jongeren hun werk ook houden."),
        ],
    ),
    (
        "De jongere en de begeleiding",
        [
            (
                "Zicht op de doelgroep",
                "Partners weten welke jongeren in de regio uit beeld "
                "dreigen te raken en waar zij zijn.",
            ),
            (
                "Warme overdracht",
                "Bij de overstap van school naar werk of vervolgonderwijs "
                "gaat de begeleiding zonder gat over naar de volgende partij.",
            ),
            ("Eigen regie", "Jongeren bepalen mee welke doelen en welke steun in hun plan komen."),
            (
                "Vaste begeleider",
                "Elke jongere heeft één vaste persoon die meegaat over de "
                "grenzen van organisaties heen.",
            ),
            (
                "Ondersteuning na 18",
                "Hulp stopt niet automatisch bij 18 jaar; de overgang naar "
                "volwassenenvoorzieningen is voorbereid.",
            ),
        ],
    ),
    (
        "Samenwerking en visie",
        [
            (
                "Gedeelde visie",
                "Partners in de regio hebben een gezamenlijk en vastgelegd beeld "
                "van wat zij voor deze jongeren willen bereiken.",
            ),
            (
                "Heldere afspraken",
                "Taken en verantwoordelijkheden tussen onderwijs, gemeente, "
                "werkgevers en zorg zijn op papier gezet en bekend.",
            ),
            (
                "Bestuurlijk draagvlak",
                "Bestuurders steunen de regionale aanpak zichtbaar en maken er middelen voor vrij.",
            ),
            (
                "Gegevens delen",
                "Partners delen binnen de regels de informatie die nodig is "
                "om jongeren te volgen en te helpen.",
            ),
            ("Samen leren", "De regio bekijkt regelmatig wat werkt en past de aanpak daarop aan."),
        ],
    ),
]

FINANCIERING = [
    ("Participatiewet", "Re-integratie, loonkostensubsidie en jobcoaching via de gemeente."),
    ("Wmo 2015", "Begeleiding, beschermd wonen en dagbesteding."),
    ("Jeugdwet", "Jeugdhulp tot 18 jaar, met verlenging tot 23 jaar in bepaalde gevallen."),
    ("Zorgverzekeringswet", "Ggz-behandeling en andere verzekerde zorg."),
    ("Onderwijsmiddelen (WEB/WVO)", "Bekostiging van mbo, praktijk- en speciaal onderwijs."),
    ("Regionale middelen voortijdig schoolverlaten", "RMC-middelen voor jongeren zonder diploma."),
]

ARRANGEMENTEN = [
    {
        "title": "Wonen, leren en werken in één traject",
        "summary": "Een kamer met begeleiding, een bbl-opleiding en een leerbaan bij een "
        "werkgever in de buurt, geregeld met één plan en één vaste begeleider.",
        "levensgebieden": ["wonen", "scholing", "werk"],
        "doelgroepen": ["Jongeren die de jeugdhulp verlaten"],
        "sectorgroepen": ["welzijn", "werk-inkomen", "onderwijs"],
        "financiering": ["Wmo 2015", "Participatiewet", "Onderwijsmiddelen (WEB/WVO)"],
        "regio": "holland-rijnland",
        "conditions": "De jongere is tussen 17 en 23 jaar en kan met begeleiding zelfstandig "
        "wonen. Gemeente, school en werkgever tekenen één samenwerkingsafspraak.",
        "example": "Een jongere die op haar 18e uit een gezinshuis vertrok, kreeg een "
        "trainingskamer, begon een bbl-opleiding in de logistiek en werkte drie dagen per week "
        "bij een regionale groothandel.",
        "contact": "Regioteam arrangementen, arrangementen@example.org",
    },
    {
        "title": "Schuldenrust met werkbegeleiding",
        "summary": "Schulden worden bevroren en geregeld terwijl de jongere met een jobcoach "
        "aan het werk gaat, zodat loon niet meteen verdwijnt.",
        "levensgebieden": ["inkomen", "werk"],
        "doelgroepen": ["Jongeren zonder startkwalificatie"],
        "sectorgroepen": ["werk-inkomen", "welzijn"],
        "financiering": ["Participatiewet", "Wmo 2015"],
        "regio": "zuid-holland-zuid",
        "conditions": "Er is een schuldenoverzicht en de jongere werkt mee aan een "
        "saneringsvoorstel. De werkgever krijgt loonkostensubsidie zolang dat nodig is.",
        "example": "Een 22-jarige met achterstanden bij zorgverzekeraar en telefoonprovider "
        "ging via een leerwerkplek aan de slag; de schulden liepen via een saneringskrediet.",
        "contact": "Werkplein, team jongeren",
    },
    {
        "title": "Terug naar school met zorg op de achtergrond",
        "summary": "Voor jongeren met psychische klachten die weer naar school willen: "
        "ggz-behandeling, een aangepast rooster en een mentor die met de behandelaar overlegt.",
        "levensgebieden": ["scholing", "zorg"],
        "doelgroepen": ["Jongeren met psychische problemen"],
        "sectorgroepen": ["jeugdhulp", "onderwijs"],
        "financiering": ["Zorgverzekeringswet", "Jeugdwet", "Onderwijsmiddelen (WEB/WVO)"],
        "regio": "",
        "conditions": "De jongere geeft toestemming voor overleg tussen school en behandelaar. "
        "De school maakt een flexibel rooster mogelijk.",
        "example": "Een 17-jarige die een jaar thuiszat door angstklachten, begon met twee "
        "ochtenden per week en bouwde in een half jaar op naar een volledig rooster.",
        "contact": "Zorgcoördinator van de mbo-school",
    },
    {
        "title": "Van dakloos naar eigen plek",
        "summary": "Direct een veilige woonplek, begeleiding bij inkomen en een route naar werk "
        "of dagbesteding, zonder eerst 'woonklaar' te hoeven zijn.",
        "levensgebieden": ["wonen", "inkomen", "vrienden"],
        "doelgroepen": ["Dak- en thuisloze jongeren"],
        "sectorgroepen": ["welzijn", "werk-inkomen"],
        "financiering": ["Wmo 2015", "Participatiewet"],
        "regio": "",
        "conditions": "De jongere heeft geen eigen woonruimte en staat ingeschreven in de regio. "
        "Een woningcorporatie stelt woningen beschikbaar.",
        "example": "Een 20-jarige die bij vrienden op de bank sliep, kreeg binnen twee weken "
        "een studio met ambulante begeleiding en een uitkering; een half jaar later volgde werk.",
        "contact": "Centrale toegang beschermd wonen",
    },
    {
        "title": "Praktijkleren na het praktijkonderwijs",
        "summary": "Een vloeiende overstap van praktijkonderwijs of vso naar werk, met een "
        "praktijkverklaring, een jobcoach en nazorg van school tot 23 jaar.",
        "levensgebieden": ["werk", "scholing"],
        "doelgroepen": [
            "Jongeren uit het praktijk- en speciaal onderwijs",
            "Jongeren met een licht verstandelijke beperking",
        ],
        "sectorgroepen": ["onderwijs", "werk-inkomen"],
        "financiering": [
            "Participatiewet",
            "Onderwijsmiddelen (WEB/WVO)",
            "Regionale middelen voortijdig schoolverlaten",
        ],
        "regio": "holland-rijnland",
        "conditions": "School en werkgeversservicepunt maken in het laatste schooljaar samen "
        "een overdrachtsplan.",
        "example": "Een leerling van het praktijkonderwijs liep stage bij een hovenier en kreeg "
        "daar na zijn diploma een contract met loonkostensubsidie.",
        "contact": "Werkgeversservicepunt",
    },
    {
        "title": "Nieuwkomers: taal, werk en netwerk",
        "summary": "Voor jongeren die zonder ouders naar Nederland kwamen: taalonderwijs, een "
        "maatje, een woonplek en een leerbaan, afgestemd in één plan.",
        "levensgebieden": ["scholing", "vrienden", "wonen", "werk"],
        "doelgroepen": ["Alleenstaande minderjarige vreemdelingen (AMV)"],
        "sectorgroepen": ["jeugdhulp", "welzijn", "onderwijs"],
        "financiering": ["Jeugdwet", "Wmo 2015", "Onderwijsmiddelen (WEB/WVO)"],
        "regio": "",
        "conditions": "De jongere heeft een verblijfsvergunning. Voogdij of mentor en gemeente "
        "stemmen af wie na het 18e jaar de regie overneemt.",
        "example": "Een 19-jarige uit Eritrea combineerde een entreeopleiding met een leerbaan "
        "in de bouw en bleef na zijn 18e bij zijn maatje uit de wijk betrokken.",
        "contact": "Team statushouders van de gemeente",
    },
]


def load(home, log):
    with transaction.atomic():
        index = ToolIndexPage.objects.child_of(home).first()
        if index is None:
            log("Hulpmiddelen: geen overzichtspagina gevonden, overgeslagen.")
            return
        pages = {}
        for slug, title, tool, intro, what, for_whom, how_to in TOOLS:
            pages[slug] = upsert_page(
                index,
                ToolPage,
                slug,
                title=title,
                tool=tool,
                intro=rich(intro),
                what=rich(what),
                for_whom=rich(for_whom),
                how_to=rich(how_to),
                listing_summary=intro,
            )
        _load_toets()
        _load_wiel()
        _load_scan()
        count = _load_arrangementen(pages["arrangementenwaaier"])
        _link_toets_laws()
        _attach_worksheets(pages)
    log(f"Hulpmiddelen: {len(TOOLS)} informatiepagina's en {count} arrangementen.")


def _load_toets():
    for number, title, explanation, questions in TOETS:
        stap, _ = ToetsStap.objects.update_or_create(
            number=number, defaults={"title": title, "explanation": explanation}
        )
        existing = {v.label: v for v in stap.vragen.all()}
        for order, (label, required) in enumerate(questions):
            vraag = existing.get(label) or ToetsVraag(stap=stap, label=label)
            vraag.required = required
            vraag.sort_order = order
            vraag.save()


def _link_toets_laws():
    # The kernwaarde (the purpose of the laws) and the juridische toets (their articles).
    laws = Financieringsbron.objects.exclude(law_url="")
    for stap in ToetsStap.objects.filter(number__in=(2, 4)):
        stap.laws.set(laws)


def _worksheet(title, intro, sections):
    """A printable blank worksheet as a Wagtail document (created once, found by title)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    content = render_pdf_bytes(
        "toolkit/werkblad_pdf.html", {"title": title, "intro": intro, "sections": sections}
    )
    document = Document(title=title)
    document.file.save(f"{slugify(title)}.pdf", ContentFile(content), save=False)
    document.save()
    return document


def _attach_worksheets(pages):
    toets = _worksheet(
        "Werkblad omgekeerde toets",
        "Om samen met de jongere en het netwerk op papier in te vullen. Schrijf geen namen, "
        "burgerservicenummers of geboortedata op.",
        [
            (f"Stap {n}: {title}", [(label, "") for label, _ in questions])
            for n, title, _, questions in TOETS
        ],
    )
    scan = _worksheet(
        "Werkblad participatiescan",
        "Geef bij elke normstelling een score van 0 (klopt helemaal niet) tot 100 (klopt "
        "volledig).",
        [(name, factors) for name, factors in SCAN],
    )
    for slug, document, description in (
        ("omgekeerde-toets", toets, "Leeg werkblad met de vier stappen, om af te drukken."),
        ("participatiescan", scan, "De vijftien normstellingen op papier, voor een groepssessie."),
    ):
        page = pages[slug]
        page.downloads = [("document", {"document": document, "description": description})]
        page.save_revision().publish()


def _load_scan():
    for order, (name, factors) in enumerate(SCAN):
        thema, _ = ScanThema.objects.update_or_create(name=name, defaults={"sort_order": order})
        existing = {f.name: f for f in thema.factoren.all()}
        for f_order, (factor_name, norm) in enumerate(factors):
            factor = existing.get(factor_name) or ScanFactor(thema=thema, name=factor_name)
            factor.norm = norm
            factor.sort_order = f_order
            factor.save()


def _load_wiel():
    for ring, names in WIEL.items():
        for order, name in enumerate(names):
            WielOnderdeel.objects.update_or_create(
                ring=ring, name=name, defaults={"sort_order": order}
            )


# The laws' identifiers in the Basiswettenbestand (BWB), for links to the current text.
WETTEN = {
    "Participatiewet": "BWBR0015703",
    "Wmo 2015": "BWBR0035362",
    "Jeugdwet": "BWBR0034925",
    "Zorgverzekeringswet": "BWBR0018450",
}


def _load_arrangementen(parent):
    bronnen = {}
    for name, description in FINANCIERING:
        law = WETTEN.get(name)
        bronnen[name], _ = Financieringsbron.objects.update_or_create(
            name=name,
            defaults={
                "description": description,
                "law_url": f"https://wetten.overheid.nl/{law}" if law else "",
            },
        )
    for data in ARRANGEMENTEN:
        regio = demo_region(data["regio"]) if data["regio"] else None
        page = upsert_page(
            parent,
            ArrangementPage,
            slugify(data["title"]),
            title=data["title"],
            summary=data["summary"],
            conditions=rich(data["conditions"]),
            example=rich(data["example"]),
            contact=data["contact"],
            regio=regio,
        )
        page.levensgebieden.set(Levensgebied.objects.filter(slug__in=data["levensgebieden"]))
        page.doelgroepen.set(Doelgroep.objects.filter(name__in=data["doelgroepen"]))
        page.sectorgroepen.set(SectorGroep.objects.filter(slug__in=data["sectorgroepen"]))
        page.financiering.set([bronnen[n] for n in data["financiering"]])
        page.save_revision().publish()
    return len(ARRANGEMENTEN)
