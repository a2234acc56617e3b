"""Reads that the catalogue page and the API share: the same filters give the same courses and sessions."""

import datetime

from django.db.models import F

from porth.directory.models import LeadershipTeam, Organisation

from .forms import provider_choices
from .models import Course, Session


def providers_with_courses() -> list[tuple[str, str]]:
    teams = LeadershipTeam.objects.filter(pk__in=Course.objects.values("provider_team")).order_by("position")
    organisations = Organisation.objects.filter(pk__in=Course.objects.values("provider_organisation"))
    return provider_choices(teams, organisations)


def courses_filtered(courses, data: dict, now: datetime.datetime):
    """The catalogue's filters: words, audience, language of the sessions to come, level, role family and
    who offers it (as "team:<slug>" or "org:<code>")."""
    courses = courses.search(data.get("q") or "")
    if data.get("audience"):
        courses = courses.for_audience(data["audience"])
    if data.get("language"):
        courses = courses.offered_in(data["language"], now)
    if data.get("level"):
        courses = courses.filter(level=data["level"])
    if data.get("role_family"):
        courses = courses.filter(role_family=data["role_family"])
    kind, _sep, key = (data.get("provider") or "").partition(":")
    if kind == "team":
        courses = courses.filter(provider_team__slug=key)
    elif kind == "org":
        courses = courses.filter(provider_organisation__code=key)
    return courses


def catalogue(now: datetime.datetime):
    """Every course with its next session: the soonest first, then the others by title."""
    return (
        Course.objects.select_related("provider_team", "provider_organisation")
        .prefetch_related("audience_rows")
        .with_next_session(now)
        .order_by(F("next_starts_at").asc(nulls_last=True), "title_en", "title_cy", "pk")
    )


def sessions_to_come(now: datetime.datetime):
    return (
        Session.objects.upcoming(now)
        .with_places()
        .select_related("course__provider_team", "course__provider_organisation", "trainer")
        .order_by("starts_at", "pk")
    )
