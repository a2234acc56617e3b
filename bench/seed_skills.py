"""Fill a benchmark database with synthetic training, in bulk, and print what the benchmark needs.

Run by bench/skills.py with the benchmark's environment: `python bench/seed_skills.py 1000 10000 100000`
(courses, sessions, bookings). Prints one JSON line: signed-in sessions for a learner with many bookings and
for a member of the team whose course is measured, the ids to request, and the seconds taken.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils import timezone  # noqa: E402

from porth.accounts.models import User  # noqa: E402
from porth.accounts.services import team_add_member  # noqa: E402
from porth.skills.demo import training_load_scale  # noqa: E402
from porth.skills.models import Booking, BookingState, Session  # noqa: E402


def signed_in(user: User) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def seed(courses: int, sessions: int, bookings: int) -> dict:
    seconds = training_load_scale(courses=courses, sessions=sessions, bookings=bookings)
    now = timezone.now()
    # A session to come with people booked and on its waiting list: the busiest kind of session page.
    session = (
        Session.objects.filter(starts_at__gt=now, booking_closes_at__gt=now)
        .annotate(n=Count("bookings"))
        .order_by("-n", "pk")
        .select_related("course__provider_team")
        .first()
    )
    manager = (
        User.objects.exclude(training_bookings__session=session)
        .filter(email__endswith="@scale.demo.localhost")
        .first()
    )
    team_add_member(user=manager, team=session.course.provider_team)
    # The learner with the most bookings: the longest "your training" page.
    learner = User.objects.annotate(n=Count("training_bookings")).order_by("-n", "pk").first()
    booking = Booking.objects.filter(person=learner, state=BookingState.BOOKED).order_by("-pk").first()
    return {
        "learner": signed_in(learner),
        "manager": signed_in(manager),
        "session": session.pk,
        "course": session.course_id,
        "booking": booking.pk,
        "bookings_of_learner": learner.n,
        "seconds": round(seconds, 1),
        "counts": {
            "courses": courses,
            "sessions": Session.objects.count(),
            "bookings": Booking.objects.count(),
        },
    }


if __name__ == "__main__":
    print(json.dumps(seed(*(int(arg) for arg in sys.argv[1:4]))))
