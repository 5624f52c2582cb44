"""Find a region the way people and files name it: CBS code (GM0363), the code of a
municipality that has since merged (GM0457 Weesp is now Amsterdam), the name in any
case ("amsterdam"), the name as the site shows it ("Amsterdam (gemeente)") or the slug.

A lookup reads the regions once (two queries), so an import of many rows or a form
that checks one value costs the same, however many regions there are.
"""

import re

from django.utils.translation import gettext as _

from .models import Herindeling, Regio
from .regions import normalise

SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")  # "Hengelo (O.)" is also found as "Hengelo"


class RegionNotFound(LookupError):
    """No single region fits; the message (Dutch) says why and what to type instead."""


def label(region):
    """How pickers show a region: its name and kind, so equal names stay apart."""
    return str(region)


class RegionLookup:
    def __init__(self, queryset=None):
        queryset = Regio.objects.all() if queryset is None else queryset
        self.regions = list(queryset)
        by_pk = {region.pk: region for region in self.regions}
        self.exact = {}  # code, old code, pk -> region
        self.slugs = {}  # the last resort: old links such as ?regio=holland-rijnland
        self.names = {}  # normalised name or label -> regions
        for region in self.regions:
            self.exact[str(region.pk)] = region
            self.slugs[region.slug.lower()] = region
            if region.cbs_code:
                self.exact[region.cbs_code.lower()] = region
            keys = {normalise(region.name), normalise(label(region))}
            keys.add(normalise(SUFFIX.sub("", region.name)))
            for key in keys:
                self.names.setdefault(key, []).append(region)
        mergers = Herindeling.objects.filter(regio__in=list(by_pk)).values_list(
            "old_code", "regio_id"
        )
        for old_code, regio_id in mergers:
            self.exact.setdefault(old_code.lower(), by_pk[regio_id])

    def find(self, value):
        """The region ``value`` names; raises RegionNotFound with a Dutch message."""
        text = str(value).strip()
        if not text:
            raise RegionNotFound(_("Vul een regio in."))
        region = self.exact.get(text.lower())
        if region is not None:
            return region
        matches = self.names.get(normalise(text), [])
        if len({m.pk for m in matches}) == 1:
            return matches[0]
        if not matches and text.lower() in self.slugs:
            return self.slugs[text.lower()]
        if matches:
            # An exact label such as "Utrecht (provincie)" already settled it above.
            names = ", ".join(sorted({label(m) for m in matches}))
            raise RegionNotFound(
                _("'%(value)s' past bij meer dan één regio: %(names)s. Kies er één uit de lijst.")
                % {"value": text, "names": names}
            )
        raise RegionNotFound(
            _(
                "Onbekende regio '%(value)s'. Typ de naam van een gemeente of regio uit de "
                "lijst, of de CBS-code (bijvoorbeeld GM0363 voor Amsterdam)."
            )
            % {"value": text[:80]}
        )

    def get(self, value):
        """Like find, but None instead of an error."""
        try:
            return self.find(value)
        except RegionNotFound:
            return None
