from django.core.management.base import BaseCommand

from porth.similarity.service import documents_rebuild


class Command(BaseCommand):
    help = "Rewrite every project's similarity document; each process refits its index on its next question."

    def handle(self, *args, **options):
        count = documents_rebuild()
        self.stdout.write(f"Rebuilt the similarity documents of {count} project(s).")
