from django.core.management.base import BaseCommand

from porth.accounts.demo import DEMO_PEOPLE, demo_users_clear, demo_users_load
from porth.frontdoor.demo import demo_requests_clear, demo_requests_load


class Command(BaseCommand):
    help = "Load the demo data (clearly marked as demo), or remove it with --clear."

    def add_arguments(self, parser):
        parser.add_argument("--clear", action="store_true", help="Remove every demo record.")

    def handle(self, *args, clear=False, **options):
        if clear:
            count = demo_requests_clear() + demo_users_clear()
            self.stdout.write(f"Removed the demo data ({count} records).")
            return
        demo_users_load()
        sent = demo_requests_load()
        self.stdout.write(
            f"Demo data ready: {len(DEMO_PEOPLE)} demo accounts; {sent} demo requests sent now "
            "(see README, 'Signing in')."
        )
