"""Every page type fits a phone (320 and 390 px) and a tablet (768 px) without sideways
scrolling; at 320 px it also passes axe and the Nu Html Checker, and its controls are at
least 24 by 24 px.
One test function per group of pages, so the live-server database is built once per
group (each test function rebuilds it)."""

import datetime
import os

import pytest
from django.core.management import call_command
from django.urls import reverse

# Playwright's sync API runs an event loop in this thread; the ORM calls in the
# fixtures are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (320, 390, 768)
PASSWORD = "geheim-wachtwoord-123"

PUBLIC_PAGES = [
    "/",
    "/kennisbank/",
    "/kennisbank/?q=toekomstplan",
    "/kennisbank/tweede-leercirkel-2018/",
    "/kennisbank/begin-het-toekomstplan-op-je-zestiende/",
    "/kennisbank/richtlijn-toekomstplan-vanaf-16/",
    "/zoeken/?q=wonen",
    "/nieuws/",
    "/nieuws/tweede-leercirkel/",
    "/pilots/",
    "/pilots/team-12-venlo/",
    "/pilots/midden-holland/startfoto-gereed/",
    "/pilots/oproep-nu-open/",
    "/agenda/",
    "/agenda/werksessie-toekomstplan-schrijven/",
    "/nieuwsbrief/",
    "/nieuwsbrief/archief/",
    "/personas/",
    "/personas/sanne/",
    "/hulpmiddelen/",
    "/hulpmiddelen/participatiewiel/",
    "/hulpmiddelen/arrangementenwaaier/overzicht/",
    "/hulpmiddelen/arrangementenwaaier/wonen-leren-en-werken-in-een-traject/",
    "/toekomstplan/",
    "/toekomstplan/acht-levensgebieden/",
    "/privacy/",
    "/toegankelijkheid/",
    "/contact/",
    "/colofon/",
    "/account/inloggen/",
    "/account/registreren/",
    "/account/wachtwoord/",
]

MEMBER_PAGES = [
    "/hulpmiddelen/participatiewiel/invullen/",
    "/hulpmiddelen/participatiewiel/mijn/",
    "/hulpmiddelen/participatiescan/nieuw/",
    "/hulpmiddelen/participatiescan/mijn/",
    "/hulpmiddelen/omgekeerde-toets/invullen/",
    "/hulpmiddelen/omgekeerde-toets/mijn/",
    "/toekomstplan/mijn-plannen/",
    "/account/profiel/",
    "/account/meldingen/",
]
PLAN_PAGES = [
    "",
    "bewerken/",
    "steuncirkel/",
    "acties/",
    "evaluatie/",
    "versies/",
    "delen/",
    "logboek/",
    "wissen/",
]


def _overflow(page):
    return page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth, Array.from("
        "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right"
        " > window.innerWidth + 0.5).slice(0, 3).map(e => e.tagName + '.' + e.className)]"
    )


# Controls that are not links inside running text: each at least 24 by 24 px (WCAG 2.5.8).
# The breadcrumb's last item (the page itself) is text, not a control.
TARGETS = (
    "button, select, summary, input:not([type=hidden]), .main-nav__link, .site-footer a, "
    "a.utrecht-breadcrumb-nav__link, .pagination a, .pilot-map__marker"
)


def _small_targets(page):
    return page.evaluate(
        "(selector) => Array.from(document.querySelectorAll(selector)).filter(e => {"
        " const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1"
        " && (r.width < 24 || r.height < 24); }).slice(0, 3)"
        ".map(e => e.tagName + '.' + e.className + ' ' + (e.name || e.textContent.trim()))",
        TARGETS,
    )


def _check_pages(page, base_url, paths, assert_accessible, assert_valid_html):
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in paths:
            response = page.goto(base_url + path)
            assert response.status == 200, f"{path}: {response.status}"
            scroll_width, inner_width, culprits = _overflow(page)
            if scroll_width > inner_width:
                problems.append(f"{path} op {width}px: {scroll_width} > {inner_width} {culprits}")
            if width == WIDTHS[0]:
                assert_accessible(page)
                assert_valid_html(page)
                small = _small_targets(page)
                if small:
                    problems.append(f"{path}: aanraakdoel kleiner dan 24 px: {small}")
    assert not problems, "\n".join(problems)


@pytest.fixture
def open_call(demo_site):
    from pilots.factories import make_oproep
    from pilots.models import PilotIndexPage

    today = datetime.date.today()
    day = datetime.timedelta(days=1)
    make_oproep(PilotIndexPage.objects.get(), today - day, today + day, title="Oproep nu open")


def test_public_pages_fit_phones_and_tablets(
    page, live_server, open_call, assert_accessible, assert_valid_html
):
    _check_pages(page, live_server.url, PUBLIC_PAGES, assert_accessible, assert_valid_html)


