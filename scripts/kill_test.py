"""The kill test: writes go on while the service is killed with SIGKILL; after a restart, every write Porth
acknowledged must be there. Run by .ci/run (scripts/kill-test), on a fresh SQLite database in WAL mode.

Eight clients send front-door requests through the API as fast as they can; after a few seconds the web
server (master and workers) is killed mid-write. A request counts as acknowledged when Porth answered 201
with its reference. Prints the figures and exits non-zero if any acknowledged request is missing."""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
PYTHON = str(BASE / ".venv/bin/python")
CLIENTS, KILL_AFTER = 8, 8.0


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(port: int, env: dict, log) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(BASE / ".venv/bin/gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=BASE,
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/robots.txt")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


BODY = {
    "organisation": "W06000015",
    "title": "Kill test",
    "description": "A request sent while the server is killed.",
    "help_wanted": ["service_design"],
    "phase": "discovery",
    "timescale": "within_3_months",
    "contact_name": "Kill Test",
    "contact_email": "fuzz@cardiff.example",  # the caller's own address: no daily limit
}


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="porth-kill-"))
    port = _port()
    env = {
        **os.environ,
        "PORTH_VAR_DIR": str(work),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PORTH_API_RATE": "1000000/m",
        "PORTH_REQUESTS_PER_DAY_PER_ACCOUNT": "1000000",
        "SECRET_KEY": "kill-test-only-not-a-real-secret-key-for-anything-else-at-all",
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "PYTHONPATH": str(BASE),
    }
    env.pop("DATABASE_URL", None)
    for command in (["migrate", "-v", "0"], ["createcachetable"], ["load_reference"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=BASE, env=env, check=True, capture_output=True)
    key = subprocess.run(
        [PYTHON, "scripts/api_fuzz_caller.py"], cwd=BASE, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    log = (work / "server.log").open("w")
    server = _serve(port, env, log)
    acknowledged, sent, errors = [], [0], []
    lock, stop = threading.Lock(), threading.Event()

    def client():
        while not stop.is_set():
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request(
                    "POST",
                    "/api/v1/requests",
                    json.dumps(BODY),
                    {"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
                )
                response = connection.getresponse()
                body = response.read()
                with lock:
                    sent[0] += 1
                    if response.status == 201:
                        acknowledged.append(json.loads(body)["reference"])
                    elif response.status >= 500:
                        errors.append(response.status)
            except (OSError, http.client.HTTPException):
                if stop.is_set():
                    return
                time.sleep(0.05)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(KILL_AFTER)
    os.killpg(server.pid, signal.SIGKILL)  # the master and its workers, mid-write
    stop.set()
    for thread in threads:
        thread.join()
    server.wait()
    with lock:
        references = list(acknowledged)
    check = (
        "import django, json, sys; django.setup();"
        "from porth.frontdoor.models import HelpRequest;"
        "wanted = json.load(sys.stdin);"
        "print(HelpRequest.objects.filter(reference__in=wanted).count())"
    )
    found = int(
        subprocess.run(
            [PYTHON, "-c", check],
            cwd=BASE,
            env=env,
            input=json.dumps(references),
            text=True,
            capture_output=True,
            check=True,
        ).stdout.strip()
    )
    # The service comes back and answers.
    restarted = _serve(port, env, log)
    os.killpg(restarted.pid, signal.SIGTERM)
    restarted.wait()
    log.close()
    print(
        f"kill test: {sent[0]} requests sent, {len(references)} acknowledged before SIGKILL, "
        f"{found} of them present after restart, {len(errors)} server errors"
    )
    return 0 if found == len(references) and references and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
