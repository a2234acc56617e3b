"""Demo and benchmark training.

The demo catalogue (data/demo_training.yaml) is a dozen courses from the leadership teams, a council and
Academi Wales, with sessions in Welsh, English and both, online and in person, in the past and to come, and
bookings by the demo people: attendance marked on past sessions (so certificates exist), a full session with
a waiting list and a place on offer, a cancelled session. Everything goes through the training services, as a
person would, with their e-mails left unsent; the services are given the times things would have happened.

`training_load_scale` makes any number of plainer courses, sessions and bookings, in bulk, for benchmarks.
"""

import datetime
import random
import time
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone

from porth.accounts.models import OrganisationMembership, User
from porth.directory.models import LeadershipTeam, Organisation, ProgrammeItem
from porth.standards.models import Framework, Standard

from . import services
from .models import (
    Attendance,
    Audience,
    Booking,
    BookingState,
    Course,
    CourseAudience,
    DeliveryLanguage,
    Level,
    Mode,
    RoleFamily,
    Session,
)
from .times import london_datetime

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo_training.yaml"


def _provider(value: str) -> dict:
    kind, _sep, key = value.partition(":")
    if kind == "team":
        return {"provider_team": LeadershipTeam.objects.get(slug=key), "provider_organisation": None}
    return {"provider_team": None, "provider_organisation": Organisation.objects.get(code=key)}


def _programme_items(keys: list[str]) -> list[ProgrammeItem]:
    items = []
    for key in keys:
        slug, _sep, number = key.partition(":")
        items.append(ProgrammeItem.objects.get(programme__team__slug=slug, number=int(number)))
    return items


def _standards(numbers: list[int]) -> list[Standard]:
    frameworks = [f.pk for f in Framework.objects.current() if f.slug == "digital-service-standards-wales"]
    return list(Standard.objects.filter(framework__in=frameworks, number__in=numbers))


def _course_add(spec: dict, author: User) -> Course:
    fields = {
        "title_en": spec["title_en"],
        "title_cy": spec["title_cy"],
        "summary_en": spec["summary_en"],
        "summary_cy": spec["summary_cy"],
        "level": spec["level"],
        "role_family": spec["role_family"],
        "external_url": spec.get("external_url", ""),
        "external_name": spec.get("external_name", ""),
        "is_demo": True,
        **_provider(spec["provider"]),
    }
    return services.course_create(
        user=author,
        fields=fields,
        audiences=spec["audiences"],
        programme_items=_programme_items(spec.get("programme_items", [])),
        standards=_standards(spec.get("standards", [])),
    )


def _session_add(course: Course, spec: dict, people: dict[str, User], now: datetime.datetime) -> Session:
    day = timezone.localdate() + datetime.timedelta(days=spec["days"])
    while (
        day.weekday() >= 5
    ):  # training runs on weekdays: a weekend moves to the Friday before or Monday after
        day += datetime.timedelta(days=1 if spec["days"] >= 0 else -1)
    starts_at = london_datetime(day, datetime.time.fromisoformat(spec["start"]))
    trainer = people[spec["trainer"]]
    past = starts_at <= now
    # A past session was planned and booked weeks before it ran; one to come is being booked now.
    planned = starts_at - datetime.timedelta(days=40) if past else now - datetime.timedelta(days=7)
    session = services.session_create(
        course=course,
        user=trainer,
        now=planned,
        fields={
            "starts_at": starts_at,
            "ends_at": london_datetime(day, datetime.time.fromisoformat(spec["end"])),
            "mode": spec["mode"],
            "place_en": spec.get("place_en", ""),
            "place_cy": spec.get("place_cy", ""),
            "online_link": "https://meet.example.gov.wales/porth-demo" if spec["mode"] == Mode.ONLINE else "",
            "language": spec["language"],
            "capacity": spec["capacity"],
            "booking_closes_at": london_datetime(day - datetime.timedelta(days=1), datetime.time(23, 59)),
            "trainer": trainer,
            "is_demo": True,
        },
    )
    _bookings_add(session, spec, people, planned if past else None, now)
    if spec.get("cancelled"):
        services.session_cancel(session=session, user=trainer, notify=False, now=planned, **spec["cancelled"])
    return session


