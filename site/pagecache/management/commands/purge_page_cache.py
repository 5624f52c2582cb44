"""Empty the page cache: after a deploy (new templates) or a change made outside the CMS."""

from django.core.management.base import BaseCommand

from leernetwerk.pagecache.purge import new_generation


class Command(BaseCommand):
    help = "Leegt de paginacache (alle gecachete pagina's vervallen)."

    def handle(self, *args, **options):
        new_generation()
        self.stdout.write("Paginacache geleegd.")
