"""Demo news, written for this platform from the programme's public facts."""

import datetime

from leernetwerk.core.demo import paragraph_body, upsert_page

from .models import NewsIndexPage, NewsPage

NEWS = [
    {
        "slug": "oproep-pilots-2018",
        "title": "Oproep: regio's gezocht voor pilots 16-27",
        "date": datetime.date(2018, 9, 3),
        "intro": "Tot en met 15 oktober konden regio's zich aanmelden voor een pilot. "
        "Voorwaarde: minstens twee sectoren werken samen.",
        "body": "Het ministerie zocht regio's die de ondersteuning van jongeren rond hun 18e "
        "sluitend willen maken. Een aanmelding telde alleen mee als organisaties uit "
        "minstens twee van de vier sectorgroepen samen optrekken, bijvoorbeeld een "
        "wijkteam met het mbo, of jeugdhulp met de afdeling werk en inkomen.\n\n"
        "De aanmeldperiode liep van begin september tot en met 15 oktober 2018. "
        "Geselecteerde regio's krijgen ondersteuning bij een gezamenlijke analyse en "
        "een plan van aanpak op maat.",
        "tags": ["pilots", "aanmelden", "samenwerking"],
    },
    {
        "slug": "tweede-leercirkel",
        "title": "Tweede leercirkel: vijf pilots gaan van start",
        "date": datetime.date(2018, 11, 22),
        "intro": "Op 22 november 2018 kwamen de pilotregio's bij elkaar. Vijf van de acht "
        "pilots begonnen die dag officieel.",
        "body": "In de tweede leercirkel deelden de regio's hun eerste ervaringen en "
        "vragen. Wat betekent het om één plan te maken dat na het 18e jaar gewoon "
        "doorloopt? En hoe houd je de jongere zelf aan het stuur?\n\n"
        "Een van de pilots, 'Werken met een toekomstplan', telt zes trajecten "
        "verspreid over het land. NJi en Movisie begeleiden deze trajecten in 2019.",
        "tags": ["leercirkel", "toekomstplan", "pilots"],
    },
    {
        "slug": "toekomstgericht-werken-drie-regios",
        "title": "Drie regio's werken toekomstgericht",
        "date": datetime.date(2020, 3, 2),
        "intro": "Midden-Holland, Lekstroom en Leiden gaan met NJi en OZJ aan de slag met "
        "toekomstgericht werken.",
        "body": "In Midden-Holland staan jongeren van 16 jaar en ouder centraal die uit "
        "een residentiële voorziening vertrekken; hun eigen plan is het vertrekpunt "
        "voor de Big 5. Lekstroom bouwt aan een sluitende keten voor jongeren van "
        "14 tot 23 jaar met (kans op) uithuisplaatsing.\n\n"
        "Leiden verankert de visie in de integrale toegang: die houdt de regie en "
        "stelt vanaf 16 jaar een toekomst- of ondersteuningsplan op.",
        "tags": ["toekomstgericht werken", "regio's", "Big 5"],
    },
    {
        "slug": "werksessies-vol",
        "title": "Werksessies opnieuw volgeboekt",
        "date": datetime.date(2019, 6, 14),
        "intro": "De werksessies over de zoekperiode van vier weken en de kostendelersnorm "
        "zaten binnen een week vol.",
        "body": "Professionals willen vooral weten hoe ze regels zo toepassen dat een "
        "jongere niet tussen wal en schip valt. In de werksessies werken ze met "
        "casussen uit hun eigen praktijk.\n\n"
        "Door de grote belangstelling komen er extra data bij.",
        "tags": ["werksessie", "participatiewet"],
    },
]


def load(home, log):
    index = NewsIndexPage.objects.child_of(home).first()
    for item in NEWS:
        page = upsert_page(
            index,
            NewsPage,
            item["slug"],
            title=item["title"],
            date=item["date"],
            intro=item["intro"],
            body=paragraph_body(item["body"]),
        )
        page.tags.set(item["tags"])
        page.save_revision().publish()
    log(f"Nieuws: {len(NEWS)} berichten.")
