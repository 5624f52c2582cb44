"""Playwright against Debian's Chromium and a live Django server.

pytest-playwright cannot point --browser-channel at /usr/bin/chromium, so the
launch arguments are overridden here. Outside CI a missing Chromium skips these
tests with a reason; in CI (CI=true) it fails the run, as a skipped suite must.
"""

import importlib.util
import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

# Loaded by path: the suite runs in importlib mode, where tests/ is not a package.
_spec = importlib.util.spec_from_file_location(
    "html_validator", Path(__file__).with_name("html_validator.py")
)
html_validator = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(html_validator)

# Playwright's sync API runs an event loop in the test thread; the database calls made
# by fixtures in that thread are still synchronous, so Django's guard is lifted here only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        message = f"Chromium niet gevonden op {CHROMIUM}; draai scripts/ensure-chromium."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core (WCAG 2.1 A/AA rules) on the page and fail with the violations listed."""

    def check(page):
        results = axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
            },
        )
        violations = results.response["violations"]
        assert not violations, results.generate_report()

    return check


@pytest.fixture(scope="session")
def html_checker():
    """One Nu Html Checker per test session (its JVM is slow to start)."""
    reason = html_validator.missing_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    checker = html_validator.HtmlChecker()
    yield checker
    checker.stop()


class _HtmlValidation:
    """``assert_valid_html(page)``: validate the HTML the server sent for the page now shown
    (zero checker errors). The source is checked, not the browser's DOM: the DOM is already
    repaired (an unescaped "<" or a misplaced element no longer shows there). Pages other
    than the test's own ``page`` are registered first with ``assert_valid_html.watch(p)``.
    """

    def __init__(self, checker):
        self.checker = checker
        self.documents = {}

    def watch(self, page):
        def remember(response):
            if response.request.is_navigation_request() and response.frame == page.main_frame:
                if not 300 <= response.status < 400:
                    self.documents[page] = response

        page.on("response", remember)
        return page

    def __call__(self, page):
        response = self.documents.get(page)
        assert response is not None, "Geen document geladen om te valideren (watch vergeten?)."
        errors = self.checker.errors(response.text())
        assert not errors, html_validator.report(errors, response.url)


@pytest.fixture
def assert_valid_html(page, html_checker):
    validation = _HtmlValidation(html_checker)
    validation.watch(page)
    return validation


@pytest.fixture
def demo_site(transactional_db):
    """The full demo content (load_demo) in the live-server database."""
    from django.core.management import call_command

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def pilots_demo(transactional_db):
    """The pilots' demo and what it builds on (regions, the kennisbank for their lessons)."""
    from django.core.management import call_command

    call_command(
        "load_demo",
        only=["leernetwerk.taxonomy", "leernetwerk.news", "learning", "pilots"],
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )


@pytest.fixture
def site_skeleton(transactional_db):
    """Page tree, navigation, taxonomy and news only: much faster than the full demo."""
    from django.core.management import call_command

    call_command(
        "load_demo", only=["leernetwerk.taxonomy", "leernetwerk.news"], stdout=open(os.devnull, "w")
    )  # noqa: SIM115


_SERIALIZED = {}


@pytest.fixture(autouse=True)
def _restorable_test_database(django_db_setup, django_db_blocker):
    """Keep serialized_rollback working once Playwright runs.

    Playwright's event loop makes Django hand this thread another connection object
    than the one pytest-django serialised the test database on, so after the first
    live-server test flushes the database nothing was restored (no root page, no
    seeded vocabulary). Serialise once, while the migrated data is still there, and
    give it to whichever connection object is in use.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        if "default" not in _SERIALIZED:
            _SERIALIZED["default"] = (
                getattr(connection, "_test_serialized_contents", None)
                or connection.creation.serialize_db_to_string()
            )
        connection._test_serialized_contents = _SERIALIZED["default"]


@pytest.fixture
def fill_application():
    """Fill in the pilot application form of the page that is open: the region as
    typed, a contact, the programme "Toekomstgericht werken", a motivation and two
    organisations as (name, sector label)."""

    def fill(page, *, regio, name, email, motivation, organisations):
        page.fill("#id_regio", regio)  # typed: the datalist only suggests
        page.fill("#id_contact_name", name)
        page.fill("#id_contact_email", email)
        page.select_option("#id_programma", label="Toekomstgericht werken")
        page.fill("#id_motivation", motivation)
        for n, (organisation, sector) in enumerate(organisations):
            page.fill(f"#id_org-{n}-name", organisation)
            page.select_option(f"#id_org-{n}-sector", label=sector)

    return fill
