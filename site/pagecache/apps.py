from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "leernetwerk.pagecache"
    label = "pagecache"
    verbose_name = "Paginacache"

    def ready(self):
        from . import purge

        purge.connect_signals()
