"""The applications CSV export escapes cells a spreadsheet would run as a formula."""

import pytest

from leernetwerk.core.exports import escape_formula


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("https://x.example","klik")', '\'=HYPERLINK("https://x.example","klik")'),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Wijkteam Noord", "Wijkteam Noord"),
        (5, 5),
    ],
)
def test_escape_formula(value, expected):
    assert escape_formula(value) == expected


@pytest.mark.django_db
def test_csv_export_escapes_formula_cells(client, superuser, index, regio_a):
    from pilots.factories import make_oproep, make_programma
    from pilots.models import Aanmelding

    oproep = make_oproep(index)
    Aanmelding.objects.create(
        oproep=oproep,
        regio=regio_a,
        contact_name='=HYPERLINK("https://kwaad.example","klik")',
        contact_role="@rol",
        contact_email="a@example.org",
        contact_phone="+31612345678",
        programma=make_programma(),
        motivation="-motivatie",
    )
    client.force_login(superuser)
    response = client.get("/cms/snippets/pilots/aanmelding/?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body and "'@rol" in body and "'+31612345678" in body
    assert "\n=HYPERLINK" not in body and ",=HYPERLINK" not in body
