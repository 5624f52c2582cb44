from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Nieuwsbrief"
