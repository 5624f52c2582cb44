"""Vocabulary values of an import file -> the site's taxonomy (manage.py import_lessons).

Files written by people and other systems spell a value in many ways: the slug
(``jongeren-zonder-startkwalificatie``), the name (``Jongeren zonder
startkwalificatie``), a code (``GM0983``) or a mix (``JONGEREN_ZONDER_...``). Each
spelling is reduced to a key by :func:`normalise` (case and diacritics folded,
every run of spaces, underscores, hyphens and other punctuation one ``-``), and each
vocabulary is turned into one dict key -> item when the import starts. Resolving a
value is then one dict lookup (and every distinct spelling is resolved only once),
so a file of 20,000 lessons costs no query per value.

Which spellings count, strongest first (a key taken by a stronger spelling of one
item is never taken by a weaker spelling of another):

1. the slug (for kennisbron: the stored value, ``wetenschappelijke_kennis``);
2. a code: a region's CBS code (``GM0983``) or the old code of a municipality that
   merged into it (``GM0457`` for Amsterdam), a sector group's number (``2``);
3. the name or label, and the name as the CMS shows it (``Venlo (gemeente)``,
   ``Wonen (Big 5)``; a Big 5 domain also as ``Big 5 Wonen``).

Two items with the same key in the same step are told apart by a rank where the
vocabulary has one: a life-domain name that exists in both schemes (``Wonen``,
``Inkomen``) is the domain of the eight levensgebieden (whose slug is that name
anyway); write ``big5-wonen`` or ``Wonen (Big 5)`` for the Big 5 one. Without a rank
(two regions both called ``Utrecht``) the value is an error that names both.

An unknown value is an error that names the three closest known items (rapidfuzz's
``WRatio`` over the same keys: it weighs whole words and parts of longer names, so
``jeugdzorg`` finds ``Jeugdhulp en jeugdgezondheidszorg``). Doelgroepen are an open
vocabulary: with ``create_missing`` an unknown one becomes a new item, created by the
import in its transaction (see ``lessons_io.import_records``).
"""

import re
from dataclasses import dataclass, field

from django.utils.text import slugify
from rapidfuzz import fuzz, process

from leernetwerk.sitesearch.analysis import fold
from leernetwerk.taxonomy.lookup import SUFFIX
from leernetwerk.taxonomy.models import Doelgroep, Kennisbron, Levensgebied, Regio, SectorGroep

_SEPARATORS = re.compile(r"[\W_]+")
SLUG, CODE, NAME = range(3)  # the steps, strongest first
SUGGESTIONS = 3
DOELGROEP_ADVICE = " (een nieuwe doelgroep voegt u toe met --create-missing)"


def normalise(text):
    """The key of a spelling: ' Jongeren_zonder-Startkwalificatie ' ->
    'jongeren-zonder-startkwalificatie', 'Coördinatie' -> 'coordinatie'."""
    return _SEPARATORS.sub("-", fold(text)).strip("-")


class UnknownValue(ValueError):
    """A value that names no item (or more than one); the message is Dutch."""


@dataclass
class Item:
    value: str  # what a record stores: the slug, or Kennisbron's value
    label: str  # how an error names it
    spellings: dict  # step -> spellings
    rank: int = 0  # lower wins when two items share a key in one step


class Lookup:
    """Spellings -> the stored value, for one vocabulary."""

    def __init__(self, noun, plural, items, *, neuter=False, advice=""):
        self.noun, self.plural = noun, plural
        self.unknown = f"onbekend{'' if neuter else 'e'} {noun}"  # het/de-woord
        self.advice = advice  # appended to the error for an unknown value
        self._keys = {}  # key -> value, or a tuple of labels when ambiguous
        self._memo = {}  # spelling as written -> value or UnknownValue
        self._choices = []  # (key with spaces, label) for the suggestions
        self.add(items)

    def add(self, items):
        items = list(items)
        for step in (SLUG, CODE, NAME):
            claims = {}
            for item in items:
                for spelling in item.spellings.get(step, ()):
                    key = normalise(spelling)
                    if key and key not in self._keys:
                        claims.setdefault(key, {})[item.value] = item
            for key, claimants in claims.items():
                best = min(item.rank for item in claimants.values())
                winners = [item for item in claimants.values() if item.rank == best]
                if len(winners) == 1:
                    self._keys[key] = winners[0].value
                else:
                    self._keys[key] = tuple(sorted(item.label for item in winners))
        for item in items:
            keys = {normalise(s) for spellings in item.spellings.values() for s in spellings}
            self._choices += [(key.replace("-", " "), item.label) for key in keys if key]
        self._memo.clear()

    def resolve(self, written):
        """The stored value for ``written``; UnknownValue when there is none."""
        try:
            found = self._memo[written]
        except KeyError:
            found = self._memo[written] = self._find(written)
        if isinstance(found, UnknownValue):
            raise found
        return found

    def _find(self, written):
        key = normalise(written)
        found = self._keys.get(key)
        if isinstance(found, str):
            return found
        if found:
            return UnknownValue(
                f"{self.noun} ‘{written}’ is niet eenduidig; bedoelt u: {_either(found)}?"
            )
        labels = self.closest(key)
        hint = f"; bedoelt u: {_either(labels)}?" if labels else f"; er zijn nog geen {self.plural}"
        return UnknownValue(f"{self.unknown} ‘{written}’{hint}{self.advice}")

    def knows(self, written):
        """Whether ``written`` names one or more items."""
        return normalise(written) in self._keys

    def closest(self, key, limit=SUGGESTIONS):
        """The labels of the ``limit`` items whose spellings are nearest to ``key``."""
        choices = [choice for choice, _label in self._choices]
        scored = process.extract(key.replace("-", " "), choices, scorer=fuzz.WRatio, limit=None)
        best = {}
        for _choice, score, index in scored:
            label = self._choices[index][1]
            best[label] = max(score, best.get(label, 0))
        ranked = sorted(best, key=lambda label: (-best[label], label))
        return ranked[:limit]


