"""Fill a benchmark database with N front-door requests, in bulk, and print what the benchmark needs.

Run by bench/frontdoor.py with the benchmark's environment: `python bench/seed_frontdoor.py 100000`.
Prints one JSON line: a signed-in session for a team member, an API token, and one request's reference.
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
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from porth.accounts.models import User  # noqa: E402
from porth.accounts.services import api_token_create, team_add_member  # noqa: E402
from porth.directory.models import LeadershipTeam, Organisation  # noqa: E402
from porth.frontdoor.models import Decision, HelpRequest  # noqa: E402
from porth.routing.models import RuleSet  # noqa: E402

BATCH = 5_000


def seed(count: int) -> dict:
    rng = random.Random(7)
    user = User.objects.create_user("bench@porth.localhost", "a long benchmark password")
    teams = list(LeadershipTeam.objects.all())
    team_add_member(user=user, team=LeadershipTeam.objects.get(slug="cdps"))
    organisations = list(Organisation.objects.all())
    rule_set = RuleSet.objects.in_force()
    statuses = HelpRequest.Status.values
    now = timezone.now()
    started = time.perf_counter()
    for first in range(0, count, BATCH):
        with transaction.atomic():
            rows = [
                HelpRequest(
                    reference=f"BENCH-{first + i:07d}",
                    submitted_by=user,
                    organisation=rng.choice(organisations),
                    title=f"Benchmark request {first + i}",
                    description="A request made for the benchmark.",
                    health_or_social_care=rng.random() < 0.3,
                    welsh_government_service=rng.random() < 0.1,
                    help_wanted=["data"],
                    phase="discovery",
                    timescale="not_sure",
                    contact_name="Bench",
                    contact_email="bench@porth.localhost",
                    status=rng.choice(statuses),
                    lead_team=rng.choice(teams),
                    created_at=now - timezone.timedelta(minutes=first + i),
                )
                for i in range(min(BATCH, count - first))
            ]
            created = HelpRequest.objects.bulk_create(rows)
            if created[0].pk is None:  # SQLite before 3.35 cannot return ids from bulk inserts
                created = list(HelpRequest.objects.order_by("-id")[: len(rows)])
            Decision.objects.bulk_create(
                Decision(
                    request=r,
                    rule_set=rule_set,
                    facts={},
                    result={"lead": r.lead_team.slug},
                    lead_team=r.lead_team,
                )
                for r in created
            )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    token = api_token_create(user=user, name="bench")[1]
    return {
        "session": session.session_key,
        "token": token,
        "reference": HelpRequest.objects.filter(lead_team__slug="cdps").first().reference,
        "seconds": round(time.perf_counter() - started, 1),
    }


if __name__ == "__main__":
    print(json.dumps(seed(int(sys.argv[1]))))
