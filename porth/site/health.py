"""The health check a load balancer or an operator reads: is the database answering, is the background worker
alive, and are e-mails leaving the queue. It answers within a couple of seconds whatever else is stuck."""

import datetime

from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .models import Heartbeat
from .worker import NAME

# How long the database may take to answer the check, in milliseconds (PostgreSQL; connecting has its own
# connect_timeout in settings, and SQLite reads never wait for writers under WAL).
DATABASE_TIMEOUT_MS = 2000
# The worker beats every few seconds; silence for longer than this means it is not running.
HEARTBEAT_LATE = datetime.timedelta(seconds=60)
# A task waiting longer than this means e-mails are not going out.
QUEUE_LATE = datetime.timedelta(minutes=5)


def _checks() -> dict:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL statement_timeout = {DATABASE_TIMEOUT_MS}")
        now = timezone.now()
        beat = Heartbeat.objects.filter(name=NAME).values_list("beat_at", flat=True).first()
        oldest = (
            DBTaskResult.objects.filter(status="READY")
            .order_by("enqueued_at")
            .values_list("enqueued_at", flat=True)
            .first()
        )
    waiting = (now - oldest) if oldest else datetime.timedelta(0)
    return {
        "database": "ok",
        "worker": "ok" if beat and now - beat < HEARTBEAT_LATE else "not running",
        "queue": "ok" if waiting < QUEUE_LATE else f"a task waiting {int(waiting.total_seconds())} s",
    }


def health() -> tuple[int, dict]:
    """(HTTP status, body): 200 when everything is ok, otherwise 503 with what is not."""
    try:
        result = _checks()
    except DatabaseError:
        result = {"database": "unavailable"}
    healthy = all(value == "ok" for value in result.values()) and "database" in result
    return (200 if healthy else 503), {"status": "ok" if healthy else "error", **result}
