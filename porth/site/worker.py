"""The background worker, supervised: the task worker that sends e-mails, kept running; tasks left running by
a killed worker put back in the queue; the similar-project snapshot kept current; and a heartbeat, so the
health check knows all this is happening.

`manage.py run_worker` runs `worker_run`. The task worker (django-tasks-db's `db_worker`) runs as a child
process: if it exits (a "database is locked" it did not survive, a crash, a kill), it is started again after
a short pause that grows while it keeps failing.
"""

import datetime
import logging
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, OperationalError, close_old_connections, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from porth.capability.services import bookings_lapse
from porth.similarity.service import snapshot_refresh
from porth.skills.services import offers_expire

from .models import Heartbeat

log = logging.getLogger("porth.worker")

NAME = "worker"
# A task running longer than this was left by a worker that died: it goes back in the queue.
STALE_RUNNING = datetime.timedelta(minutes=10)
# The most the supervisor waits before starting a failed task worker again.
MAX_BACKOFF = 60.0


def heartbeat(note: str) -> None:
    Heartbeat.objects.update_or_create(name=NAME, defaults={"beat_at": timezone.now(), "note": note[:200]})


def stale_tasks_requeue(now: datetime.datetime | None = None) -> int:
    """Put tasks left RUNNING by a killed worker back in the queue; return how many. Safe to repeat."""
    cutoff = (now or timezone.now()) - STALE_RUNNING
    return DBTaskResult.objects.filter(status="RUNNING", started_at__lt=cutoff).update(
        status="READY", started_at=None, worker_ids=[]
    )


def _task_worker_command() -> list[str]:
    manage = Path(settings.BASE_DIR) / "manage.py"
    return [sys.executable, str(manage), "db_worker", "--queue-name", "*", "--interval", "2"]


class Supervisor:
    """Keeps one child process running, starting it again when it exits, with a growing pause."""

    def __init__(self, command: list[str]):
        self.command = command
        self.process: subprocess.Popen | None = None
        self.failures = 0
        self.restart_at = 0.0

    def check(self) -> str:
        if self.process is not None and self.process.poll() is None:
            return "running"
        if self.process is not None:
            self.failures += 1
            log.warning("The task worker stopped (exit %s); starting it again.", self.process.returncode)
            self.restart_at = time.monotonic() + min(MAX_BACKOFF, 2.0**self.failures)
            self.process = None
        if time.monotonic() < self.restart_at:
            return "waiting to restart"
        self.process = subprocess.Popen(self.command)
        return "started"

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def worker_step(cache: dict) -> str:
    """One round of the worker's own duties; a locked database is waited out, never fatal."""
    # Connections that broke or outlived their age are dropped between rounds; never inside a transaction
    # (a caller's, or a test's), which closing would lose.
    if not connection.in_atomic_block:
        close_old_connections()
    try:
        requeued = stale_tasks_requeue()
        indexed = snapshot_refresh(cache=cache)
        ended = offers_expire()  # places offered from training waiting lists whose 48 hours are up
        lapsed = bookings_lapse()  # specialists' offers not taken up in 7 days; waits whose weeks passed
        note = f"requeued {requeued}; " if requeued else ""
        note += f"{ended} training offers ended; " if ended else ""
        note += f"{lapsed.offers_lapsed} specialist offers lapsed; " if lapsed.offers_lapsed else ""
        note += f"indexed {indexed} projects" if indexed is not None else "index current"
        heartbeat(note)
        return note
    except OperationalError as error:  # "database is locked": try again next round
        log.warning("The worker waited for the database: %s", error)
        return "database busy"
    except DatabaseError as error:
        log.error("The worker could not reach the database: %s", error)
        return "database error"


def worker_run(*, interval: float = 2.0, supervise: bool = True, rounds: int | None = None) -> None:
    """Run the worker until stopped (or for `rounds` rounds, for tests)."""
    supervisor = Supervisor(_task_worker_command()) if supervise else None
    cache: dict = {}
    done = 0
    try:
        while rounds is None or done < rounds:
            if supervisor is not None:
                supervisor.check()
            worker_step(cache)
            done += 1
            if rounds is None or done < rounds:
                time.sleep(interval)
    finally:
        if supervisor is not None:
            supervisor.stop()
