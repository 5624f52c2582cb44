"""Whatever arrives in the agenda's query string or in a registration POST, the answer
is a 200, 302, 400 or 403, never a 500, and nothing is half-saved: a stored
registration always has a clean name, a lower-case e-mail address and a place that
matches the counter."""

from urllib.parse import urlencode

import pytest
from django.core import mail
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agenda.factories import make_event
from agenda.models import EventSeats, Registration

pytestmark = pytest.mark.django_db

FUZZ = settings(
    deadline=None,
    derandomize=True,  # the same examples on every run, so CI is reproducible
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
ANY_CHAR = st.characters(exclude_categories=("Cs",))
ODD = ["\x00", "\x1b", "\u202e", "\ufeff", "😀", "=HYPERLINK(1)", "<script>", "' OR 1=1 --",
       "webinar", "werksessie", "leercirkel", "", " ", "9" * 400]  # fmt: skip
text = st.one_of(st.text(ANY_CHAR, max_size=60), st.sampled_from(ODD))
long_text = st.builds(lambda piece, n: (piece * n)[:n], text, st.integers(1, 6000))
value = st.one_of(text, text, long_text)
NAMES = ["soort", "pagina", "soort[]", "q", "aangemeld", "csrfmiddlewaretoken"]


@st.composite
def query(draw):
    params = [(name, draw(value)) for name in draw(st.lists(st.sampled_from(NAMES), max_size=5))]
    return draw(st.permutations(params))


def test_agenda_get_parameters_never_break_the_page(client, index):
    make_event(index, "Komende werksessie", kind="werksessie")
    make_event(index, "Geweest", days=-3)

    @settings(FUZZ, max_examples=80)
    @given(params=query())
    def run(params):
        response = client.get(f"/agenda/?{urlencode(params)}")
        assert response.status_code == 200

    run()


EMAILS = st.one_of(
    st.emails().map(str),
    st.sampled_from(["A@B.NL", "a@b", "@x.nl", "x@", "a b@c.nl", "ü@ü.nl", "a@b.nl\n", ""]),
    text,
)


def test_registration_post_never_500_and_never_half_saved(client, index):
    event = make_event(index, "Drukke leercirkel", capacity=3)

    @settings(FUZZ, max_examples=120)
    @given(
        name=value,
        email=EMAILS,
        organisation=value,
        website=st.one_of(st.just(""), st.just(""), text),
        extra=query(),
    )
    def run(name, email, organisation, website, extra):
        cache.clear()  # the registration rate limit is tested on its own
        data = [("name", name), ("email", email), ("organisation", organisation)]
        data += [("website", website), *extra]
        body = urlencode(data)
        response = client.post(event.url, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code in (302, 400), response.status_code
        if response.status_code == 400:
            assert "nog niet verstuurd" in response.content.decode()

    run()
    stored = Registration.objects.filter(event=event)
    assert stored.exists()  # the fuzz also reached the happy path
    confirmed = stored.filter(status="bevestigd").count()
    assert confirmed == EventSeats.objects.get(event=event).taken <= 3
    for registration in stored:
        assert registration.name.strip() and "\x00" not in registration.name
        assert registration.email == registration.email.lower()
    assert len(mail.outbox) == stored.count()
