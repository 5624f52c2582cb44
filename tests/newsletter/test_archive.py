"""The public archive (only sent issues, newest first, paginated, constant queries), an
issue on the web, the RSS feed, and the CMS preview in both modes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from newsletter.models import NewsletterIssue

pytestmark = pytest.mark.django_db


def make_sent(make_issue, count, items=0):
    issues = [make_issue(f"Verzonden {n}", items=items, sent=True) for n in range(count)]
    for n, issue in enumerate(issues):
        NewsletterIssue.objects.filter(pk=issue.pk).update(
            sent_at=timezone.now() - timedelta(days=30 * n)
        )
    return issues


def test_archive_lists_only_sent_issues_newest_first(client, make_issue):
    make_sent(make_issue, 3)
    draft = make_issue("Concept van volgende maand", items=0)
    response = client.get("/nieuwsbrief/archief/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Concept van volgende maand" not in html
    positions = [html.index(f"Verzonden {n}<") for n in range(3)]
    assert positions == sorted(positions)
    assert client.get(f"/nieuwsbrief/archief/{draft.pk}/").status_code == 404


def test_archive_is_paginated(client, make_issue):
    make_sent(make_issue, 12)
    first = client.get("/nieuwsbrief/archief/").content.decode()
    assert "Verzonden 9<" in first and "Verzonden 10<" not in first
    assert "Pagina 1 van 2" in first
    second = client.get("/nieuwsbrief/archief/?pagina=2").content.decode()
    assert "Verzonden 11<" in second
    assert client.get("/nieuwsbrief/archief/?pagina=x").status_code == 200
    assert client.get("/nieuwsbrief/archief/?pagina=99").status_code == 200


def test_empty_archive_says_so(client):
    assert (
        "Er is nog geen nieuwsbrief verstuurd."
        in client.get("/nieuwsbrief/archief/").content.decode()
    )


def test_archive_queries_do_not_grow_with_issues(client, make_issue, django_assert_max_num_queries):
    make_sent(make_issue, 2)
    with django_assert_max_num_queries(20) as few:
        client.get("/nieuwsbrief/archief/")
    make_sent(make_issue, 8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/nieuwsbrief/archief/")


def test_an_issue_reads_on_the_web(client, make_issue):
    (issue,) = make_sent(make_issue, 1, items=3)
    response = client.get(f"/nieuwsbrief/archief/{issue.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Verzonden 0</h1>" in html
    assert "Dit is de inleiding over de aanpak 16-27." in html
    for n in range(3):
        assert f"Nieuwsbericht {n}</a>" in html
        assert f"Korte inleiding van bericht {n}." in html
    assert "2 januari 2024" in html  # the news page's own date


def test_issue_queries_do_not_grow_with_items(client, make_issue, django_assert_max_num_queries):
    (few_items,) = make_sent(make_issue, 1, items=2)
    (many_items,) = make_sent(make_issue, 1, items=12)
    with django_assert_max_num_queries(30) as few:
        client.get(f"/nieuwsbrief/archief/{few_items.pk}/")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/nieuwsbrief/archief/{many_items.pk}/")


def test_unpublished_items_are_left_out(make_issue):
    issue = make_issue(items=2)
    first = issue.resolved_items()[0]
    page = NewsletterIssue.objects.get(pk=issue.pk).items[0].value
    page.unpublish()
    titles = [item.title for item in issue.resolved_items()]
    assert first.title not in titles and len(titles) == 1


def test_rss_feed_lists_sent_issues(client, make_issue):
    make_sent(make_issue, 2)
    make_issue("Nog een concept")
    response = client.get("/nieuwsbrief/archief/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "Verzonden 0" in body and "Verzonden 1" in body
    assert "Nog een concept" not in body
    assert "/nieuwsbrief/archief/" in body
    # Announced in the head of every page (FEEDS), the archive's own included.
    head = client.get("/nieuwsbrief/archief/").content.decode().split("</head>")[0]
    assert 'title="Nieuwsbrieven van Leernetwerk 16-27" href="/nieuwsbrief/archief/rss/"' in head
    assert '<meta property="og:title" content="Archief van de nieuwsbrief">' in head


@pytest.mark.parametrize(("mode", "marker"), [("", "nog niet verzonden"), ("email", "Afmelden")])
def test_preview_in_both_modes(issue, rf, superuser, mode, marker):
    request = rf.get("/")
    request.user = superuser
    response = issue.make_preview_request(request, mode)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nieuwsbrief maart" in html and "Nieuwsbericht 1" in html
    assert marker in html


def test_cms_preview_view(client, issue, redactie):
    client.force_login(redactie)
    url = f"/cms/snippets/newsletter/newsletterissue/preview/{issue.pk}/"
    data = {
        "subject": "Voorbeeldonderwerp",
        "intro": '{"blocks":[{"key":"a","type":"unstyled","text":"Hallo","depth":0,'
        '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "items-count": "0",
    }
    assert client.post(url, data).json()["is_valid"] is True
    response = client.get(url + "?mode=email")
    assert response.status_code == 200
    assert "Voorbeeldonderwerp" in response.content.decode()