def _either(labels):
    quoted = [f"‘{label}’" for label in labels]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} of {quoted[-1]}"


@dataclass
class Vocabulary:
    """Every vocabulary of the import, loaded once (a fixed number of queries).

    ``levensgebieden``, ``doelgroepen``, ``sectoren`` and ``regio`` map the stored
    slug to its object (what the writer needs); ``lookups`` resolve what a file
    wrote. ``new_doelgroepen`` holds the unsaved doelgroepen that ``create_missing``
    made up during validation, by slug."""

    levensgebieden: dict = field(default_factory=dict)
    doelgroepen: dict = field(default_factory=dict)
    sectoren: dict = field(default_factory=dict)
    regio: dict = field(default_factory=dict)
    lookups: dict = field(default_factory=dict)
    create_missing: bool = False
    new_doelgroepen: dict = field(default_factory=dict)

    @classmethod
    def load(cls, *, create_missing=False):
        domains = list(Levensgebied.objects.all())
        groups = list(Doelgroep.objects.all())
        sectors = list(SectorGroep.objects.all())
        regions = list(Regio.objects.prefetch_related("herindelingen"))
        advice = "" if create_missing else DOELGROEP_ADVICE
        lookups = {
            "levensgebieden": Lookup(
                "levensgebied", "levensgebieden", [_domain_item(d) for d in domains], neuter=True
            ),
            "doelgroepen": Lookup(
                "doelgroep", "doelgroepen", [_group_item(g) for g in groups], advice=advice
            ),
            "sectoren": Lookup("sector", "sectoren", [_sector_item(s) for s in sectors]),
            "regio": Lookup("regio", "regio's", [_region_item(r) for r in regions]),
            "kennisbronnen": Lookup(
                "kennisbron",
                "kennisbronnen",
                [
                    Item(v, str(label), {SLUG: [v], NAME: [str(label)]})
                    for v, label in Kennisbron.choices
                ],
            ),
        }
        return cls(
            levensgebieden={o.slug: o for o in domains},
            doelgroepen={o.slug: o for o in groups},
            sectoren={o.slug: o for o in sectors},
            regio={o.slug: o for o in regions},
            lookups=lookups,
            create_missing=create_missing,
        )

    def resolve(self, vocabulary, written):
        """The stored value of ``written`` in ``vocabulary`` (a key of ``lookups``).
        An unknown doelgroep becomes a new one when ``create_missing`` is set."""
        lookup = self.lookups[vocabulary]
        try:
            return lookup.resolve(written)
        except UnknownValue:
            creatable = vocabulary == "doelgroepen" and self.create_missing
            if not creatable or not normalise(written) or lookup.knows(written):
                raise
        group = self._new_group(written)
        lookup.add([_group_item(group)])
        return group.slug

    def _new_group(self, written):
        name = written.strip()
        if " " not in name:
            name = name.replace("_", " ")  # underscores never stand in a Dutch name
        max_length = Doelgroep._meta.get_field("name").max_length
        if len(name) > max_length:
            raise UnknownValue(f"nieuwe doelgroep ‘{name}’ is langer dan {max_length} tekens")
        base = slugify(name)[:max_length] or "doelgroep"
        slug, n = base, 2
        while slug in self.doelgroepen or slug in self.new_doelgroepen:
            slug = f"{base[: max_length - 4]}-{n}"
            n += 1
        group = self.new_doelgroepen[slug] = Doelgroep(name=name, slug=slug)
        return group

    def create_new_doelgroepen(self, used):
        """Save the new doelgroepen whose slug is in ``used`` (those of the records
        being imported, not of lines that were skipped). Returns them by name."""
        groups = [group for slug, group in self.new_doelgroepen.items() if slug in used]
        Doelgroep.objects.bulk_create(groups)
        self.doelgroepen.update({group.slug: group for group in groups})
        return sorted(groups, key=lambda group: group.name.casefold())


def _group_item(group):
    return Item(group.slug, group.name, {SLUG: [group.slug], NAME: [group.name]})


def _domain_item(domain):
    names = [domain.name, str(domain)]  # 'Wonen', 'Wonen (Big 5)'
    big5 = domain.scheme == Levensgebied.Scheme.BIG5
    if big5:
        names.append(f"Big 5 {domain.name}")
    # A name in both schemes is the domain of the eight levensgebieden (rank 0).
    return Item(domain.slug, str(domain), {SLUG: [domain.slug], NAME: names}, rank=int(big5))


def _sector_item(sector):
    spellings = {SLUG: [sector.slug], CODE: [str(sector.number)], NAME: [sector.name]}
    return Item(sector.slug, sector.name, spellings)


def _region_item(region):
    codes = [region.cbs_code] if region.cbs_code else []
    # A merged municipality's old code (GM0457 Weesp) finds the one it merged into.
    codes += [merger.old_code for merger in region.herindelingen.all()]
    names = [region.name, str(region), SUFFIX.sub("", region.name)]  # "Hengelo (O.)"
    spellings = {SLUG: [region.slug], CODE: codes, NAME: names}
    return Item(region.slug, str(region), spellings)
