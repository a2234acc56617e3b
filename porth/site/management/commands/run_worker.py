from django.core.management.base import BaseCommand

from porth.site.worker import worker_run


class Command(BaseCommand):
    help = (
        "Run the background worker: the task worker that sends e-mails (started again if it stops), tasks "
        "left running by a killed worker put back in the queue, the similar-project snapshot kept current, "
        "and a heartbeat for /healthz."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=2.0, help="seconds between rounds (default 2)")
        parser.add_argument("--rounds", type=int, help="stop after this many rounds (default: never)")
        parser.add_argument("--no-tasks", action="store_true", help="do not run the task worker")

    def handle(self, *args, interval, rounds, no_tasks, **options):
        worker_run(interval=interval, supervise=not no_tasks, rounds=rounds)