def _bookings_add(session, spec, people, planned, now) -> None:
    """The session's bookings, in order: an hour apart from the day after a past session was planned, or a
    minute apart in the last minutes for a session to come."""
    bookings = {}
    wanted = spec.get("bookings", [])
    for n, row in enumerate(wanted):
        user = people[row["person"]]
        if planned is not None:
            at = planned + datetime.timedelta(days=1, hours=n)
        else:
            at = now - datetime.timedelta(minutes=len(wanted) - n)
        bookings[row["person"]] = services.booking_create(
            session=session,
            person=user,
            booked_by=user,
            organisation=user.organisation_memberships.first().organisation,
            audience=row["audience"],
            needs=row.get("needs", ""),
            join_waiting_list=row.get("waiting", False),
            now=at,
            notify=False,
        )
    for email in spec.get("cancel", []):
        services.booking_cancel(booking=bookings[email], user=people[email], now=now, notify=False)
    marks = {bookings[row["person"]].pk: row["attendance"] for row in wanted if row.get("attendance")}
    if marks:
        services.attendance_mark(
            session=session,
            user=session.trainer,
            marks=marks,
            now=session.ends_at,
            notify=False,
        )


def demo_training_load() -> int:
    """Make the demo training once; return how many courses were made now (0 if any demo course exists).

    The demo people (accounts.demo) must be there first: they train and book."""
    if Course.objects.filter(is_demo=True).exists():
        return 0
    people = {u.email: u for u in User.objects.filter(is_demo=True)}
    if not people:
        raise ValueError("Load the demo people before the demo training: they train and book places.")
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    now = timezone.now()
    courses = 0
    for spec in data["courses"]:
        course = _course_add(spec, author=people["admin@cdps.demo.localhost"])
        for session_spec in spec.get("sessions", []):
            _session_add(course, session_spec, people, now)
        courses += 1
    return courses


@transaction.atomic
def demo_training_clear() -> int:
    """Delete the demo courses, their sessions and every booking on them."""
    sessions = Session.objects.filter(course__is_demo=True)
    deleted, _ = Booking.objects.filter(session__in=sessions).delete()
    count, _ = sessions.delete()
    courses, _ = Course.objects.filter(is_demo=True).delete()
    return deleted + count + courses


# ---------------------------------------------------------------------------------------------- benchmarks

WORDS_EN = [
    "digital",
    "leadership",
    "data",
    "design",
    "service",
    "users",
    "agile",
    "security",
    "accessibility",
    "procurement",
    "cloud",
    "research",
    "content",
    "product",
    "delivery",
    "architecture",
    "standards",
    "inclusion",
    "automation",
    "testing",
]
WORDS_CY = [
    "arweinyddiaeth",
    "ddigidol",
    "data",
    "dylunio",
    "gwasanaeth",
    "defnyddwyr",
    "ystwyth",
    "diogelwch",
    "hygyrchedd",
    "caffael",
    "cwmwl",
    "ymchwil",
    "cynnwys",
    "cynnyrch",
    "cyflawni",
    "pensaernïaeth",
    "safonau",
    "cynhwysiant",
    "awtomeiddio",
    "profi",
]
BATCH = 5000


