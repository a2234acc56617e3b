import time

from django.core.management.base import BaseCommand

from porth.similarity.service import snapshot_refresh


class Command(BaseCommand):
    help = (
        "Write a new snapshot of the similar-project index from every project, which every web process then "
        "opens (the background worker does this by itself when projects change)."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = snapshot_refresh(force=True)
        self.stdout.write(f"Indexed {count} project(s) in {time.perf_counter() - started:.1f} s.")
