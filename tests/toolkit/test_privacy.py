import pytest

from toolkit.privacy import looks_like_bsn, looks_like_date, passes_elfproef, personal_data_warning


@pytest.mark.parametrize("digits", ["111222333", "123456782", "999999990"])
def test_valid_bsns_pass_the_elfproef(digits):
    assert passes_elfproef(digits)


@pytest.mark.parametrize("digits", ["123456789", "000000000", "12345678", "abcdefghi"])
def test_invalid_numbers_fail_the_elfproef(digits):
    assert not passes_elfproef(digits)


@pytest.mark.parametrize(
    "text",
    ["bsn 123456782", "Haar bsn is 123456782.", "nummer 1234.56.782", "zie 123 456 782 in dossier"],
)
def test_bsn_in_free_text_is_spotted(text):
    assert looks_like_bsn(text)


@pytest.mark.parametrize(
    "text",
    [
        "bel 0612345678",
        "tel. 06.12345678",
        "nr 1.123456782",
        "123456789 is geen bsn",
        "postcode 1234 AB",
        "in 2025 gestart",
    ],
)
def test_other_numbers_are_not_a_bsn(text):
    assert not looks_like_bsn(text)


@pytest.mark.parametrize(
    "text", ["geboren 3-4-2004", "op 03/04/2004", "2004-04-03", "12 maart 2005", "1 okt. 1999"]
)
def test_dates_are_spotted(text):
    assert looks_like_date(text)


def test_warning_texts_are_dutch():
    assert "burgerservicenummer" in personal_data_warning("123456782")
    assert "geboortedatum" in personal_data_warning("12-03-2005")
    assert personal_data_warning("Ze wil graag zelfstandig wonen.") is None
