"""Build the demo site: ``python manage.py load_demo`` (idempotent; run it again any time)."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from leernetwerk.core import demo

# Apps whose demo.load(home, log) runs after the skeleton, in this order.
DEMO_APPS = [
    "leernetwerk.taxonomy",
    "leernetwerk.news",
    "learning",
    "pilots",
    "personas",
    "toolkit",
    "plans",
]


class Command(BaseCommand):
    help = "Laadt de demo-inhoud (pagina's, nieuws, taxonomie en per app de voorbeelden)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--app",
            action="append",
            dest="only",
            choices=DEMO_APPS,
            metavar="APP",
            help="Alleen de demo van deze app(s) laden, naast de paginastructuur "
            "(herhaalbaar; sneller voor tests). Standaard: alle apps.",
        )

    def handle(self, *args, **options):
        selected = [app for app in DEMO_APPS if not options["only"] or app in options["only"]]
        with transaction.atomic():
            home = demo.load_home()
            sections = demo.load_sections(home)
            demo.load_navigation(home, sections)
            demo.load_trust_pages(home)
            self.stdout.write("Paginastructuur, navigatie en vertrouwenspagina's klaar.")
            for app_name in selected:
                if not apps.is_installed(app_name):
                    continue
                try:
                    module = import_module(f"{app_name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app_name}.demo":
                        raise
                    continue
                module.load(home, self.stdout.write)
            demo.load_featured(home)
        self.stdout.write(self.style.SUCCESS("Demo-inhoud geladen."))
