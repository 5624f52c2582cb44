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
def all_regions(db):
    """Every Dutch region from the real file, as the data migration loads it outside the
    tests (the test settings switch that off: REGIONS_LOAD_ON_MIGRATE)."""
    from leernetwerk.taxonomy import regions
    from leernetwerk.taxonomy.models import Herindeling, Regio

    regions.load(regions.read(), Regio, Herindeling)
    return Regio.objects.all()


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


def _totp(secret, at=None):
    """The current TOTP code for ``secret`` (RFC 6238, 30 s, 6 digits), as an app shows it."""
    import base64
    import hashlib
    import hmac
    import struct
    import time

    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{number:06d}"


@pytest.fixture
def totp_code():
    return _totp
