from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles_after_migrate(sender, **kwargs):
    # Run once, after the last app has migrated, when all permissions exist.
    from django.apps import apps

    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender.name != with_models[-1].name:
        return
    from .roles import sync_roles

    sync_roles()


class CoreConfig(AppConfig):
    name = "leernetwerk.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)

        post_migrate.connect(_sync_roles_after_migrate, dispatch_uid="core.sync_roles")
