from django.core.management.base import BaseCommand, CommandError

from porth.directory.reference import ReferenceDataError, reference_load
from porth.frontdoor.services import rule_set_ensure_shipped


class Command(BaseCommand):
    help = "Load the reference facts shipped with Porth (organisations, teams, standards, well-being goals)."

    def handle(self, *args, **options):
        try:
            report = reference_load()
        except ReferenceDataError as error:
            raise CommandError(f"Nothing was loaded. {error}") from error
        if rule_set_ensure_shipped():
            self.stdout.write("Published the shipped routing rules as version 1.")
        if report.nothing_changed:
            self.stdout.write(
                f"Reference data is up to date: nothing changed ({report.unchanged} facts checked)."
            )
            return
        if options["verbosity"] >= 2:
            for label in report.added:
                self.stdout.write(f"Added {label}")
        for line in report.changed:
            self.stdout.write(f"Changed {line}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Reference data loaded: {len(report.added)} added, {len(report.changed)} changed, "
                f"{report.unchanged} unchanged."
            )
        )
