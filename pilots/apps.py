from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


def _on_publish(sender, instance, **kwargs):
    from .lessons import publish_lessons
    from .models import PilotPage, VoortgangsberichtPage
    from .permissions import sync_region_page_permissions

    # Regions are committed when the pilot is published: align the editors' rights then.
    if isinstance(instance, PilotPage):
        sync_region_page_permissions(pilots=[instance])
    elif isinstance(instance, VoortgangsberichtPage):
        publish_lessons(instance)


def _after_migrate(sender, **kwargs):
    if sender.name != "pilots":
        return
    from .models import PilotIndexPage
    from .permissions import ensure_pilot_workflow

    for index_page in PilotIndexPage.objects.all():
        ensure_pilot_workflow(index_page)


def _on_application_saved(sender, instance, created, **kwargs):
    from .notifications import application_status_changed

    if not created and getattr(instance, "saved_status", None) not in (None, instance.status):
        application_status_changed(instance)
    instance.saved_status = instance.status


class PilotsConfig(AppConfig):
    name = "pilots"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        page_published.connect(_on_publish, dispatch_uid="pilots.sync_region_permissions")
        post_migrate.connect(_after_migrate, dispatch_uid="pilots.ensure_workflow")
        post_save.connect(
            _on_application_saved,
            sender="pilots.Aanmelding",
            dispatch_uid="pilots.application_status",
        )
