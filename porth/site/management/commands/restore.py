from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from porth.site.backups import BackupError, restore_from


class Command(BaseCommand):
    help = (
        "Replace the whole database with a backup made by `manage.py backup`. Everything written since the "
        "backup is lost, so it asks first (or pass --yes). Stop the web server and the worker before."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, path, yes=False, **options):
        if not yes:
            answer = input(f"Replace every record with the contents of {path}? Type 'restore' to go on: ")
            if answer.strip() != "restore":
                raise CommandError("Nothing was changed.")
        try:
            restore_from(Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored from {path}.")
