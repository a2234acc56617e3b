from django.core.management.base import BaseCommand

from porth.portfolio.services import stale_projects_nudge


class Command(BaseCommand):
    help = (
        "Remind the owners of projects with no update for 90 days. Run it daily; "
        "a project's owners are reminded at most once every 30 days."
    )

    def handle(self, *args, **options):
        run = stale_projects_nudge()
        self.stdout.write(f"Reminded the owners of {run.projects} stale project(s).")
