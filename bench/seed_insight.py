"""Fill a benchmark database with N projects (load_demo --scale) and N front-door requests, some answered by
their team, and print what bench/insight.py needs: sessions for a team member and for a council member.

Run by bench/insight.py with the benchmark's environment: `python bench/seed_insight.py 100000 100000`.
"""

import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from bench.seed_frontdoor import seed as seed_requests  # noqa: E402
from porth.accounts.models import User  # noqa: E402
from porth.accounts.services import team_add_member  # noqa: E402
from porth.directory.models import LeadershipTeam, ProgrammeItem  # noqa: E402
from porth.frontdoor.models import HelpRequest, RequestEvent  # noqa: E402

BATCH = 5_000


def _session(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def _first_answers(rng: random.Random) -> None:
    """About a third of the requests get a status change from their lead team within a few days."""
    ids = list(HelpRequest.objects.values_list("pk", "lead_team_id", "created_at"))
    rows = [
        RequestEvent(
            request_id=pk,
            kind="status",
            from_team_id=team,
            status="accepted",
            created_at=created + django.utils.timezone.timedelta(hours=rng.randint(1, 240)),
        )
        for pk, team, created in ids
        if rng.random() < 0.33
    ]
    for first in range(0, len(rows), BATCH):
        with transaction.atomic():
            RequestEvent.objects.bulk_create(rows[first : first + BATCH])


def seed(projects: int, requests: int) -> dict:
    started = time.perf_counter()
    call_command("createcachetable", verbosity=0)
    call_command("load_demo", scale=projects, stdout=open(os.devnull, "w"))  # noqa: SIM115
    seeded = seed_requests(requests)
    _first_answers(random.Random(11))
    member = User.objects.create_user("lead@wlga.bench.localhost", "a long benchmark password")
    team_add_member(user=member, team=LeadershipTeam.objects.get(slug="wlga-digital-team"))
    council = User.objects.get(email="member@cardiff.demo.localhost")
    return {
        "team_session": _session(member),
        "council_session": _session(council),
        "item": ProgrammeItem.objects.filter(programme__team__slug="wlga-digital-team").first().pk,
        "requests_session": seeded["session"],
        "seconds": round(time.perf_counter() - started, 1),
    }


if __name__ == "__main__":
    print(json.dumps(seed(int(sys.argv[1]), int(sys.argv[2]))))
