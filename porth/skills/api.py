"""Training's read API: the catalogue and the sessions to come, with the places left. Public data only: no
bookings, no joining links."""

import datetime

from django.db.models import F
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import paginate

from porth.accounts.api_auth import OPTIONAL_AUTH
from porth.core.mail import absolute_url
from porth.core.pagination import COUNT_LIMIT, Pages

from .forms import CatalogueFilterForm
from .models import Course, Session
from .queries import catalogue, courses_filtered, providers_with_courses, sessions_to_come

router = Router(tags=["Training"])


class CourseFilters(Schema):
    q: str = ""
    audience: str = ""
    language: str = ""
    level: str = ""
    role_family: str = ""
    provider: str = ""


class CourseOut(Schema):
    id: int
    url: str
    title_en: str
    title_cy: str
    summary_en: str
    summary_cy: str
    provider_team: str | None
    provider_organisation: str | None
    audiences: list[str]
    level: str
    role_family: str
    programme_items: list[str]
    standards: list[int]
    runs_elsewhere_at: str | None
    runs_elsewhere_by: str | None
    next_session_starts_at: datetime.datetime | None
    sessions_to_come: int


class SessionOut(Schema):
    id: int
    url: str
    course_id: int
    course_title_en: str
    course_title_cy: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    mode: str
    place_en: str
    place_cy: str
    language: str
    capacity: int
    places_left: int
    booking_open: bool
    booking_closes_at: datetime.datetime
    trainer: str | None


def course_row(course: Course) -> dict:
    return {
        "id": course.pk,
        "url": absolute_url(course.get_absolute_url(), "en"),
        "title_en": course.title_en,
        "title_cy": course.title_cy,
        "summary_en": course.summary_en,
        "summary_cy": course.summary_cy,
        "provider_team": course.provider_team.slug if course.provider_team_id else None,
        "provider_organisation": course.provider_organisation.code
        if course.provider_organisation_id
        else None,
        "audiences": course.audiences,
        "level": course.level,
        "role_family": course.role_family,
        "programme_items": [f"{i.programme.team.slug}:{i.number}" for i in course.programme_items.all()],
        "standards": [s.number for s in course.standards.all()],
        "runs_elsewhere_at": course.external_url or None,
        "runs_elsewhere_by": course.external_name or None,
        "next_session_starts_at": getattr(course, "next_starts_at", None),
        "sessions_to_come": getattr(course, "sessions_to_come", 0),
    }


def session_row(session: Session, now: datetime.datetime) -> dict:
    return {
        "id": session.pk,
        "url": absolute_url(session.get_absolute_url(), "en"),
        "course_id": session.course_id,
        "course_title_en": session.course.title_en,
        "course_title_cy": session.course.title_cy,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "mode": session.mode,
        "place_en": session.place_en,
        "place_cy": session.place_cy,
        "language": session.language,
        "capacity": session.capacity,
        "places_left": session.places_left(session.taken),
        "booking_open": session.booking_open(now),
        "booking_closes_at": session.booking_closes_at,
        "trainer": session.trainer.get_full_name() if session.trainer_id else None,
    }


def _with_links(courses):
    return courses.prefetch_related("programme_items__programme__team", "standards")


@router.get(
    "/training/courses", response=list[CourseOut], auth=OPTIONAL_AUTH, summary="List training courses"
)
@paginate(Pages, page_size=50)
def course_list(request, filters: Query[CourseFilters]):
    """The training catalogue, with the same filters as the page: words (`q`), `audience`, `language` of the
    sessions to come (cy or en; bilingual sessions count for both), `level`, `role_family` and `provider`
    ("team:<slug>" or "org:<code>"). Courses run elsewhere carry the address where people book them."""
    now = timezone.now()
    data = {k: v for k, v in filters.dict().items() if v}
    form = CatalogueFilterForm(data, providers=providers_with_courses())
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ["query", name], "msg": str(errors[0]), "type": "invalid"}
                for name, errors in form.errors.items()
            ]
        )
    courses = courses_filtered(_with_links(catalogue(now)), form.cleaned_data, now)
    return _Rows(courses, course_row)


@router.get(
    "/training/courses/{course_id}", response=CourseOut, auth=OPTIONAL_AUTH, summary="Read one course"
)
def course_detail(request, course_id: int):
    now = timezone.now()
    return course_row(get_object_or_404(_with_links(catalogue(now)), pk=course_id))


class SessionFilters(Schema):
    course: int | None = None
    language: str = ""
    mode: str = ""
    with_places: bool = False


@router.get(
    "/training/sessions", response=list[SessionOut], auth=OPTIONAL_AUTH, summary="List sessions to come"
)
@paginate(Pages, page_size=50)
def session_list(request, filters: Query[SessionFilters]):
    """Sessions that have not started yet and are not cancelled, soonest first, with the places left. Filter
    by `course` (its id), `language` (cy, en or bilingual), `mode` (online or in_person), and `with_places`
    (true: only sessions with a place left and booking open). The count stops at 1,001."""
    now = timezone.now()
    sessions = sessions_to_come(now)
    errors = []
    if filters.language and filters.language not in {"cy", "en", "bilingual"}:
        errors.append({"loc": ["query", "language"], "msg": _choose("cy, en, bilingual"), "type": "invalid"})
    if filters.mode and filters.mode not in {"online", "in_person"}:
        errors.append({"loc": ["query", "mode"], "msg": _choose("online, in_person"), "type": "invalid"})
    if errors:
        raise ValidationError(errors)
    if filters.course:
        sessions = sessions.filter(course_id=filters.course)
    if filters.language:
        sessions = sessions.filter(language=filters.language)
    if filters.mode:
        sessions = sessions.filter(mode=filters.mode)
    if filters.with_places:
        sessions = sessions.filter(booking_closes_at__gt=now, taken__lt=F("capacity"))
    return _Rows(sessions, lambda s: session_row(s, now))


@router.get(
    "/training/sessions/{session_id}", response=SessionOut, auth=OPTIONAL_AUTH, summary="Read one session"
)
def session_detail(request, session_id: int):
    """One session, past or to come, with its places left (0 once it is cancelled)."""
    now = timezone.now()
    session = get_object_or_404(
        Session.objects.with_places().select_related("course", "trainer"), pk=session_id
    )
    row = session_row(session, now)
    if session.is_cancelled:
        row["places_left"] = 0
    return row


def _choose(options: str) -> str:
    return _("Use one of: %(expected)s.") % {"expected": options}


class _Rows:
    """A lazy list for the paginator: it counts in the database and turns only one page into rows."""

    def __init__(self, queryset, row):
        self.queryset, self.row = queryset, row

    def count(self):
        # As on the portfolio's API, counting stops past COUNT_LIMIT: more than 1,000 means "1,000 or more".
        return self.queryset[: COUNT_LIMIT + 1].count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        return [self.row(item) for item in self.queryset[index]]
