from django.core.management.base import BaseCommand

from porth.portfolio.models import Project
from porth.portfolio.search import project_search_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index of projects from the projects table (a repair; safe to run again)."

    def handle(self, *args, **options):
        if not project_search_rebuild():
            self.stdout.write(
                "Nothing to rebuild: this database keeps the search index of projects up to date."
            )
            return
        count = Project.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"Rebuilt the search index of projects. Projects indexed: {count}.")
        )
