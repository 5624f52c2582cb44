"""Keep the search index of regions (used by the CMS chooser) in step with bulk loads."""

from wagtail.search.backends import get_search_backend

from .models import Regio


def index_regions(using="default"):
    regions = list(Regio.objects.using(using).all())
    if regions:
        get_search_backend().add_bulk(Regio, regions)
    return len(regions)
