"""Dutch error messages for the Wagtail API v2.

Wagtail's API raises its errors with fixed English texts that are not marked for
translation, so a catalogue cannot reach them. The API views answer with the Dutch
text below instead; the English original stays in ``detail`` for developers who
search Wagtail's documentation for it.
"""

import re

from django.utils.translation import gettext_lazy as _

# (Wagtail's message as a pattern, the Dutch message; groups fill in {0}, {1}, ...)
MESSAGES = [
    (r"type doesn't exist", _("Dit paginatype bestaat niet.")),
    (r"limit cannot be higher than (\d+)", _("limit mag niet hoger zijn dan {0}.")),
    (r"(limit|offset) must be a positive integer", _("{0} moet een positief geheel getal zijn.")),
    (
        r"(child_of|ancestor_of|descendant_of|translation_of) must be a positive integer",
        _("{0} moet een positief geheel getal zijn."),
    ),
    (r"parent page doesn't exist", _("De pagina in child_of bestaat niet.")),
    (r"descendant page doesn't exist", _("De pagina in ancestor_of bestaat niet.")),
    (r"ancestor page doesn't exist", _("De pagina in descendant_of bestaat niet.")),
    (r"translation_of page doesn't exist", _("De pagina in translation_of bestaat niet.")),
    (
        r"filtering by descendant_of with child_of is not supported",
        _("descendant_of en child_of kunnen niet samen worden gebruikt."),
    ),
    (
        r"random ordering with offset is not supported",
        _("Willekeurige volgorde (order=random) kan niet samen met offset."),
    ),
    (
        r"random ordering cannot be combined with other fields",
        _("Willekeurige volgorde kan niet met andere velden worden gecombineerd."),
    ),
    (r"cannot order by '(.*)' \(unknown field\)", _("Sorteren op ‘{0}’ kan niet: onbekend veld.")),
    (r"cannot order by '(.*)' \(invalid field\)", _("Sorteren op ‘{0}’ kan niet: ongeldig veld.")),
    (
        r"cannot order by '(.*)' while searching \(field is not indexed\)",
        _("Tijdens het zoeken kan niet op ‘{0}’ worden gesorteerd."),
    ),
    (
        r"cannot filter by '(.*)' while searching \(field is not indexed\)",
        _("Tijdens het zoeken kan niet op ‘{0}’ worden gefilterd."),
    ),
    (r"search is disabled", _("Zoeken is uitgeschakeld.")),
    (
        r"filtering by tag with a search query is not supported",
        _("Filteren op tag kan niet samen met een zoekvraag."),
    ),
    (
        r"field filter error\. '(.*)' is not a valid value for (.*) \((.*)\)",
        _("‘{0}’ is geen geldige waarde voor het filter {1}."),
    ),
    (
        r"field filter error\. null characters are not allowed for (.*)",
        _("Het filter {0} mag geen nul-tekens bevatten."),
    ),
    (
        r"query parameter is not an operation or a recognised field: (.*)",
        _("Onbekende parameter: {0}. Gebruik een veld van dit type of een bewerking."),
    ),
    (r"unknown fields: (.*)", _("Onbekende velden in fields: {0}.")),
    (r"'(.*)' does not support nested fields", _("Het veld ‘{0}’ heeft geen geneste velden.")),
    (
        r"fields error: unexpected char '(.*)' at position (\d+)",
        _("Fout in fields: onverwacht teken ‘{0}’ op positie {1}."),
    ),
    (
        r"fields error: unexpected whitespace at position (\d+)",
        _("Fout in fields: onverwachte spatie op positie {0}."),
    ),
    (
        r"fields error: unexpected end of input.*",
        _("Fout in fields: de invoer houdt onverwacht op (ontbreekt er een sluithaakje?)."),
    ),
    (
        r"fields error: '(.*)' cannot be negated",
        _("Fout in fields: ‘{0}’ kan niet worden uitgesloten."),
    ),
    (
        r"fields error: '(.*)' must be in the first position",
        _("Fout in fields: ‘{0}’ moet vooraan staan."),
    ),
    (
        r"fields error: additional fields with '\*' doesn't make sense",
        _("Fout in fields: naast ‘*’ hebben extra velden geen zin."),
    ),
    (
        r"fields error: negated fields with '_' doesn't make sense",
        _("Fout in fields: naast ‘_’ heeft het uitsluiten van velden geen zin."),
    ),
]  # fmt: skip
_COMPILED = [(re.compile(pattern + r"\Z", re.DOTALL), dutch) for pattern, dutch in MESSAGES]


def in_dutch(message):
    """Wagtail's English ``message`` in Dutch; a message this table does not know
    yet (a newer Wagtail) gets a general Dutch sentence."""
    for pattern, dutch in _COMPILED:
        match = pattern.match(message)
        if match:
            return str(dutch).format(*match.groups())
    return str(_("De aanvraag is ongeldig; zie ‘detail’."))


NOT_FOUND = _(
    "Niet gevonden: deze pagina, afbeelding of dit document bestaat niet of is niet gepubliceerd."
)
