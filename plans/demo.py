"""Demo content: the two shipped templates (eight levensgebieden and Big 5)."""

from leernetwerk.core.demo import rich, upsert_page
from leernetwerk.taxonomy.models import Levensgebied

from .models import ToekomstplanIndexPage, ToekomstplanTemplatePage

PROMPTS = {
    "werk": ["Heb je nu werk of een stage?", "Wat voor werk past bij jou?"],
    "scholing": ["Welke opleiding doe je of wil je doen?", "Wat heb je nodig om die af te maken?"],
    "inkomen": ["Waar leef je nu van?", "Heb je schulden of zorgen over geld?"],
    "wonen": ["Waar woon je nu en hoe bevalt dat?", "Waar wil je over een paar jaar wonen?"],
    "vrienden": ["Met wie ga je graag om?", "Bij wie kun je terecht als het tegenzit?"],
    "relaties": ["Hoe gaat het met je familie?", "Wie is belangrijk voor je?"],
    "vrije-tijd": ["Wat doe je graag in je vrije tijd?", "Wat zou je nog willen proberen?"],
    "zorg": ["Hoe gaat het met je gezondheid?", "Welke hulp krijg je nu, en helpt die?"],
    "big5-steun": ["Wie staan er om je heen?", "Wie wil je er nog bij hebben?"],
    "big5-wonen": ["Waar woon je nu?", "Wat is er nodig om prettig te wonen?"],
    "big5-school-werk": ["Wat doe je overdag?", "Welke opleiding of baan wil je?"],
    "big5-inkomen": ["Waar leef je van?", "Lukt het om rond te komen?"],
    "big5-welzijn": ["Hoe voel je je?", "Wat geeft je energie?"],
}

CHECKLIST_18 = [
    "DigiD aangevraagd",
    "Zorgverzekering afgesloten en zorgtoeslag aangevraagd",
    "Eigen bankrekening geopend",
    "Inkomen geregeld (studiefinanciering via DUO, loon of uitkering)",
    "Besproken of een mentor of bewindvoerder nodig is",
    "Nagegaan welke zorg na je 18e doorloopt en welke indicaties verlengd moeten worden",
]


def _sections(scheme):
    domains = Levensgebied.objects.filter(scheme=scheme).order_by("sort_order", "name")
    sections = [
        (
            "free_questions",
            {
                "title": "Mijn dromen",
                "questions": [
                    "Waar word je blij van?",
                    "Hoe ziet je leven er over vijf jaar uit?",
                ],
            },
        ),
        (
            "network_map",
            {
                "title": "Mijn steuncirkel",
                "intro": "Zet de mensen die jou helpen in kringen: hoe dichterbij, hoe "
                "belangrijker.",
                "circles": ["Familie", "Vrienden", "School of werk", "Professionals"],
            },
        ),
    ]
    for domain in domains:
        sections.append(
            (
                "levensgebied",
                {
                    "levensgebied": domain,
                    "intro": "",
                    "prompts": PROMPTS.get(domain.slug, ["Hoe gaat het nu?"]),
                },
            )
        )
    sections += [
        (
            "risks_safety",
            {
                "title": "Risico's en veiligheid",
                "intro": "Wat kan er misgaan, en wat spreken we af als dat gebeurt?",
                "prompts": [
                    "Wat zijn signalen dat het minder goed gaat?",
                    "Wie bel je dan, en wat doet die persoon?",
                ],
            },
        ),
        ("checklist_18", {"title": "Checklist 18 jaar", "items": CHECKLIST_18}),
    ]
    return sections


TEMPLATES = [
    (
        "acht-levensgebieden",
        "Toekomstplan: acht levensgebieden",
        ToekomstplanTemplatePage.Scheme.LEVENSGEBIEDEN,
        "Het complete plan langs alle acht levensgebieden, van werk en school tot zorg. "
        "Gebruik het samen met de jongere, in diens eigen woorden.",
    ),
    (
        "big-5",
        "Toekomstplan: Big 5",
        ToekomstplanTemplatePage.Scheme.BIG5,
        "Dezelfde aanpak in vijf brede gebieden, voor regio's die met de Big 5 werken.",
    ),
]


def load(home, log):
    index = ToekomstplanIndexPage.objects.descendant_of(home).first()
    if index is None:
        log("Geen toekomstplan-sectie gevonden; sjablonen overgeslagen.")
        return
    for slug, title, scheme, intro in TEMPLATES:
        upsert_page(
            index,
            ToekomstplanTemplatePage,
            slug,
            title=title,
            intro=rich(intro),
            listing_summary=intro,
            scheme=scheme,
            sections=_sections(scheme),
        )
    log(f"Toekomstplan: {len(TEMPLATES)} sjablonen klaar.")
