"""Demo content: characteristics, a generated fictional dataset and sixteen personas."""

import io
import random
from pathlib import Path

import matplotlib
from django.core.files.images import ImageFile
from django.utils.html import escape
from PIL import Image, ImageDraw, ImageFont
from wagtail.models import Page

from leernetwerk.core.demo import rich, upsert_page
from leernetwerk.images.models import CustomImage
from leernetwerk.taxonomy.demo import demo_region, demo_regions
from leernetwerk.taxonomy.models import Doelgroep, Levensgebied

from . import importer
from .demo_personas import KENMERKEN, PERSONAS
from .models import (
    Dataset,
    Kenmerk,
    PersonaIndexPage,
    PersonaPage,
    PersonaRelatedPage,
    PersonaSituation,
)
from .models.pages import PORTRAIT_CARD, PORTRAIT_PAGE

DATASET_SLUG = "fictieve-demo-cijfers"
SOURCE = "Gegenereerd voor de demo; geen echte cijfers"
# Fictional populations aged 16-27; Holland Rijnland includes Leiden.
POPULATIONS = {
    "venlo": 15200,
    "arnhem": 33100,
    "apeldoorn": 23800,
    "hengelo": 11900,
    "dordrecht": 17400,
    "leiden": 36500,
}
HOLLAND_RIJNLAND_REST = 58300
NATIONAL = 2_600_000
# Two fictional groups make the characteristics overlap as they do in practice.
GROUPS = [
    # share, probability per code in KENMERKEN order: GSQ, NEET, UITK, JH, NEZ
    (0.93, [0.05, 0.03, 0.02, 0.08, 0.12]),
    (0.07, [0.45, 0.35, 0.40, 0.45, 0.70]),
]
# Target groups per persona (taxonomy doelgroepen, by slug): with the life domains of the
# situations they decide which lessons, tools and pilots a persona shows, and where.
JH = "jongeren-die-de-jeugdhulp-verlaten"
AMV = "alleenstaande-minderjarige-vreemdelingen-amv"
GSQ = "jongeren-zonder-startkwalificatie"
LVB = "jongeren-met-een-licht-verstandelijke-beperking"
PSY = "jongeren-met-psychische-problemen"
DAK = "dak-en-thuisloze-jongeren"
PRO = "jongeren-uit-het-praktijk-en-speciaal-onderwijs"
DOELGROEPEN = {
    "Sanne": [GSQ],
    "Milan": [GSQ, JH],
    "Aya": [JH],
    "Daan": [LVB, PRO],
    "Yusuf": [AMV],
    "Lisa": [GSQ],
    "Kevin": [JH, DAK],
    "Fatima": [GSQ],
    "Jesse": [PSY],
    "Noor": [GSQ],
    "Ricardo": [DAK],
    "Emma": [GSQ],
    "Tim": [JH],
    "Sara": [JH],
    "Mohamed": [GSQ],
    "Lotte": [PSY],
}
# A few pages an editor pinned, because the persona was made for them (by slug).
PINNED = {
    "Yusuf": ["yoin-lindenhout-amv"],
    "Aya": ["midden-holland"],
    "Daan": ["auriga-dordrecht", "team-12-venlo"],
}
COLOURS = ["#0b4f8a", "#7a3b00", "#1e6b34", "#6a3d9a", "#a4161a", "#00616e"]


def load(home, log):
    kenmerken = load_kenmerken()
    dataset = load_dataset(kenmerken)
    index = PersonaIndexPage.objects.child_of(home).first()
    if index is None:
        log("Persona's: geen persona-overzicht gevonden, overgeslagen.")
        return
    index.intro = rich(
        "Zestien jongeren van 16 tot 27 jaar, elk met een eigen verhaal. Ze zijn verzonnen, "
        "maar samen met jongeren gemaakt. Kies een levensgebied of kenmerk om te filteren, "
        "en bekijk per persona hoeveel jongeren in uw regio dezelfde kenmerken hebben."
    )
    index.save_revision().publish()
    for number, data in enumerate(PERSONAS):
        load_persona(index, data, kenmerken, dataset, number)
    log(f"Persona's: {len(PERSONAS)} persona's, {len(kenmerken)} kenmerken, fictieve cijfers.")


def load_kenmerken():
    kenmerken = {}
    for code, label, definition in KENMERKEN:
        kenmerken[code], _created = Kenmerk.objects.update_or_create(
            code=code,
            defaults={
                "label": label,
                "definition": definition,
                "source": "Fictieve demo-indeling, naar de gangbare CBS-begrippen",
            },
        )
    return kenmerken


def load_dataset(kenmerken):
    dataset, _created = Dataset.objects.update_or_create(
        slug=DATASET_SLUG,
        defaults={
            "name": "Fictieve cijfers persona-kenmerken",
            "year": 2025,
            "source": SOURCE,
            "region_level": Dataset.Level.GEMENGD,
            "is_fictional": True,
        },
    )
    result = importer.validate(generate_csv(), dataset)
    if result.errors:
        raise RuntimeError(f"Demo-cijfers ongeldig: {result.errors[:3]}")
    importer.save(result, dataset)
    return dataset


