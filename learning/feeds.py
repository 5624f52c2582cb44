from leernetwerk.core.feeds import PageFeed

from .models import Les


class LessonFeed(PageFeed):
    title = "Nieuwe lessen in de kennisbank van Leernetwerk 16-27"
    description = "Lessen uit de praktijk: wat werkt voor jongeren van 16 tot 27 jaar."

    def queryset(self):
        return Les.objects.order_by("-date", "-pk")
