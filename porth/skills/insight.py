"""What training gives the dashboards, the site-wide search and the open data (porth.insight reads these).

Figures are counts over everyone's sessions, the same for every reader: the dashboards keep them in a shared
cache and decide what each reader may see of them (porth.insight.disclosure). Records go through the
permission helpers, so the search lists only the courses the reader may read.
"""

import datetime
from collections.abc import Iterator

from django.db.models import Count

from porth.core.language import absolute_url
from porth.directory.models import LeadershipTeam

from .models import Booking, Course, DeliveryLanguage, Session, SessionState
from .permissions import courses_visible_to
from .reports import ATTENDED
from .times import london_datetime

# The dashboards name languages "en", "cy" and "both"; a bilingual session is delivered in both.
DASHBOARD_LANGUAGES = {
    DeliveryLanguage.ENGLISH: "en",
    DeliveryLanguage.WELSH: "cy",
    DeliveryLanguage.BILINGUAL: "both",
}


def _sessions_run(team: LeadershipTeam | None, start: datetime.date, end: datetime.date):
    """The sessions that started from the first day to the last (on the clocks in Wales), not cancelled."""
    sessions = Session.objects.exclude(state=SessionState.CANCELLED).filter(
        starts_at__gte=london_datetime(start, datetime.time()),
        starts_at__lt=london_datetime(end + datetime.timedelta(days=1), datetime.time()),
    )
    return sessions if team is None else sessions.filter(course__provider_team=team)


def attendance_by_language(
    *, team: LeadershipTeam | None, start: datetime.date, end: datetime.date
) -> list[tuple[str, int, int]]:
    """(language, sessions, attendances) for each language of delivery, for the sessions of the team's
    courses (or, with team None, everyone's) in the period. An attendance is a person marked present."""
    sessions = _sessions_run(team, start, end)
    run = dict(sessions.order_by().values_list("language").annotate(n=Count("pk")))
    attended = dict(
        Booking.objects.filter(ATTENDED, session__in=sessions)
        .order_by()
        .values_list("session__language")
        .annotate(n=Count("pk"))
    )
    return [
        (code, run.get(language, 0), attended.get(language, 0))
        for language, code in DASHBOARD_LANGUAGES.items()
    ]


def courses(*, user) -> list[Course]:
    """The courses the reader may see, for the site-wide search to match."""
    fields = ("id", "title_en", "title_cy", "summary_en", "summary_cy")
    return list(courses_visible_to(user).only(*fields))


def sessions_open_data() -> Iterator[dict]:
    """One row per training session, past and to come, cancelled ones saying so: what the public pages and
    the API already show, without bookings, joining links or who trains."""
    sessions = Session.objects.select_related(
        "course__provider_team", "course__provider_organisation"
    ).order_by("starts_at", "pk")
    for s in sessions.iterator(chunk_size=2000):
        course = s.course
        yield {
            "id": s.pk,
            "url": absolute_url(s.get_absolute_url(), "en"),
            "course_id": course.pk,
            "course_title_en": course.title_en,
            "course_title_cy": course.title_cy,
            "provider_team": course.provider_team.slug if course.provider_team_id else None,
            "provider_organisation": (
                course.provider_organisation.code if course.provider_organisation_id else None
            ),
            "starts_at": s.starts_at.isoformat(),
            "ends_at": s.ends_at.isoformat(),
            "mode": s.mode,
            "place_en": s.place_en,
            "place_cy": s.place_cy,
            "language": s.language,
            "capacity": s.capacity,
            "cancelled": s.is_cancelled,
        }
