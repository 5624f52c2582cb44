from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "leernetwerk.news"
    label = "news"
    default_auto_field = "django.db.models.BigAutoField"
