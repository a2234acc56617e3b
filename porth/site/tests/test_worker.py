"""The supervised background worker: stale tasks back in the queue, the child restarted, the snapshot kept
current, the heartbeat written."""

import datetime
import sys
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from porth.site import worker
from porth.site.models import Heartbeat
from porth.testing import make_project, person

pytestmark = pytest.mark.django_db


def _task(**fields):
    return DBTaskResult.objects.create(
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="porth.frontdoor.tasks.request_event_notify",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
        **fields,
    )


def test_a_task_left_running_by_a_killed_worker_goes_back_in_the_queue():
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    stuck = _task(status="RUNNING", started_at=long_ago, worker_ids=["dead"])
    busy = _task(status="RUNNING", started_at=timezone.now(), worker_ids=["alive"])
    assert worker.stale_tasks_requeue() == 1
    stuck.refresh_from_db()
    busy.refresh_from_db()
    assert stuck.status == "READY" and stuck.worker_ids == [] and busy.status == "RUNNING"


def test_the_supervisor_starts_a_stopped_child_again():
    supervisor = worker.Supervisor([sys.executable, "-c", "raise SystemExit(3)"])
    assert supervisor.check() == "started"
    supervisor.process.wait()
    assert supervisor.check() == "waiting to restart" and supervisor.failures == 1
    supervisor.restart_at = time.monotonic()
    assert supervisor.check() == "started"
    supervisor.stop()


def test_a_round_keeps_the_snapshot_current_and_beats(reference, settings, tmp_path):
    settings.SIMILARITY_BUILD_ON_QUESTION = False
    settings.SIMILARITY_DIR = tmp_path
    make_project(person("owner@cardiff.example", "W06000015"))
    cache = {}
    assert worker.worker_step(cache) == "indexed 1 projects"
    assert worker.worker_step(cache) == "index current"
    assert Heartbeat.objects.get(name="worker").note == "index current"
    assert len(cache) == 1


def test_the_command_runs_rounds_without_the_task_worker(reference, settings, tmp_path):
    settings.SIMILARITY_DIR = tmp_path
    call_command("run_worker", "--rounds", "1", "--no-tasks", "--interval", "0")
    assert Heartbeat.objects.filter(name="worker").exists()
