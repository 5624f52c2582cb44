"""Demo content helpers and the site skeleton: home page, sections, navigation.

Every ``load_demo`` step is idempotent: pages are found by slug under their parent
and updated, never duplicated. Apps add their own content in ``<app>/demo.py``
with a ``load(home, log)`` function (see the load_demo command).
"""

import datetime
import secrets
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from .hooks import SITE_SECTIONS, collect
from .models import (
    AccessibilityStatementPage,
    FooterLink,
    HomePage,
    InfoPage,
    MainMenuItem,
    NavigationSettings,
    PrivacyStatementPage,
    TrustSettings,
)


def upsert_page(parent, model, slug, **fields):
    """Create or update the child of ``parent`` with ``slug`` and publish it."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        page = existing.specific
        if not isinstance(page, model):
            raise TypeError(f"{page.url_path} is {type(page).__name__}, not {model.__name__}")
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        return page
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def local_password(filename, make=lambda: secrets.token_urlsafe(12)):
    """A password (or other secret: ``make``) for a local demo account, generated once
    and kept in var/ (mode 600)."""
    secret_file = settings.VAR_DIR / filename
    password = secret_file.read_text().strip() if secret_file.exists() else ""
    if not password:
        password = make()
        secret_file.write_text(password + "\n")
        secret_file.chmod(0o600)
    return password


def rich(text):
    """Paragraphs separated by blank lines as rich-text HTML."""
    return "".join(f"<p>{para.strip()}</p>" for para in text.strip().split("\n\n"))


def paragraph_body(text):
    return [("paragraph", RichText(rich(text)))]


def load_home():
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is not None:
        return home
    # Wagtail's placeholder "Welcome" page holds the slug "home"; move it aside first.
    placeholder = root.get_children().filter(slug="home").first()
    if placeholder is not None:
        placeholder.slug = "welkom-placeholder"
        placeholder.save()
    home = HomePage(
        title="Leernetwerk 16-27",
        slug="home",
        intro="Samen leren wat werkt voor jongeren van 16 tot 27",
        lead=rich(
            "Het leernetwerk brengt professionals, pilotregio's en jongeren samen. "
            "Zoek lessen uit de praktijk, gebruik de hulpmiddelen en werk samen aan "
            "één toekomstplan per jongere."
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            site_name="Leernetwerk 16-27",
            is_default_site=True,
        )
    else:
        site.root_page = home
        site.site_name = "Leernetwerk 16-27"
        site.save()
    if placeholder is not None and placeholder.get_children_count() == 0:
        placeholder.delete()
    return home


def align_site_with_base_url():
    """Absolute links (feeds, sitemap, og:url, mail) come from the Site record: give the
    demo site the host and port it is served on (WAGTAILADMIN_BASE_URL), not localhost:80.
    A production site sets its own in the CMS (Instellingen > Sites)."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if not base.hostname:
        return
    port = base.port or (443 if base.scheme == "https" else 80)
    Site.objects.filter(is_default_site=True).update(hostname=base.hostname, port=port)


def load_sections(home):
    """The sections apps register (``SITE_SECTIONS``), in menu order, keyed by slug."""
    sections = {}
    for section in sorted(collect(SITE_SECTIONS), key=lambda section: section.menu_order):
        model = apps.get_model(section.model)
        page = upsert_page(
            home, model, section.slug, title=section.title, intro=rich(section.intro)
        )
        sections[section.slug] = page
    return sections


def load_navigation(home, sections):
    site = Site.objects.get(root_page=home)
    nav = NavigationSettings.for_site(site)
    nav.footer_text = rich(
        "Het Leernetwerk 16-27 is een platform van de landelijke aanpak voor kwetsbare "
        "jongeren, met het Nederlands Jeugdinstituut, Movisie en OZJ."
    )
    nav.main_menu.set([MainMenuItem(link_page=page) for page in sections.values()])
    footer = [
        FooterLink(link_url="/zoeken/", label="Zoeken"),
        FooterLink(link_url="/sitemap.xml", label="Sitemap"),
    ]
    if "nieuws" in sections:
        footer.append(FooterLink(link_page=sections["nieuws"], label="Nieuws"))
    nav.footer_links.set(footer)
    nav.save()


# --- Trust pages (issue 15) -------------------------------------------------------------

