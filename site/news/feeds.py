from leernetwerk.core.feeds import PageFeed

from .models import NewsPage


class NewsFeed(PageFeed):
    title = "Nieuws van Leernetwerk 16-27"
    description = "Nieuws uit het leernetwerk en de pilotregio's."

    def queryset(self):
        return NewsPage.objects.order_by("-date", "-pk")