def generate_csv(seed=1627):
    """A consistent, fictional CSV in the import format (same output for the same seed)."""
    codes = [code for code, _label, _definition in KENMERKEN]
    rng = random.Random(seed)
    regions = {slug: _exclusive(codes, population, rng) for slug, population in POPULATIONS.items()}
    rest = _exclusive(codes, HOLLAND_RIJNLAND_REST, rng)
    regions["holland-rijnland"] = {m: regions["leiden"][m] + rest[m] for m in rest}
    regions["NL"] = _exclusive(codes, NATIONAL, rng)
    lines = ["regio,kenmerken,aantal"]
    known = demo_regions()
    for slug, cells in regions.items():
        code = slug
        region = known.get(slug)
        if region is not None and region.cbs_code:
            code = region.cbs_code
        for mask in range(1 << len(codes)):
            # "at least these": the sum over all cells that contain the mask
            count = sum(n for m, n in cells.items() if m & mask == mask)
            combo = "+".join(codes[i] for i in range(len(codes)) if mask >> i & 1) or "totaal"
            lines.append(f"{code},{combo},{count}")
    return "\n".join(lines) + "\n"


def _exclusive(codes, population, rng):
    """Fictional counts of young people with exactly each combination (bit mask)."""
    cells = {}
    for mask in range(1, 1 << len(codes)):
        probability = 0.0
        for share, chances in GROUPS:
            p = share
            for i, chance in enumerate(chances):
                p *= chance if mask >> i & 1 else 1 - chance
            probability += p
        expected = population * probability
        cells[mask] = max(0, round(expected * rng.uniform(0.8, 1.2)))
    cells[0] = population - sum(cells.values())
    return cells


def load_persona(index, data, kenmerken, dataset, number):
    region = demo_region(data["region"])
    portrait = portrait_image(data["name"], data["age"], number)
    page = upsert_page(
        index,
        PersonaPage,
        data["name"].lower(),
        title=data["name"],
        age=data["age"],
        portrait=portrait,
        quote=data["quote"],
        story=rich(data["story"]),
        helps=_list(data["helps"]),
        does_not_help=_list(data["not_helps"]),
        region=region,
        dataset=dataset,
        listing_summary=data["quote"],
        search_description=f"{data['name']}, {data['age']} jaar: {data['quote']}",
    )
    domains = {d.slug: d for d in Levensgebied.objects.filter(slug__in=data["situations"])}
    page.situations.set(
        [
            PersonaSituation(levensgebied=domains[slug], text=text, sort_order=i)
            for i, (slug, text) in enumerate(data["situations"].items())
        ]
    )
    page.kenmerken.set([kenmerken[code] for code in data["kenmerken"]])
    page.doelgroepen.set(Doelgroep.objects.filter(slug__in=DOELGROEPEN.get(data["name"], [])))
    page.related_pages.set(_pinned(data["name"]))
    page.save_revision().publish()
    return page


def _pinned(name):
    """The pinned pages of a persona that exist (the pilots' demo loads first); the rest
    of its related pages follow from the taxonomy."""
    slugs = PINNED.get(name, [])
    pages = {page.slug: page for page in Page.objects.live().filter(slug__in=slugs)}
    return [
        PersonaRelatedPage(page=pages[slug], sort_order=i)
        for i, slug in enumerate(slugs)
        if slug in pages
    ]


def _list(items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def portrait_image(name, age, number):
    """A drawn portrait placeholder (initial on a coloured circle), reused when it exists."""
    title = f"Persona-portret {name}"
    alt = f"Getekend portret van {name} ({age}): de letter {name[0]} op een gekleurde cirkel."
    image = CustomImage.objects.filter(title=title).first()
    if image is not None:
        if image.description != alt:
            image.description = alt
            image.save(update_fields=["description"])
        return image
    image = _draw_portrait(title, alt, name, number)
    # Made now so the first visitor of the overview does not wait for sixteen renditions.
    image.get_renditions(PORTRAIT_CARD, PORTRAIT_PAGE)
    return image


def _draw_portrait(title, alt, name, number):
    size = 480
    canvas = Image.new("RGB", (size, size), "#f3f5f8")
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((24, 24, size - 24, size - 24), fill=COLOURS[number % len(COLOURS)])
    font_path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"
    font = ImageFont.truetype(str(font_path), 220)
    draw.text((size / 2, size / 2), name[0], fill="#ffffff", font=font, anchor="mm")
    out = io.BytesIO()
    canvas.save(out, format="PNG")
    image = CustomImage(title=title, description=alt, credit="Gegenereerde illustratie")
    image.file = ImageFile(io.BytesIO(out.getvalue()), name=f"persona-{name.lower()}.png")
    image.save()
    return image
