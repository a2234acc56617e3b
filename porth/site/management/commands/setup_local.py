from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Bring a local Porth up to date in one process: migrate, make the cache table, load the reference "
        "facts and the demo data, and make sure the local administrator exists. Each step changes nothing "
        "when there is nothing to do."
    )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("load_reference", stdout=self.stdout)
        call_command("load_demo", stdout=self.stdout)
        call_command("ensure_local_admin", stdout=self.stdout)
