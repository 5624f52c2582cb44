"""Build the demo site: ``python manage.py load_demo`` (idempotent; run it again any time)."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from leernetwerk.core import demo


def demo_apps():
    """Installed apps with a ``demo`` module, whose ``load(home, log)`` runs after the
    skeleton in INSTALLED_APPS order (so an app's demo may use an earlier app's)."""
    return [
        config.name
        for config in apps.get_app_configs()
        if config.name != "leernetwerk.core" and module_has_submodule(config.module, "demo")
    ]


class Command(BaseCommand):
    help = "Laadt de demo-inhoud (pagina's, nieuws, taxonomie en per app de voorbeelden)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--app",
            action="append",
            dest="only",
            choices=demo_apps(),
            metavar="APP",
            help="Alleen de demo van deze app(s) laden, naast de paginastructuur "
            "(herhaalbaar; sneller voor tests). Standaard: alle apps.",
        )

    def handle(self, *args, **options):
        selected = [app for app in demo_apps() if not options["only"] or app in options["only"]]
        with transaction.atomic():
            home = demo.load_home()
            demo.align_site_with_base_url()
            sections = demo.load_sections(home)
            demo.load_navigation(home, sections)
            demo.load_trust_pages(home)
            self.stdout.write("Paginastructuur, navigatie en vertrouwenspagina's klaar.")
            for app_name in selected:
                import_module(f"{app_name}.demo").load(home, self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo-inhoud geladen."))
