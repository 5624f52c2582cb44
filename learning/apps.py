from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Kennisbank"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401 - connects the search sync handlers
        from .workflow import ensure_workflow

        post_migrate.connect(ensure_workflow, sender=self)
