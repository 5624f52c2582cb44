from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Toekomstplan"

    def ready(self):
        from .containment import install_log_record_factory

        install_log_record_factory()