PRIVACY_TEXT = """
Op dit platform werk je samen aan kennis over jongeren van 16 tot 27 jaar. Sommige
onderdelen, vooral het toekomstplan, bevatten persoonsgegevens en soms gegevens over
gezondheid. Hier lees je welke gegevens we bewaren, waarom, hoe lang en wat je rechten zijn.

Voor een account bewaren we je naam, e-mailadres, organisatie, functie en regio. Die
gebruiken we om je te laten inloggen, om je als professional goed te keuren en om je
berichten over je account te sturen. We delen ze met niemand buiten het platform.

Een toekomstplan is van de jongere. Alleen mensen die de eigenaar persoonlijk uitnodigt,
kunnen het zien. Elke keer dat iemand een plan bekijkt of wijzigt, leggen we dat vast in
een toegangslog. De eigenaar kan dat log inzien, het plan downloaden en het laten wissen.

Een afgesloten plan wissen we na de bewaartermijn. Een plan waarin lange tijd niets
gebeurt, sluiten we na een waarschuwing aan de eigenaar. Het toegangslog bewaren we
vijf jaar, zoals de regels voor zorggegevens vragen.

Ben je jonger dan 16 jaar? Dan is voor een toekomstplan ook toestemming nodig van je
ouder of voogd.

Je hebt recht op inzage, correctie en verwijdering van je gegevens. Je gegevens download
je op je accountpagina; daar kun je je account ook verwijderen. Heb je een vraag of een
klacht? Neem contact met ons op. Je kunt ook een klacht indienen bij de Autoriteit
Persoonsgegevens.
"""

CONTACT_TEXT = """
Heb je een vraag over het leernetwerk, een les die je wilt delen of een probleem met je
account? Stuur een e-mail naar de redactie via leernetwerk@example.org. We reageren
binnen vijf werkdagen.

Gaat het om de privacy van een toekomstplan of wil je een datalek melden? Zet dan
'privacy' in de onderwerpregel; die berichten behandelen we met voorrang.
"""

COLOFON_TEXT = """
Het Leernetwerk 16-27 is een platform van de landelijke aanpak voor kwetsbare jongeren van
16 tot 27 jaar. De inhoud komt van professionals, pilotregio's, jongeren met
ervaringskennis en de redactie.

Redactie en beheer: de samenwerkende kennisinstituten van de aanpak. Techniek: gebouwd
met Wagtail en Django, open source. De demo-inhoud van deze site is verzonnen.
"""


def load_trust_pages(home):
    """Privacy statement, accessibility statement, contact and colofon, linked in the footer."""
    privacy = upsert_page(
        home,
        PrivacyStatementPage,
        "privacy",
        title="Privacyverklaring",
        version="2026-1",
        effective_from=datetime.date(2026, 1, 1),
        intro=rich("Zo gaan we om met je gegevens."),
        body=paragraph_body(PRIVACY_TEXT),
    )
    accessibility = upsert_page(
        home,
        AccessibilityStatementPage,
        "toegankelijkheid",
        title="Toegankelijkheidsverklaring",
        organisation="Leernetwerk 16-27",
        status=AccessibilityStatementPage.Status.B,
        statement_date=datetime.date(2026, 1, 15),
        scope=rich("Deze verklaring geldt voor alle pagina's van het Leernetwerk 16-27."),
        research=rich(
            "Elke paginasoort wordt bij elke wijziging automatisch getoetst met axe-core op "
            "WCAG 2.1 A en AA, en met het toetsenbord doorlopen. Een onderzoek door een "
            "onafhankelijke partij is gepland."
        ),
        known_issues=rich(
            "De grafieken bij persona's zijn afbeeldingen; dezelfde cijfers staan in een "
            "tabel eronder. De PDF-bestanden zijn nog niet volledig getagd."
        ),
        contact=rich(
            "Loop je tegen een probleem aan? Meld het via de contactpagina. We reageren binnen "
            "vijf werkdagen. Ben je niet tevreden met de reactie, dan kun je je wenden tot de "
            "Nationale ombudsman."
        ),
    )
    contact = upsert_page(
        home, InfoPage, "contact", title="Contact", body=paragraph_body(CONTACT_TEXT)
    )
    colofon = upsert_page(
        home, InfoPage, "colofon", title="Colofon", body=paragraph_body(COLOFON_TEXT)
    )
    site = Site.objects.get(root_page=home)
    trust = TrustSettings.for_site(site)
    trust.privacy_page, trust.accessibility_page = privacy, accessibility
    trust.contact_page, trust.colofon_page = contact, colofon
    trust.save()
    return {"privacy": privacy, "toegankelijkheid": accessibility, "contact": contact}
