"""People taking the last places at the same moment never overbook a session.

Two tests, because the two databases are made safe differently:
- PostgreSQL: the booking locks the session's row (SELECT ... FOR UPDATE). Threads, each with its own
  connection, post to the booking page at once through Django's test client against the test database.
- SQLite: every transaction begins IMMEDIATE, so writers queue for the one write lock. pytest-django's SQLite
  test database lives in shared-cache memory, where a second writer fails at once instead of queueing, so
  this test serves a file database the way production does: a real gunicorn (two processes, four threads
  each) with the real settings for the database, and concurrent HTTP requests with CSRF tokens.
"""

import http.client
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from porth.skills.models import Booking, BookingState
from porth.testing import person

BASE = Path(settings.BASE_DIR)
PEOPLE = 8
PLACES = 3


def _race(count: int, attempt) -> list:
    """Run attempt(n) in `count` threads released together; return what each returned."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(n):
        try:
            barrier.wait(timeout=30)
            results[n] = attempt(n)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite: see the gunicorn test below (the test database is in memory)",
)
def test_concurrent_bookings_on_postgresql_never_overbook(reference, who, make_session):
    session = make_session(capacity=PLACES)
    clients = []
    for n in range(PEOPLE):
        client = Client()
        client.force_login(person(f"racer{n}@cardiff.example", "W06000015"))
        clients.append(client)
    url = f"/training/sessions/{session.pk}/book/"
    data = {"organisation": "W06000015", "audience": "staff", "waiting_list": "yes"}
    statuses = _race(PEOPLE, lambda n: clients[n].post(url, data).status_code)
    assert statuses == [302] * PEOPLE
    states = list(Booking.objects.filter(session=session).values_list("state", flat=True))
    assert states.count(BookingState.BOOKED) == PLACES
    assert states.count(BookingState.WAITING) == PEOPLE - PLACES
    positions = sorted(b.waiting_position() for b in Booking.objects.filter(state=BookingState.WAITING))
    assert positions == list(range(1, PEOPLE - PLACES + 1))


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite: see the gunicorn test below")
def test_two_people_taking_the_last_place_on_postgresql(reference, who, make_session):
    session = make_session(capacity=1)
    clients = []
    for name in ("learner", "colleague"):
        client = Client()
        client.force_login(who[name])
        clients.append(client)
    url = f"/training/sessions/{session.pk}/book/"
    data = {"organisation": "W06000015", "audience": "staff"}
    statuses = sorted(_race(2, lambda n: clients[n].post(url, data).status_code))
    assert statuses == [302, 400]  # one has the place; the other is told it has just gone
    assert Booking.objects.filter(session=session).count() == 1


# -------------------------------------------------------------------------------------- SQLite, gunicorn

SETUP = f"""
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from porth.directory.models import LeadershipTeam
from porth.skills import services
from porth.testing import person
from porth.skills.tests.helpers import in_days
owner = person("owner@cdps.example", "centre-for-digital-public-services", team="cdps")
cdps = LeadershipTeam.objects.get(slug="cdps")
course = services.course_create(user=owner, audiences=["staff"], fields=dict(
    title_en="Race", summary_en="Race.", provider_team=cdps, level="awareness"))
session = services.session_create(course=course, user=owner, fields=dict(
    starts_at=in_days(10, 10), ends_at=in_days(10, 12), capacity={PLACES}, booking_closes_at=in_days(8, 23)))
keys = []
for n in range({PEOPLE}):
    user = person(f"racer{{n}}@cardiff.example", "W06000015")
    store = SessionStore()
    store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    keys.append(store.session_key)
print(json.dumps({{"session": session.pk, "keys": keys}}))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


def _wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection_.request("GET", "/robots.txt")
            if connection_.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _book(port: int, session_id: int, key: str, barrier: threading.Barrier) -> int:
    """Open the booking page as a signed-in person, then, with the others, send the form."""
    path = f"/training/sessions/{session_id}/book/"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path, headers={"Cookie": f"sessionid={key}"})
    page = conn.getresponse()
    body = page.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie") or "").group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    form = f"csrfmiddlewaretoken={token}&organisation=W06000015&audience=staff&waiting_list=yes"
    headers = {
        "Cookie": f"sessionid={key}; csrftoken={csrf_cookie}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"http://127.0.0.1:{port}{path}",
        "Origin": f"http://127.0.0.1:{port}",
    }
    barrier.wait(timeout=60)
    conn.request("POST", path, body=form, headers=headers)
    response = conn.getresponse()
    response.read()
    return response.status


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="PostgreSQL: the threaded tests above cover it"
)
def test_concurrent_bookings_on_a_sqlite_file_served_by_gunicorn_never_overbook():
    with tempfile.TemporaryDirectory(prefix="porth-race-") as var_dir:
        env = {**os.environ, "PORTH_VAR_DIR": var_dir, "DJANGO_SETTINGS_MODULE": "config.settings_test"}
        env.pop("DATABASE_URL", None)
        _manage(env, "migrate", "--noinput", "-v", "0")
        _manage(env, "load_reference")
        prepared = json.loads(_manage(env, "shell", "-c", SETUP).stdout.strip().splitlines()[-1])
        port = _free_port()
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
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
        )
        try:
            _wait_until_up(port)
            barrier = threading.Barrier(PEOPLE)
            statuses = [None] * PEOPLE

            def run(n):
                statuses[n] = _book(port, prepared["session"], prepared["keys"][n], barrier)

            threads = [threading.Thread(target=run, args=(n,)) for n in range(PEOPLE)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
        finally:
            server.terminate()
            server.wait(timeout=20)
        assert statuses == [302] * PEOPLE
        with sqlite3.connect(Path(var_dir) / "porth.sqlite3") as db:
            states = dict(db.execute("SELECT state, count(*) FROM skills_booking GROUP BY state").fetchall())
        assert states == {"booked": PLACES, "waiting": PEOPLE - PLACES}
