from django.core.management.base import BaseCommand

from porth.portfolio.services import digests_queue


class Command(BaseCommand):
    help = (
        "Queue this week's digest e-mails for everyone who follows something. Run it weekly "
        "(for example from cron on Monday mornings); running it again in the same week sends nothing more."
    )

    def handle(self, *args, **options):
        count = digests_queue()
        self.stdout.write(f"Queued {count} digest(s).")
