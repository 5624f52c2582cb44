from django.apps import AppConfig


class SitesearchConfig(AppConfig):
    name = "leernetwerk.sitesearch"
    label = "sitesearch"
    default_auto_field = "django.db.models.BigAutoField"
