"""The printable worksheets of the tools are tagged PDFs made by WeasyPrint."""

import pytest

from toolkit.demo import _worksheet


@pytest.mark.django_db
def test_worksheet_is_a_tagged_pdf_with_its_questions(tagged_pdf):
    document = _worksheet(
        "Werkblad proef",
        "Vul dit samen in.",
        [("Stap 1", [("Wat wil de jongere bereiken?", "Zijn of haar eigen woorden.")])],
    )
    with document.file.open("rb") as handle:
        text = tagged_pdf(handle.read())
    assert "Werkblad proef" in text and "Wat wil de jongere bereiken?" in text
    # Found by title the second time, not made again.
    assert _worksheet("Werkblad proef", "", []).pk == document.pk
