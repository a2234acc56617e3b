import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_when_the_database_the_worker_and_the_queue_are_well(client):
    from porth.site.worker import heartbeat

    heartbeat("test")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "worker": "ok", "queue": "ok"}


def test_healthz_says_when_the_worker_is_not_running(client):
    import datetime

    from django.utils import timezone

    from porth.site.models import Heartbeat

    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["worker"] == "not running"
    Heartbeat.objects.create(name="worker", beat_at=timezone.now() - datetime.timedelta(minutes=5))
    assert client.get("/healthz").json()["worker"] == "not running"


def test_healthz_says_when_e_mails_are_stuck_in_the_queue(client):
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from porth.site.worker import heartbeat

    heartbeat("test")
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="porth.frontdoor.tasks.request_event_notify",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - datetime.timedelta(hours=1))
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["queue"].startswith("a task waiting")


def test_healthz_answers_503_when_the_database_does_not():
    """A real failure: the service is pointed at a PostgreSQL port where nothing listens."""
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client(SERVER_NAME='127.0.0.1').get('/healthz');"
        "print(json.dumps([r.status_code, r.json()]))"
    )
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://porth@127.0.0.1:9/porth",
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    status, body = json.loads(result.stdout.strip().splitlines()[-1])
    assert status == 503
    assert body["database"] == "unavailable"


def test_robots_is_plain_text(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
