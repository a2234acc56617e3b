from django.core.management.base import BaseCommand

from porth.capability.services import bookings_lapse


class Command(BaseCommand):
    help = (
        "Let offers of freed capacity that nobody took up within 7 days lapse (offering the days to the next "
        "in line), and end waiting bookings whose weeks have passed. Run it daily; safe to repeat."
    )

    def handle(self, *args, **options):
        run = bookings_lapse()
        lapsed, ended = run.offers_lapsed, run.waits_ended
        self.stdout.write(f"{lapsed} offers lapsed; {ended} waiting bookings ended as their weeks passed.")