@pytest.fixture
def member_with_plan(transactional_db):
    """Toolkit and plan demo content, and a professional who owns one plan."""
    from django.contrib.auth.models import Group

    from leernetwerk.core.factories import UserFactory
    from leernetwerk.core.roles import PROFESSIONAL
    from leernetwerk.taxonomy.models import Regio
    from plans.models import ToekomstplanTemplatePage
    from plans.writes import create_plan
    from toolkit.factories import OpgeslagenWielFactory
    from toolkit.models import Scan

    call_command(
        "load_demo",
        only=["leernetwerk.taxonomy", "toolkit", "plans"],
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )
    user = UserFactory(username="olga", first_name="Olga")
    user.groups.add(Group.objects.get(name=PROFESSIONAL))
    template = ToekomstplanTemplatePage.objects.live().order_by("path").first()
    values = {"first_name": "Sam", "date_of_birth": None, "under_16": False}
    plan = create_plan(template, values, user)
    plan_url = reverse("plans:detail", kwargs={"reference": plan.reference})
    # A saved wheel and a scan of her own: their detail pages hold the charts and tables.
    wiel = OpgeslagenWielFactory(owner=user)
    regio = Regio.objects.filter(kind=Regio.Kind.ARBEIDSMARKTREGIO).first() or Regio.objects.first()
    scan = Scan.objects.create(title="Scan Olga", regio=regio, coordinator=user)
    return [plan_url + suffix for suffix in PLAN_PAGES] + [
        reverse("toolkit:wiel_detail", kwargs={"pk": wiel.pk}),
        reverse("toolkit:scan_detail", kwargs={"pk": scan.pk}),
    ]


def _login(page, base_url, username):
    page.goto(f"{base_url}/account/inloggen/")
    page.fill("#id_login", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def test_member_pages_fit_phones_and_tablets(
    page, live_server, member_with_plan, assert_accessible, assert_valid_html
):
    _login(page, live_server.url, "olga")
    paths = MEMBER_PAGES + member_with_plan
    _check_pages(page, live_server.url, paths, assert_accessible, assert_valid_html)


@pytest.fixture
def professional_world(demo_site, settings):
    """An approved professional in the full demo with what her pages show at their fullest:
    a scan with scores (results table and radar), a plan with a second version (history
    and diff) and a reaction with a long web address under a lesson."""
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from learning.models import Les
    from leernetwerk.core.factories import UserFactory
    from leernetwerk.core.roles import PROFESSIONAL
    from leernetwerk.taxonomy.models import Regio
    from plans.models import ToekomstplanTemplatePage
    from plans.writes import create_plan, save_version
    from reactions.models import Reaction
    from toolkit.models import Antwoord, Deelnemer, Scan, ScanFactor

    settings.PARTICIPATIESCAN_MIN_GROUP = 1
    user = UserFactory(username="petra", first_name="Petra", professional="goedgekeurd")
    user.groups.add(Group.objects.get(name=PROFESSIONAL))

    template = ToekomstplanTemplatePage.objects.live().order_by("path").first()
    values = {"first_name": "Sam", "date_of_birth": None, "under_16": False}
    plan = create_plan(template, values, user)

    def change_goal():
        domain = plan.domains.first()
        domain.goal = "Een bbl-plek vinden en houden, met hulp van de jobcoach"
        domain.save()

    save_version(plan, plan.version, user, change_goal)
    plan_kwargs = {"reference": plan.reference}

    regio = Regio.objects.filter(kind=Regio.Kind.ARBEIDSMARKTREGIO).first()
    scan = Scan.objects.create(title="Scan Petra", regio=regio, coordinator=user)
    deelnemer = Deelnemer.objects.create(
        scan=scan,
        email="petra@example.org",
        organisatie_type="sociale_dienst",
        user=user,
        submitted_at=timezone.now(),
    )
    for number, factor in enumerate(ScanFactor.objects.all()):
        Antwoord.objects.create(deelnemer=deelnemer, factor=factor, score=30 + number * 7 % 70)

    les = Les.objects.live().get(slug="begin-het-toekomstplan-op-je-zestiende")
    Reaction.objects.create(
        page=les,
        author=user,
        text="Wij beginnen al bij vijftien jaar: zie https://www.example.org/een/heel/lang/"
        "webadres/dat/op/een/telefoon/moet/afbreken/zonder/zijwaarts/scrollen",
    )
    return [
        "/kennisbank/les-delen/",
        "/kennisbank/mijn-inzendingen/",
        les.url,
        "/agenda/",
        "/agenda/werksessie-toekomstplan-schrijven/",
        "/account/meldingen/",
        reverse("toolkit:scan_detail", kwargs={"pk": scan.pk}),
        reverse("plans:revisions", kwargs=plan_kwargs),
        reverse("plans:diff", kwargs={**plan_kwargs, "number": plan.version}),
    ]


def test_professional_pages_fit_phones_and_tablets(
    page, live_server, professional_world, assert_accessible, assert_valid_html
):
    """Les delen, Mijn inzendingen, a lesson with its reactions, the agenda and an event
    with its registration form, the notification settings, a participatiescan's results
    and a plan's history and diff."""
    _login(page, live_server.url, "petra")
    _check_pages(page, live_server.url, professional_world, assert_accessible, assert_valid_html)
    # The pages hold what they were walked for.
    page.goto(live_server.url + professional_world[6])
    assert page.locator(".radar__chart").count() == 1
    page.goto(live_server.url + professional_world[2])
    assert page.locator(".reaction__text").count() >= 1
