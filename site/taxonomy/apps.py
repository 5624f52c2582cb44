from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TaxonomyConfig(AppConfig):
    name = "leernetwerk.taxonomy"
    label = "taxonomy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(_index_regions, sender=self)


def _index_regions(using="default", **kwargs):
    # The data migration saves regions with historical models, which the search index
    # does not see; index them here so the CMS chooser can search them.
    from django.conf import settings

    from .regions_index import index_regions

    if settings.REGIONS_LOAD_ON_MIGRATE:
        index_regions(using=using)
