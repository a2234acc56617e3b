"""A booking beyond capacity is refused even when the requests come at the same moment.

Two tests, one per way the database serialises the writers:
- threads in this process, each on its own connection, booking the same person at once: on PostgreSQL the
  specialist's row lock (SELECT ... FOR UPDATE) makes them take turns. (The in-memory SQLite database the
  suite uses shares one cache between connections, which locks whole tables and fails at once instead of
  waiting, so there this test is skipped; the next one covers SQLite.)
- real concurrent HTTP requests to a Porth served by gunicorn (2 worker processes, 4 threads each) on a SQLite
  file in WAL mode, as `make run` serves it: IMMEDIATE transactions make the writers queue for the lock.
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
import urllib.parse
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection

from porth.capability import capacity, services
from porth.capability.models import Booking

from .conftest import week

BASE = Path(__file__).resolve().parents[3]
ATTEMPTS = 6
WORKERS = ["--workers", "2", "--threads", "4", "--log-level", "warning"]


def _in_memory_sqlite() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_threads_booking_the_same_person_at_once_never_overbook(
    make_specialist, make_request, cast, monkeypatch
):
    if _in_memory_sqlite():
        pytest.skip(
            "the in-memory SQLite test database cannot serialise writers; the gunicorn test covers SQLite"
        )
    catrin = make_specialist(days="2")
    requests = [make_request() for _ in range(ATTEMPTS)]
    # Slow the capacity check down, so that without the lock every thread would read "free" before any wrote.
    check = capacity.shortfalls

    def slow_check(*args, **kwargs):
        time.sleep(0.2)
        return check(*args, **kwargs)

    monkeypatch.setattr(capacity, "shortfalls", slow_check)
    barrier = threading.Barrier(ATTEMPTS)
    outcomes = []

    def attempt(request):
        try:
            barrier.wait()
            services.booking_make(
                specialist=catrin,
                user=cast["manager"],
                target=services.BookingFor(organisation=request.organisation, request=request),
                first_week=week(1),
                last_week=week(1),
                days_per_week=Decimal(1),
            )
            outcomes.append("booked")
        except services.OverCapacity:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked"] * 2 + ["refused"] * (ATTEMPTS - 2)
    assert Booking.objects.filter(specialist=catrin, status=Booking.Status.CONFIRMED).count() == 2


# ---------------------------------------------------------------------------------------------- gunicorn

SEED = """
import datetime
import json
from decimal import Decimal
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from porth.accounts.models import User
from porth.capability import services
from porth.capability.models import DdatRole, Pool
from porth.directory.models import LeadershipTeam, Organisation
from porth.accounts.services import team_add_member, organisation_add_member

manager = User.objects.create_user("manager@wlga.example", "a long test password", full_name="Gareth")
team_add_member(user=manager, team=LeadershipTeam.objects.get(slug="wlga-digital-team"))
asker = User.objects.create_user("asker@cardiff.example", "a long test password")
cardiff = Organisation.objects.get(code="W06000015")
organisation_add_member(user=asker, organisation=cardiff)
pool = Pool.objects.get(slug="capability-model")
catrin = services.specialist_create(user=None, skills=[], fields={
    "pool": pool, "full_name": "Catrin Hughes", "role": DdatRole.objects.get(slug="user-researcher"),
    "home_organisation": cardiff, "working_days": Decimal(2), "joined_on": services.this_week()})
week = services.this_week() + datetime.timedelta(weeks=1)
refs = [services.specialist_request_raise(
    user=asker, pool=pool, organisation=cardiff, role=catrin.role, skills=[], days_per_week=Decimal(1),
    starts_on=week, ends_on=week, what_for="Research.").reference for _ in range(%(n)d)]
session = SessionStore()
session[SESSION_KEY] = str(manager.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = manager.get_session_auth_hash()
session.create()
seeded = {"session": session.session_key, "refs": refs, "specialist": catrin.pk, "week": week.isoformat()}
print(json.dumps(seeded))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(env, *args, stdin=None):
    return subprocess.run(
        [sys.executable, *args], cwd=BASE, env=env, input=stdin, capture_output=True, text=True, check=True
    ).stdout


def _wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection_.request("GET", "/robots.txt")
            if connection_.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not start")


def _form_token(port, path, cookies) -> tuple[str, str]:
    """GET the booking form: its CSRF cookie and token, as a browser would have them."""
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    client.request("GET", path, headers={"Cookie": cookies})
    response = client.getresponse()
    body = response.read().decode()
    assert response.status == 200, (response.status, body[:500])
    cookie = next(
        v for k, v in response.getheaders() if k.lower() == "set-cookie" and v.startswith("csrftoken=")
    )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    return cookie.split(";")[0], token


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="the SQLite file database case")
def test_concurrent_booking_requests_to_a_real_server_on_sqlite_never_overbook():
    with tempfile.TemporaryDirectory(prefix="porth-concurrency-") as var_dir:
        env = {**os.environ, "PORTH_VAR_DIR": var_dir, "DJANGO_SETTINGS_MODULE": "config.settings_test"}
        env.pop("DATABASE_URL", None)
        _run(env, "manage.py", "migrate", "--noinput", "-v", "0")
        _run(env, "manage.py", "load_reference")
        seeded = json.loads(
            _run(env, "manage.py", "shell", stdin=SEED % {"n": ATTEMPTS}).strip().splitlines()[-1]
        )
        port = _free_port()
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                *WORKERS,
            ],
            cwd=BASE,
            env=env,
        )
        try:
            _wait_until_up(port)
            statuses = _book_at_once(port, seeded)
        finally:
            server.terminate()
            server.wait(timeout=10)
        database = sqlite3.connect(Path(var_dir) / "porth.sqlite3")
        (confirmed,) = database.execute(
            "SELECT COUNT(*) FROM capability_booking WHERE status = 'confirmed' AND specialist_id = ?",
            (seeded["specialist"],),
        ).fetchone()
        database.close()
    # Two working days, one day each: two bookings confirmed (redirected to their page), the rest refused.
    assert sorted(statuses) == [302] * 2 + [400] * (ATTEMPTS - 2), statuses
    assert confirmed == 2


def _book_at_once(port: int, seeded: dict) -> list[int]:
    session = f"sessionid={seeded['session']}"
    forms = []
    for reference in seeded["refs"]:
        path = f"/specialists/requests/{reference}/book/{seeded['specialist']}/"
        forms.append((path, *_form_token(port, path, session)))
    week = seeded["week"].split("-")
    barrier, statuses = threading.Barrier(len(forms)), []

    def post(path, csrf_cookie, token):
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "first_week_0": week[2],
                "first_week_1": week[1],
                "first_week_2": week[0],
                "last_week_0": week[2],
                "last_week_1": week[1],
                "last_week_2": week[0],
                "days_per_week": "1",
            }
        )
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        client.connect()
        headers = {
            "Cookie": f"{session}; {csrf_cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{port}{path}",
        }
        barrier.wait()
        client.request("POST", path, body=body, headers=headers)
        response = client.getresponse()
        response.read()
        statuses.append(response.status)

    threads = [threading.Thread(target=post, args=form) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses
