import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from leernetwerk.core.factories import UserFactory
from leernetwerk.taxonomy.models import Regio
from toolkit.factories import make_scan_factors
from toolkit.models import Actiepunt, Antwoord, Deelnemer, Scan


@pytest.fixture
def factors(db):
    return make_scan_factors()


@pytest.fixture
def regio(db):
    return Regio.objects.create(name="Rijk van Nijmegen", slug="rvn", kind="arbeidsmarktregio")


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coordinator")


def _start(client, coordinator, regio, organisatie_type="sociale_dienst"):
    client.force_login(coordinator)
    response = client.post(
        reverse("toolkit:scan_nieuw"),
        {"title": "Scan 2026", "regio": regio.pk, "organisatie_type": organisatie_type},
    )
    assert response.status_code == 302
    return Scan.objects.latest("pk")


def _scores(factors, value, algemeen=50):
    data = {f"factor_{f.pk}": value for f in factors}
    data["algemeen_beeld"] = algemeen
    return data


def _invite_and_accept(client, scan, email, organisatie_type):
    client.post(
        reverse("toolkit:scan_uitnodigen", args=[scan.pk]),
        {"email": email, "organisatie_type": organisatie_type},
    )
    link = re.search(r"https?://\S+/uitnodiging/\S+/", mail.outbox[-1].body).group(0)
    return link


def test_group_scan_with_three_participants(client, coordinator, regio, factors):
    scan = _start(client, coordinator, regio)
    invites = [
        ("school@example.org", "vso_pro", 20),
        ("werkgever@example.org", "werkgevers", 60),
        ("zorg@example.org", "zorg", 90),
    ]
    links = [_invite_and_accept(client, scan, e, t) for e, t, _ in invites]
    assert len(mail.outbox) == 3
    assert mail.outbox[0].to == ["school@example.org"]
    assert "Scan 2026" in mail.outbox[0].subject
    for (email, _, score), link in zip(invites, links, strict=True):
        participant = UserFactory(username=email.split("@")[0])
        client.force_login(participant)
        response = client.get(link)
        assert response.status_code == 302
        assert response.url == reverse("toolkit:scan_invullen", args=[scan.pk])
        form = client.get(response.url)
        assert 'type="range"' in form.content.decode()
        assert client.post(response.url, _scores(factors, score)).status_code == 302
        # a participant sees no results while the scan is open
        assert "results" not in client.get(reverse("toolkit:scan_detail", args=[scan.pk])).context
    client.force_login(coordinator)
    response = client.get(reverse("toolkit:scan_detail", args=[scan.pk]))
    row = response.context["results"]["themas"][0][1][0]
    assert row["spread"] == {"min": 20, "median": 60, "max": 90, "n": 3}
    # Three organisation types with one participant each: no breakdown at all (issue 15).
    assert row["per_type"] == []
    assert row["current"] == round((20 + 60 + 90) / 3)
    assert response.context["results"]["overall"]["median"] == 50
    assert client.post(reverse("toolkit:scan_afsluiten", args=[scan.pk])).status_code == 302
    scan.refresh_from_db()
    assert not scan.is_open
    # after closing, participants see the results but cannot change scores
    client.force_login(Deelnemer.objects.get(email="zorg@example.org").user)
    assert "results" in client.get(reverse("toolkit:scan_detail", args=[scan.pk])).context
    client.post(reverse("toolkit:scan_invullen", args=[scan.pk]), _scores(factors, 0))
    assert Antwoord.objects.filter(score=0).count() == 0