def _scale_people(rng: random.Random, count: int) -> list[tuple[int, int]]:
    """`count` synthetic people, each a member of a public body: (user id, organisation id)."""
    organisations = list(Organisation.objects.exclude(kind="non_public").values_list("pk", flat=True))
    start = User.objects.count()
    users = [
        User(email=f"learner{start + n}@scale.demo.localhost", full_name=f"Learner {start + n}", is_demo=True)
        for n in range(count)
    ]
    for user in users:
        user.set_unusable_password()
    User.objects.bulk_create(users, batch_size=BATCH)
    made = list(User.objects.filter(email__endswith="@scale.demo.localhost").values_list("pk", flat=True))
    pairs = [(pk, rng.choice(organisations)) for pk in made]
    OrganisationMembership.objects.bulk_create(
        [OrganisationMembership(user_id=u, organisation_id=o) for u, o in pairs],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    return pairs


def _scale_courses(rng: random.Random, count: int) -> list[int]:
    teams = list(LeadershipTeam.objects.values_list("pk", flat=True))
    courses = []
    for n in range(count):
        words = rng.sample(range(len(WORDS_EN)), 3)
        courses.append(
            Course(
                title_en=" ".join(WORDS_EN[w] for w in words).capitalize() + f" {n}",
                title_cy=" ".join(WORDS_CY[w] for w in words).capitalize() + f" {n}",
                summary_en="A synthetic course for the benchmark.",
                summary_cy="Cwrs synthetig ar gyfer y meincnod.",
                provider_team_id=rng.choice(teams),
                level=rng.choice(Level.values),
                role_family=rng.choice(RoleFamily.values),
                is_demo=True,
            )
        )
    Course.objects.bulk_create(courses, batch_size=BATCH)
    ids = list(Course.objects.filter(is_demo=True).order_by("pk").values_list("pk", flat=True))[-count:]
    rows = [
        CourseAudience(course_id=pk, audience=a)
        for pk in ids
        for a in rng.sample(Audience.values, rng.randint(1, 3))
    ]
    CourseAudience.objects.bulk_create(rows, batch_size=BATCH)
    return ids


def _scale_sessions(rng: random.Random, courses: list[int], count: int, now) -> list[tuple[int, int]]:
    sessions = []
    for n in range(count):
        starts = now + datetime.timedelta(days=rng.randint(-300, 120), hours=rng.randint(0, 8))
        sessions.append(
            Session(
                course_id=courses[n % len(courses)],
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=3),
                mode=rng.choice(Mode.values),
                place_en="Civic Centre" if n % 2 else "",
                place_cy="Y Ganolfan Ddinesig" if n % 2 else "",
                language=rng.choice(DeliveryLanguage.values),
                capacity=rng.randint(8, 20),
                booking_closes_at=starts - datetime.timedelta(days=1),
                is_demo=True,
            )
        )
    Session.objects.bulk_create(sessions, batch_size=BATCH)
    return list(Session.objects.filter(is_demo=True).order_by("pk").values_list("pk", "capacity"))[-count:]


def _scale_bookings(rng, sessions, people, count: int, now) -> int:
    """About count bookings, spread over the sessions, filling most: booked, a few waiting, some cancelled."""
    per_session = max(1, count // len(sessions))
    made = 0
    batch: list[Booking] = []
    for session_id, capacity in sessions:
        chosen = rng.sample(people, min(per_session, len(people)))
        for n, (user_id, organisation_id) in enumerate(chosen):
            state = BookingState.BOOKED if n < capacity else BookingState.WAITING
            if state == BookingState.BOOKED and rng.random() < 0.08:
                state = BookingState.CANCELLED
            batch.append(
                Booking(
                    session_id=session_id,
                    person_id=user_id,
                    booked_by_id=user_id,
                    organisation_id=organisation_id,
                    audience=rng.choice(Audience.values),
                    state=state,
                    booked_at=now if state != BookingState.WAITING else None,
                    waiting_since=now + datetime.timedelta(seconds=n)
                    if state == BookingState.WAITING
                    else None,
                    attendance=rng.choice([Attendance.PRESENT, Attendance.PRESENT, Attendance.ABSENT])
                    if state == BookingState.BOOKED
                    else Attendance.UNMARKED,
                )
            )
        if len(batch) >= BATCH:
            made += len(Booking.objects.bulk_create(batch, batch_size=BATCH))
            batch = []
    made += len(Booking.objects.bulk_create(batch, batch_size=BATCH))
    return made


def training_load_scale(
    *, courses: int, sessions: int, bookings: int, people: int = 2000, seed: int = 2026
) -> float:
    """Add synthetic courses, sessions and bookings in bulk for benchmarks; return the seconds taken."""
    started = time.perf_counter()
    rng = random.Random(seed)
    now = timezone.now()
    with transaction.atomic():
        learners = _scale_people(rng, people)
        course_ids = _scale_courses(rng, courses)
    with transaction.atomic():
        session_rows = _scale_sessions(rng, course_ids, sessions, now)
    with transaction.atomic():
        _scale_bookings(rng, session_rows, learners, bookings, now)
    return time.perf_counter() - started
