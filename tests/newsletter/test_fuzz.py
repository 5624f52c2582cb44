"""Whatever arrives at the public subscription, confirmation and unsubscribe endpoints,
the answer is a redirect, a 200, a 400 with a Dutch message or a 429, never a 500, and
no subscription changes without a valid token."""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)
emails = st.one_of(text, st.emails().map(str))
# Path segments a URL can carry: anything but "/", and never empty.
tokens = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="/?#"),
    min_size=1,
    max_size=200,
)


@pytest.fixture
def existing(db):
    return Subscriber.objects.create(email="blijft@example.org", confirmed_at="2024-01-01T00:00Z")


@FUZZ
@given(email=emails, name=text, extra=st.dictionaries(text, text, max_size=3))
def test_subscribe_never_fails(existing, email, name, extra):
    cache.clear()
    before = Subscriber.objects.count()
    response = Client().post("/nieuwsbrief/", {**extra, "email": email, "name": name})
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert "Je aanmelding is nog niet verstuurd" in response.content.decode()
        assert Subscriber.objects.count() == before
    assert Subscriber.objects.filter(pk=existing.pk, name="").exists()


@FUZZ
@given(token=tokens, post=st.booleans(), endpoint=st.sampled_from(["bevestigen", "afmelden"]))
def test_token_endpoints_never_fail(existing, token, post, endpoint):
    client = Client()
    url = f"/nieuwsbrief/{endpoint}/{quote(token, safe='')}/"
    response = client.post(url) if post else client.get(url)
    assert response.status_code in (400, 404), response.status_code
    if response.status_code == 400:
        assert "klopt niet" in response.content.decode()
    assert Subscriber.objects.filter(pk=existing.pk).exists()
