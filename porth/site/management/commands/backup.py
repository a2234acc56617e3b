from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from porth.site.backups import BackupError, backup_to


class Command(BaseCommand):
    help = (
        "Back up the whole database while Porth runs (SQLite's online backup, or pg_dump for PostgreSQL). "
        "Writes var/backups/porth-<date>-<time>.<sqlite3|dump> unless a path is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Where to write the backup.")

    def handle(self, *args, path=None, **options):
        from django.db import connection

        suffix = "sqlite3" if connection.vendor == "sqlite" else "dump"
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = Path(path) if path else settings.VAR_DIR / "backups" / f"porth-{stamp}.{suffix}"
        try:
            written = backup_to(target)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backed up to {written} ({written.stat().st_size:,} bytes).")
