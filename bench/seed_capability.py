"""Fill a benchmark database with a realistic specialist pool, in bulk, and print what the benchmark needs.

Run by bench/capability.py with the benchmark's environment: `python bench/seed_capability.py 500 5000`.
Specialists are spread over both pools (four in five in the WLGA team's), each with a role, two to four
skills, a Welsh level and two to five working days; bookings run four weeks each, from fifteen weeks ago to
fifteen weeks ahead, and never take anyone past their capacity. Prints one JSON line: a signed-in session
for a manager of the WLGA pool, a request, a specialist and an engagement.
"""

import datetime
import json
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import transaction  # noqa: E402

from porth.accounts.models import User  # noqa: E402
from porth.accounts.services import organisation_add_member, team_add_member  # noqa: E402
from porth.capability import services  # noqa: E402
from porth.capability.models import Booking, DdatRole, Leave, Pool, Skill, Specialist  # noqa: E402
from porth.directory.models import LeadershipTeam, Organisation  # noqa: E402

WEEK = datetime.timedelta(weeks=1)
DAYS = [Decimal("2"), Decimal("2.5"), Decimal("3"), Decimal("4"), Decimal("5")]


def _specialists(rng, count, pools, roles, skills, organisations, start):
    rows = [
        Specialist(
            pool=pools[0] if n % 5 else pools[1],
            full_name=f"Specialist {n:04d}",
            role=rng.choice(roles),
            welsh_level=rng.choice([0, 0, 1, 2, 3, 4, 5]),
            home_organisation=rng.choice(organisations),
            working_days=rng.choice(DAYS),
            joined_on=start - WEEK * 30,
        )
        for n in range(count)
    ]
    Specialist.objects.bulk_create(rows)
    specialists = list(Specialist.objects.order_by("pk"))
    links = Specialist.skills.through
    links.objects.bulk_create(
        links(specialist_id=s.pk, skill_id=skill.pk)
        for s in specialists
        for skill in rng.sample(skills, rng.randint(2, 4))
    )
    return specialists


def _bookings(rng, specialists, bookings, councils, start):
    """Four-week bookings every three weeks, so no more than two overlap, each for at most half the working
    days: nobody is ever past their capacity."""
    per_person = max(1, bookings // len(specialists))
    rows = []
    for specialist in specialists:
        half = max(Decimal("0.5"), (specialist.working_days / 2 * 2).to_integral_value() / 2)
        for j in range(per_person):
            first = start + WEEK * (j * 3 - 15)
            rows.append(
                Booking(
                    specialist=specialist,
                    organisation=rng.choice(councils),
                    first_week=first,
                    last_week=first + WEEK * 3,
                    days_per_week=half,
                    status=Booking.Status.CONFIRMED,
                )
            )
    Booking.objects.bulk_create(rows, batch_size=2000)
    Leave.objects.bulk_create(
        Leave(
            specialist=s, starts_on=start + WEEK * 20, ends_on=start + WEEK * 20 + datetime.timedelta(days=4)
        )
        for s in specialists[::7]
    )
    return len(rows)


def seed(count: int, bookings: int) -> dict:
    rng = random.Random(11)
    started = time.perf_counter()
    start = services.this_week()
    pools = [Pool.objects.get(slug="capability-model"), Pool.objects.get(slug="transformation-squad")]
    roles, skills = list(DdatRole.objects.all()), list(Skill.objects.all())
    organisations = list(Organisation.objects.all())
    councils = list(Organisation.objects.filter(kind="local_authority"))
    with transaction.atomic():
        specialists = _specialists(rng, count, pools, roles, skills, organisations, start)
        made = _bookings(rng, specialists, bookings, councils, start)
    manager = User.objects.create_user("bench@porth.localhost", "a long benchmark password")
    team_add_member(user=manager, team=LeadershipTeam.objects.get(slug="wlga-digital-team"))
    organisation_add_member(user=manager, organisation=councils[0])
    requests = [
        services.specialist_request_raise(
            user=manager,
            pool=pools[0],
            organisation=councils[n % len(councils)],
            role=roles[n % len(roles)],
            skills=skills[n % 5 : n % 5 + 2],
            days_per_week=Decimal(2),
            starts_on=start + WEEK,
            ends_on=start + WEEK * 12,
            what_for="A request made for the benchmark.",
            welsh_needed=n % 2 == 0,
        )
        for n in range(60)
    ]
    engagement = services.engagement_create(
        user=manager,
        fields={"title_en": "Benchmark squad", "pool": pools[0], "phase": "alpha", "starts_on": start},
        organisations=councils[:3],
        projects=[],
    )
    session = SessionStore()
    session[SESSION_KEY] = str(manager.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = manager.get_session_auth_hash()
    session.create()
    return {
        "session": session.session_key,
        "request": requests[0].reference,
        "specialist": specialists[1].pk,
        "engagement": engagement.pk,
        "specialists": len(specialists),
        "bookings": made,
        "seconds": round(time.perf_counter() - started, 1),
    }


if __name__ == "__main__":
    print(json.dumps(seed(int(sys.argv[1]), int(sys.argv[2]))))
