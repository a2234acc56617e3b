from auditlog.context import disable_auditlog
from django.core.management.base import BaseCommand
from django.db import transaction

from porth.accounts.demo import demo_users_clear, demo_users_load
from porth.capability.demo import demo_capability_clear, demo_capability_load
from porth.frontdoor.demo import demo_requests_clear, demo_requests_load
from porth.portfolio.demo import demo_projects_clear, demo_projects_load, projects_load_scale
from porth.skills.demo import demo_training_clear, demo_training_load


class Command(BaseCommand):
    help = (
        "Load the demo data (clearly marked as demo): accounts, front-door requests and about 300 projects. "
        "--clear removes every demo record; --scale N adds N synthetic projects for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clear", action="store_true", help="Remove every demo record.")
        parser.add_argument("--scale", type=int, metavar="N", help="Add N synthetic projects, in bulk.")

    def handle(self, *args, **options):
        # Demo records are not anyone's edits: the audit log is for people's writes.
        with disable_auditlog():
            self._load(**options)

    def _load(self, clear=False, scale=None, **options):
        if clear:
            with transaction.atomic():
                count = demo_capability_clear()
                count += demo_training_clear()
                count += demo_projects_clear() + demo_requests_clear() + demo_users_clear()
            self.stdout.write(f"Removed the demo data ({count} records).")
            return
        if scale:
            # Benchmark data commits batch by batch (see projects_load_scale), not as one transaction.
            demo_users_load()
            seconds = projects_load_scale(scale)
            self.stdout.write(f"Added {scale:,} synthetic demo projects in {seconds:.1f} s.")
            return
        # One transaction: a load that fails part-way leaves nothing behind, and can simply be run again.
        with transaction.atomic():
            people = demo_users_load()
            requests = demo_requests_load()
            projects = demo_projects_load()
            demo_capability_load()
            demo_training_load()
        self.stdout.write(
            f"Demo data ready: {len(people)} demo accounts; added now: {requests} requests and "
            f"{projects} projects (see README, 'Signing in')."
        )
