"""Spot personal data in free text: the omgekeerde toets must not hold BSNs or birth dates."""

import re

from django.utils.translation import gettext as _

# Nine digits, optionally grouped as 1234.56.789 or 123 456 789.
_BSN_CANDIDATE = re.compile(
    r"(?<!\d)(?<!\d[.-])(\d{4}[. ]?\d{2}[. ]?\d{3}|\d{3}[. ]\d{3}[. ]\d{3})(?!\d|[.-]\d)"
)
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_DATE_NUMERIC = re.compile(
    r"(?<!\d)(0?[1-9]|[12]\d|3[01])[-/.](0?[1-9]|1[0-2])[-/.](19|20)\d\d(?!\d)"
)
_DATE_ISO = re.compile(r"(?<!\d)(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_DATE_WORDS = re.compile(
    rf"(?<!\d)(0?[1-9]|[12]\d|3[01])\s+({_MONTHS})\.?\s+(19|20)\d\d(?!\d)", re.IGNORECASE
)


def passes_elfproef(digits):
    """The BSN eleven test: weights 9..2 and -1 on the last digit, sum divisible by 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    total -= int(digits[8])
    return total % 11 == 0


def looks_like_bsn(text):
    for match in _BSN_CANDIDATE.finditer(text or ""):
        if passes_elfproef(re.sub(r"\D", "", match.group(0))):
            return True
    return False


def looks_like_date(text):
    text = text or ""
    return bool(_DATE_NUMERIC.search(text) or _DATE_ISO.search(text) or _DATE_WORDS.search(text))


def personal_data_warning(text):
    """A Dutch warning when ``text`` seems to hold a BSN or a date of birth, else ``None``."""
    if looks_like_bsn(text):
        return _(
            "Dit antwoord lijkt een burgerservicenummer (BSN) te bevatten. Haal het weg: "
            "de toets heeft geen persoonsgegevens nodig."
        )
    if looks_like_date(text):
        return _(
            "Dit antwoord lijkt een geboortedatum te bevatten. Haal die weg of beschrijf "
            "de leeftijd in woorden (bijvoorbeeld 'begin twintig')."
        )
    return None
