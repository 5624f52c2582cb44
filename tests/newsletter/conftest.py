import datetime
import itertools

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from leernetwerk.core.factories import UserFactory, add_page
from leernetwerk.core.roles import MODERATOR, PROFESSIONAL, REDACTIE
from leernetwerk.news.models import NewsIndexPage, NewsPage
from newsletter.models import NewsletterIssue, Subscriber


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate limits count in the local-memory cache, which outlives each test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news_index(home):
    return add_page(home, NewsIndexPage, title="Nieuws", intro="Het laatste nieuws")


def add_news(index, number):
    return add_page(
        index,
        NewsPage,
        title=f"Nieuwsbericht {number}",
        date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
        intro=f"Korte inleiding van bericht {number}.",
    )


@pytest.fixture
def make_issue(news_index):
    numbers = itertools.count()

    def make(subject="Nieuwsbrief maart", items=2, sent=False, **fields):
        pages = [add_news(news_index, next(numbers)) for _ in range(items)]
        issue = NewsletterIssue.objects.create(
            subject=subject,
            intro="<p>Dit is de inleiding over de aanpak 16-27.</p>",
            items=[("pagina", page) for page in pages],
            sent_at=timezone.now() if sent else None,
            **fields,
        )
        return issue

    return make


@pytest.fixture
def issue(make_issue):
    return make_issue()


@pytest.fixture
def make_subscribers(db):
    def make(count, confirmed=True, prefix="lezer"):
        now = timezone.now()
        return [
            Subscriber.objects.create(
                email=f"{prefix}{n}@example.org",
                confirmed_at=now if confirmed else None,
                confirmation_sent_at=now,
            )
            for n in range(count)
        ]

    return make


def member_of(group_name, username):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def redactie(db):
    return member_of(REDACTIE, "redacteur")


@pytest.fixture
def moderator(db):
    return member_of(MODERATOR, "moderator")


@pytest.fixture
def professional(db):
    return member_of(PROFESSIONAL, "professional")
