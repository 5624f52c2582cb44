"""Editor-managed synonyms and related terms (the Synoniemgroep snippet).

Every process keeps the groups, indexed by the first term of each expression, until
one changes: the shared cache holds only a version (a random token, renewed on every
save or delete), so a search reads a few bytes instead of unpickling 300 groups, and
finding the expressions at a position of the query is a dictionary lookup.
"""

import threading
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache

from learning.models import Synoniemgroep
from leernetwerk.sitesearch.analysis import tokens

VERSION_KEY = "learning:synonyms:version"
_lock = threading.Lock()
_loaded = {}  # version -> Lexicon; only the current one is kept


@dataclass
class Lexicon:
    groups: list = field(default_factory=list)  # (kind, [(expression, terms)])
    starting: dict = field(default_factory=dict)  # first term -> [(terms, group index)]

    def at(self, first):
        """(terms, kind, group) of the expressions that start with the term ``first``."""
        for terms, index in self.starting.get(first, ()):
            kind, group = self.groups[index]
            yield terms, kind, group


def lexicon():
    """The current groups (read from the database when a group changed)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    found = _loaded.get(version)
    if found is None:
        found = _read()
        with _lock:
            _loaded.clear()
            _loaded[version] = found
    return found


def _read():
    result = Lexicon()
    for group in Synoniemgroep.objects.all():
        terms = [(term, tuple(t.term for t in tokens(term))) for term in group.term_list]
        terms = [(term, analysed) for term, analysed in terms if analysed]
        if len(terms) > 1:
            index = len(result.groups)
            result.groups.append((group.kind, terms))
            for _expression, analysed in terms:
                result.starting.setdefault(analysed[0], []).append((analysed, index))
    return result


def clear_cache(**kwargs):
    """A group changed: every process reads the groups again at its next search."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
