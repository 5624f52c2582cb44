from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "leernetwerk.notifications"
    label = "notifications"
    verbose_name = "Meldingen"
    default_auto_field = "django.db.models.BigAutoField"
