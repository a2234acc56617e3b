import time

from django.core.management.base import BaseCommand

from porth.similarity.service import index_build


class Command(BaseCommand):
    help = "Build the similar-project index from every project, and say how long it took."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = index_build()
        self.stdout.write(f"Indexed {count} project(s) in {time.perf_counter() - started:.1f} s.")
