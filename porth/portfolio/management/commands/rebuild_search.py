from django.core.management.base import BaseCommand

from porth.portfolio.search import project_search_rebuild, projects_search_refresh


class Command(BaseCommand):
    help = (
        "Write the search words of every project again (after a bulk load, or when organisations or tags "
        "were renamed) and rebuild the search index from them (a repair; safe to run again)."
    )

    def handle(self, *args, **options):
        # The index first, from the words as they are: a trigger taking out a row the index has lost would
        # fail. Then the words from the texts, and the triggers keep the index in step.
        rebuilt = project_search_rebuild()
        count = projects_search_refresh()
        self.stdout.write(f"Wrote the search words of projects. Projects: {count}.")
        if not rebuilt:
            self.stdout.write(
                "Nothing more to rebuild: this database keeps the search index of projects up to date."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(f"Rebuilt the search index of projects. Projects indexed: {count}.")
        )
