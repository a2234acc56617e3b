from django.core.management.base import BaseCommand, CommandError

from porth.directory.reference import ReferenceDataError
from porth.site.reference import reference_load_all


class Command(BaseCommand):
    help = (
        "Load the reference facts shipped with Porth (organisations, teams, standards, well-being goals) and "
        "the shipped routing rules, in one transaction."
    )

    def handle(self, *args, **options):
        try:
            report = reference_load_all()
        except ReferenceDataError as error:
            raise CommandError(f"Nothing was loaded. {error}") from error
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
