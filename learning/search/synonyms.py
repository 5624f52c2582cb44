"""Editor-managed synonyms (the Synoniemgroep snippet), cached until one changes."""

from django.core.cache import cache

from leernetwerk.sitesearch.analysis import tokens

CACHE_KEY = "learning:synonyms:v3"


def synonym_groups(weights=None):
    """Each group as (weight, [(expression, terms)]), e.g. (1.0, [("AMV", ("amv",)),
    ...]); related groups weigh ``plan.RELATED_WEIGHT``."""
    weights = weights or {}
    groups = cache.get(CACHE_KEY)
    if groups is None:
        from learning.models import Synoniemgroep

        groups = []
        for group in Synoniemgroep.objects.all():
            terms = [(term, tuple(t.term for t in tokens(term))) for term in group.term_list]
            terms = [(term, stems) for term, stems in terms if stems]
            if len(terms) > 1:
                groups.append((group.kind, terms))
        cache.set(CACHE_KEY, groups, 3600)
    return [(weights.get(kind, 1.0), terms) for kind, terms in groups]


def clear_cache(**kwargs):
    cache.delete(CACHE_KEY)
