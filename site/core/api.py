"""Read-only Wagtail API v2 for published pages, images and documents."""

from django.core.exceptions import ValidationError
from django.http import Http404
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .api_errors import NOT_FOUND, in_dutch


class DutchErrorsMixin:
    """Answer bad requests and unknown items in Dutch (see api_errors.py)."""

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            data = {"message": in_dutch(str(exc)), "detail": str(exc)}
            return Response(data, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, ValidationError):
            # A filter value the model field refuses (?date=gisteren): Wagtail's API
            # lets Django's error through as a 500; its messages are translated.
            return Response({"message": " ".join(exc.messages)}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, Http404):
            return Response({"message": str(NOT_FOUND)}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)


class PrefetchingPagesAPIViewSet(DutchErrorsMixin, PagesAPIViewSet):
    """Listings cost the same number of queries whatever their length: the locale (in
    every item's meta) is joined, and with ``?type=`` a page model may name
    ``API_PREFETCH``, the relations its API fields read."""

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        prefetch = getattr(queryset.model, "API_PREFETCH", None)
        return queryset.prefetch_related(*prefetch) if prefetch else queryset


class DutchImagesAPIViewSet(DutchErrorsMixin, ImagesAPIViewSet):
    pass


class DutchDocumentsAPIViewSet(DutchErrorsMixin, DocumentsAPIViewSet):
    pass


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PrefetchingPagesAPIViewSet)
router.register_endpoint("images", DutchImagesAPIViewSet)
router.register_endpoint("documents", DutchDocumentsAPIViewSet)
