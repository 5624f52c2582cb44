"""Fixtures shared by every test folder. App-specific fixtures live in tests/<app>/conftest.py."""

from io import BytesIO

import pytest

from leernetwerk.core.factories import UserFactory, make_home


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def superuser(db):
    return UserFactory(username="beheerder", is_staff=True, is_superuser=True)


@pytest.fixture
def tagged_pdf():
    """Read a PDF: check it is tagged (PDF/UA: structure tree, marked content, language)
    and return its text, for assertions on what it says."""
    from pypdf import PdfReader

    def read(content):
        assert content.startswith(b"%PDF")
        reader = PdfReader(BytesIO(content))
        catalog = reader.trailer["/Root"]
        assert "/StructTreeRoot" in catalog, "PDF is not tagged"
        assert bool(catalog["/MarkInfo"]["/Marked"])
        assert catalog["/Lang"] == "nl"
        assert reader.metadata.title, "PDF/UA needs a document title"
        return "\n".join(page.extract_text() for page in reader.pages)

    return read


def pytest_collection_modifyitems(config, items):
    # Browser tests are marked by folder so nobody forgets the marker.
    for item in items:
        if "/tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


def pytest_sessionfinish(session, exitstatus):
    # In CI a skipped test (for instance the browser suite without Chromium) is a failure.
    import os

    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") and skipped and exitstatus == 0:
        reporter.write_line(f"CI: {len(skipped)} test(s) skipped; failing the run.", red=True)
        session.exitstatus = 1
