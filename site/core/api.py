"""Read-only Wagtail API v2 for published pages, images and documents."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PrefetchingPagesAPIViewSet(PagesAPIViewSet):
    """Listings cost the same number of queries whatever their length: the locale (in
    every item's meta) is joined, and with ``?type=`` a page model may name
    ``API_PREFETCH``, the relations its API fields read."""

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        prefetch = getattr(queryset.model, "API_PREFETCH", None)
        return queryset.prefetch_related(*prefetch) if prefetch else queryset


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PrefetchingPagesAPIViewSet)
router.register_endpoint("images", ImagesAPIViewSet)
router.register_endpoint("documents", DocumentsAPIViewSet)
