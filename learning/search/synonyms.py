"""Editor-managed synonyms (the Synoniemgroep snippet), cached until one changes."""

from django.core.cache import cache

from leernetwerk.sitesearch.analysis import analyse

CACHE_KEY = "learning:synonyms:v1"


def synonym_groups():
    """Each group as a list of (expression, stems) pairs, e.g. ("AMV", ("amv",))."""
    groups = cache.get(CACHE_KEY)
    if groups is None:
        from learning.models import Synoniemgroep

        groups = []
        for group in Synoniemgroep.objects.all():
            terms = [(term, tuple(analyse(term))) for term in group.term_list]
            terms = [(term, stems) for term, stems in terms if stems]
            if len(terms) > 1:
                groups.append(terms)
        cache.set(CACHE_KEY, groups, 3600)
    return groups


def clear_cache(**kwargs):
    cache.delete(CACHE_KEY)