def test_scores_out_of_range_get_dutch_messages_and_nothing_is_saved(
    client, coordinator, regio, factors
):
    scan = _start(client, coordinator, regio)
    data = _scores(factors, 50)
    data[f"factor_{factors[0].pk}"] = 101
    data[f"factor_{factors[1].pk}"] = "veel"
    del data["algemeen_beeld"]
    response = client.post(reverse("toolkit:scan_invullen", args=[scan.pk]), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "De score is maximaal 100." in html
    assert "Vul een heel getal van 0 tot en met 100 in." in html
    assert "Geef een score van 0 tot en met 100." in html
    assert not Antwoord.objects.exists()


def test_new_scan_requires_an_arbeidsmarktregio(client, coordinator, factors):
    gemeente = Regio.objects.create(name="Venlo", slug="venlo", kind="gemeente")
    client.force_login(coordinator)
    response = client.post(
        reverse("toolkit:scan_nieuw"), {"title": "", "regio": gemeente.pk, "organisatie_type": "x"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Geef de scan een titel." in html
    assert "Kies een arbeidsmarktregio uit de lijst." in html
    assert "Kies een soort organisatie uit de lijst." in html
    assert not Scan.objects.exists()


def test_bad_invitations_are_refused(client, coordinator, regio, factors):
    scan = _start(client, coordinator, regio)
    url = reverse("toolkit:scan_uitnodigen", args=[scan.pk])
    response = client.post(url, {"email": "geen-adres", "organisatie_type": "zorg"})
    assert response.status_code == 400
    assert "Vul een geldig e-mailadres in" in response.content.decode()
    client.post(url, {"email": "a@example.org", "organisatie_type": "zorg"})
    response = client.post(url, {"email": "A@example.org", "organisatie_type": "zorg"})
    assert response.status_code == 400
    assert "Dit e-mailadres doet al mee aan deze scan." in response.content.decode()
    assert scan.deelnemers.count() == 2  # coordinator + one participant
    assert len(mail.outbox) == 1


def test_permissions_per_role(client, coordinator, regio, factors):
    scan = _start(client, coordinator, regio)
    link = _invite_and_accept(client, scan, "p@example.org", "zorg")
    participant = UserFactory(username="deelnemer")
    outsider = UserFactory(username="buitenstaander")
    detail = reverse("toolkit:scan_detail", args=[scan.pk])
    coordinator_only = [
        reverse("toolkit:scan_uitnodigen", args=[scan.pk]),
        reverse("toolkit:scan_afsluiten", args=[scan.pk]),
        reverse("toolkit:scan_actiepunt", args=[scan.pk]),
    ]
    client.logout()
    assert client.get(detail).status_code == 302  # anonymous: to the login page
    assert client.get(link).status_code == 200  # the token alone opens the scoring form
    client.force_login(outsider)
    assert client.get(detail).status_code == 404
    assert client.get(reverse("toolkit:scan_invullen", args=[scan.pk])).status_code == 404
    assert client.get(reverse("toolkit:scan_rapport", args=[scan.pk])).status_code == 404
    for url in coordinator_only:
        assert client.post(url, {}).status_code == 404
    assert list(client.get(reverse("toolkit:scan_lijst")).context["scans"]) == []
    client.force_login(participant)
    client.get(link)
    assert client.get(detail).status_code == 200
    for url in coordinator_only:
        assert (
            client.post(url, {"email": "x@example.org", "organisatie_type": "zorg"}).status_code
            == 403
        )
    assert client.get(reverse("toolkit:scan_rapport", args=[scan.pk])).status_code == 403
    # the invitation link cannot be taken over by another account
    client.force_login(outsider)
    assert client.get(link).status_code == 404
    assert client.get(detail).status_code == 404


def test_unknown_invitation_token_is_404(client, coordinator):
    client.force_login(coordinator)
    url = reverse("toolkit:scan_uitnodiging", args=["bestaat-niet"])
    assert client.get(url).status_code == 404


def test_closing_requires_a_submission(client, coordinator, regio, factors):
    scan = _start(client, coordinator, regio)
    client.post(reverse("toolkit:scan_afsluiten", args=[scan.pk]))
    scan.refresh_from_db()
    assert scan.is_open


def test_action_point_is_saved_and_mailed_to_owner(client, coordinator, regio, factors):
    scan = _start(client, coordinator, regio)
    deadline = (timezone.localdate() + timedelta(days=30)).isoformat()
    data = {
        "factor": factors[3].pk,
        "description": "Werkgeversloket inrichten",
        "trekker": "Fatima de Vries",
        "trekker_email": "f.devries@example.org",
        "deadline": deadline,
    }
    response = client.post(reverse("toolkit:scan_actiepunt", args=[scan.pk]), data)
    assert response.status_code == 302
    punt = Actiepunt.objects.get()
    assert punt.scan == scan and punt.trekker == "Fatima de Vries"
    assert mail.outbox[-1].to == ["f.devries@example.org"]
    assert "Werkgeversloket inrichten" in mail.outbox[-1].body


def test_bad_action_point_is_refused(client, coordinator, regio, factors):
    scan = _start(client, coordinator, regio)
    data = {
        "factor": 999999,
        "description": "",
        "trekker": "",
        "trekker_email": "nee",
        "deadline": (timezone.localdate() - timedelta(days=1)).isoformat(),
    }
    response = client.post(reverse("toolkit:scan_actiepunt", args=[scan.pk]), data)
    html = response.content.decode()
    assert response.status_code == 400
    for message in (
        "Kies een succesfactor uit de lijst.",
        "Beschrijf de actie.",
        "Vul in wie de trekker is.",
        "Vul een geldig e-mailadres in",
        "De datum ligt in het verleden.",
    ):
        assert message in html
    assert not Actiepunt.objects.exists()
    assert not mail.outbox


def _closed_scan(regio, factors, score, created_days_ago=0):
    owner = UserFactory()
    scan = Scan.objects.create(title=f"Scan {regio.name}", regio=regio, coordinator=owner)
    Scan.objects.filter(pk=scan.pk).update(
        created_at=timezone.now() - timedelta(days=created_days_ago), closed_at=timezone.now()
    )
    d = Deelnemer.objects.create(
        scan=scan,
        email=f"{owner.username}@example.org",
        organisatie_type="zorg",
        user=owner,
        submitted_at=timezone.now(),
        algemeen_beeld=score,
    )
    Antwoord.objects.bulk_create(Antwoord(deelnemer=d, factor=f, score=score) for f in factors)
    return Scan.objects.get(pk=scan.pk)


@override_settings(
    PARTICIPATIESCAN_MIN_GROUP=1
)  # one participant: about the figures, not disclosure
def test_comparison_with_earlier_scans_and_national_average_from_five_regions(
    client, coordinator, regio, factors
):
    _closed_scan(regio, factors, 30, created_days_ago=400)
    scan = _start(client, coordinator, regio)
    client.post(reverse("toolkit:scan_invullen", args=[scan.pk]), _scores(factors, 70))
    others = [
        Regio.objects.create(name=f"Regio {i}", slug=f"regio-{i}", kind="arbeidsmarktregio")
        for i in range(4)
    ]
    for other in others[:3]:
        _closed_scan(other, factors, 10)
    response = client.get(reverse("toolkit:scan_detail", args=[scan.pk]))
    results = response.context["results"]
    assert results["comparison"]["regions"] == 4
    assert results["comparison"]["national"] is None
    row = results["themas"][0][1][0]
    assert row["earlier"] == [30] and row["current"] == 70
    assert "minstens 5 regio" in response.content.decode()
    _closed_scan(others[3], factors, 10)
    results = client.get(reverse("toolkit:scan_detail", args=[scan.pk])).context["results"]
    assert results["comparison"]["regions"] == 5
    assert results["themas"][0][1][0]["national"] == round((30 + 10 * 4) / 5)


@override_settings(
    PARTICIPATIESCAN_MIN_GROUP=1
)  # one participant: about the figures, not disclosure
def test_pdf_report_renders_answers_on_a4(client, coordinator, regio, factors, tagged_pdf):
    scan = _start(client, coordinator, regio)
    client.post(reverse("toolkit:scan_invullen", args=[scan.pk]), _scores(factors, 65))
    Actiepunt.objects.create(
        scan=scan,
        factor=factors[0],
        description="Leerbanen werven",
        trekker="Sam",
        trekker_email="sam@example.org",
        deadline=timezone.localdate(),
    )
    response = client.get(reverse("toolkit:scan_rapport", args=[scan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = tagged_pdf(response.content)
    reader = PdfReader(BytesIO(response.content))
    assert "Factor 1.1" in text and "65" in text and "Leerbanen werven" in text
    for page in reader.pages:
        size = sorted([float(page.mediabox.width), float(page.mediabox.height)])
        assert abs(size[0] - 595.3) < 1 and abs(size[1] - 841.9) < 1  # A4


@override_settings(PARTICIPATIESCAN_MIN_GROUP=1)
def test_pdf_report_holds_the_radar_chart_as_a_vector_drawing(
    client, coordinator, regio, factors, tagged_pdf
):
    scan = _start(client, coordinator, regio)
    client.post(reverse("toolkit:scan_invullen", args=[scan.pk]), _scores(factors, 65))
    response = client.get(reverse("toolkit:scan_rapport", args=[scan.pk]))
    assert response.status_code == 200
    text = tagged_pdf(response.content)
    assert "van 0 in het midden tot 100 aan de rand" in text  # the radar's caption
    assert "1. Factor 1.1" in text  # and its table, which names the numbered spokes
    page = PdfReader(BytesIO(response.content)).pages[0]
    # Vector, not a picture: no image on the page; the shape is a translucent polygon.
    xobjects = page["/Resources"].get("/XObject", {})
    assert not [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    states = page["/Resources"]["/ExtGState"].values()
    assert any(float(state.get_object().get("/ca", 1)) == 0.25 for state in states)
    # The spoke numbers are real text, each at least 9 pt (12 px) on paper.
    labels = {}

    def visit(part, cm, tm, font, size):
        if cm[0] not in (0.75, 1.0) and part.strip():  # inside the drawing's own scale
            for number in part.split():
                labels[number] = size * abs(cm[0])

    page.extract_text(visitor_text=visit)
    spokes = {str(n) for n in range(1, len(factors) + 1)}
    assert spokes & set(labels), labels
    assert all(size >= 9 for size in labels.values()), labels


def test_scan_list_query_count_does_not_grow(client, coordinator, regio, factors):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("toolkit:scan_lijst")).status_code == 200
        return len(ctx.captured_queries)

    _start(client, coordinator, regio)
    count()
    few = count()
    for _ in range(8):
        _start(client, coordinator, regio)
    assert count() == few


def test_detail_query_count_does_not_grow_with_participants(client, coordinator, regio, factors):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    scan = _start(client, coordinator, regio)
    url = reverse("toolkit:scan_detail", args=[scan.pk])

    def add(n, start):
        for i in range(start, start + n):
            d = Deelnemer.objects.create(
                scan=scan,
                email=f"d{i}@example.org",
                organisatie_type="zorg",
                submitted_at=timezone.now(),
                algemeen_beeld=50,
            )
            Antwoord.objects.bulk_create(Antwoord(deelnemer=d, factor=f, score=i) for f in factors)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    add(2, 0)
    count()
    few = count()
    add(8, 2)
    assert count() == few


def test_coordinator_cannot_claim_a_second_invitation(client, coordinator, regio, factors):
    scan = _start(client, coordinator, regio)
    link = _invite_and_accept(client, scan, "p@example.org", "zorg")
    response = client.get(link)
    assert response.status_code == 302
    assert response.url == reverse("toolkit:scan_detail", args=[scan.pk])
    assert Deelnemer.objects.get(email="p@example.org").user is None


def test_invitee_scores_with_the_token_link_without_an_account(client, coordinator, regio, factors):
    scan = _start(client, coordinator, regio)
    link = _invite_and_accept(client, scan, "zonder-account@example.org", "vso_pro")
    client.logout()
    response = client.get(link)
    assert response.status_code == 200
    assert "een account is niet nodig" in response.content.decode()
    bad = _scores(factors, 40)
    bad["algemeen_beeld"] = -5
    response = client.post(link, bad)
    assert response.status_code == 400
    assert "De score is minimaal 0." in response.content.decode()
    assert not Antwoord.objects.exists()
    response = client.post(link, _scores(factors, 40))
    assert response.status_code == 302
    deelnemer = Deelnemer.objects.get(email="zonder-account@example.org")
    assert deelnemer.submitted_at is not None and deelnemer.user is None
    assert deelnemer.antwoorden.count() == 15
    # the token gives no access to the scan's results page
    assert client.get(reverse("toolkit:scan_detail", args=[scan.pk])).status_code == 302
    Scan.objects.filter(pk=scan.pk).update(closed_at=timezone.now())
    assert client.get(link).status_code == 410
    client.post(link, _scores(factors, 99))
    assert not Antwoord.objects.filter(score=99).exists()


def test_unknown_token_is_404_for_anonymous(client, db):
    url = reverse("toolkit:scan_uitnodiging", args=["verzonnen-token"])
    assert client.get(url).status_code == 404


def test_an_earlier_scan_of_fewer_than_the_minimum_shows_no_averages(
    client, coordinator, regio, factors
):
    """An earlier scan of one person would show that person's answers in the comparison."""
    _closed_scan(regio, factors, 30, created_days_ago=400)
    scan = _start(client, coordinator, regio)
    client.post(reverse("toolkit:scan_invullen", args=[scan.pk]), _scores(factors, 70))
    results = client.get(reverse("toolkit:scan_detail", args=[scan.pk])).context["results"]
    (earlier_scan, averages) = results["comparison"]["earlier"][0]
    assert averages == {}
    assert results["themas"][0][1][0]["earlier"] == [None]
