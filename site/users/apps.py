from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "leernetwerk.users"
    label = "users"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import approval  # noqa: F401  (signal receivers)
