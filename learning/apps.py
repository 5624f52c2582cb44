from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Kennisbank"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from leernetwerk.sitesearch import lexicon as word_list

        from . import (
            lexicon,
            signals,  # noqa: F401 - connects the search sync handlers
        )
        from .workflow import ensure_workflow

        word_list.register_words(lexicon.abbreviations())

        post_migrate.connect(ensure_workflow, sender=self)
