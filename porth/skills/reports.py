"""Training reports: bookings and attendance by organisation, audience, course and language of delivery, and
the figures the Welsh Language Standards ask councils to publish each year.

The Welsh Language Standards (record-keeping and annual reporting) ask a body to publish how many of its staff
attended training courses offered in Welsh, and, where a course was offered in both a Welsh and an English
version, what share of the staff who attended it chose the Welsh version. Here:
- staff are everyone booked in any role but elected member;
- a session "offered in Welsh" is one delivered in Welsh or bilingually;
- a course was offered in both versions when, in the period, it had a session delivered in Welsh and one
  delivered in English; the share is of the staff who attended its Welsh or English sessions (people at its
  bilingual sessions are counted apart, since they did not choose between the two).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _

from porth.core.csvfiles import csv_response
from porth.directory.models import Organisation

from .models import (
    Attendance,
    Audience,
    BookingState,
    Course,
    DeliveryLanguage,
    Session,
    SessionState,
)
from .times import london_datetime

BREAKDOWNS = {
    "organisation": "organisation_id",
    "audience": "audience",
    "course": "session__course_id",
    "language": "session__language",
}

ATTENDED = Q(state=BookingState.BOOKED, attendance=Attendance.PRESENT)
COUNTS = {
    "booked": Count("pk", filter=Q(state=BookingState.BOOKED)),
    "attended": Count("pk", filter=ATTENDED),
    "absent": Count("pk", filter=Q(state=BookingState.BOOKED, attendance=Attendance.ABSENT)),
    "waiting": Count("pk", filter=Q(state__in=[BookingState.WAITING, BookingState.OFFERED])),
    "cancelled": Count("pk", filter=Q(state=BookingState.CANCELLED)),
}


def in_period(bookings, starts: datetime.date | None, ends: datetime.date | None):
    if starts:
        bookings = bookings.filter(session__starts_at__gte=london_datetime(starts, datetime.time()))
    if ends:
        end = london_datetime(ends + datetime.timedelta(days=1), datetime.time())
        bookings = bookings.filter(session__starts_at__lt=end)
    return bookings


def financial_year(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The year councils report on: 1 April to 31 March."""
    start_year = today.year if today.month >= 4 else today.year - 1
    return datetime.date(start_year, 4, 1), datetime.date(start_year + 1, 3, 31)


def _labels(breakdown: str, keys: list) -> dict:
    if breakdown == "organisation":
        return {o.pk: str(o.name) for o in Organisation.objects.filter(pk__in=keys)}
    if breakdown == "course":
        return {c.pk: str(c.title) for c in Course.objects.filter(pk__in=keys)}
    if breakdown == "audience":
        return dict(Audience.choices)
    return dict(DeliveryLanguage.choices)


def breakdown_rows(bookings, breakdown: str) -> list[dict]:
    """One row per organisation (or audience, course, language) with its counts, largest first."""
    key = BREAKDOWNS[breakdown]
    rows = list(bookings.order_by().values(key).annotate(**COUNTS))
    labels = _labels(breakdown, [row[key] for row in rows])
    result = [{"key": row[key], "label": str(labels.get(row[key], row[key])), **row} for row in rows]
    return sorted(result, key=lambda r: (-r["booked"], r["label"]))


def totals(rows: list[dict]) -> dict:
    return {name: sum(row[name] for row in rows) for name in COUNTS}


@dataclass(frozen=True)
class CourseChoice:
    course_id: int
    title: str
    welsh: int
    english: int
    bilingual: int

    @property
    def share(self) -> float | None:
        chose = self.welsh + self.english
        return self.welsh / chose if chose else None


@dataclass(frozen=True)
class WelshFigures:
    staff_attended_in_welsh: int  # people (each once) at sessions delivered in Welsh or bilingually
    staff_attended_welsh_only: int  # of whom at sessions delivered in Welsh
    attendances_in_welsh: int
    courses: list[CourseChoice]

    @property
    def welsh(self) -> int:
        return sum(c.welsh for c in self.courses)

    @property
    def chose(self) -> int:
        return sum(c.welsh + c.english for c in self.courses)

    @property
    def share(self) -> float | None:
        return self.welsh / self.chose if self.chose else None


def welsh_figures(bookings, starts: datetime.date | None, ends: datetime.date | None) -> WelshFigures:
    staff = bookings.filter(ATTENDED).exclude(audience=Audience.ELECTED_MEMBERS)
    in_welsh = staff.filter(session__language__in=[DeliveryLanguage.WELSH, DeliveryLanguage.BILINGUAL])
    # The courses that offered both a Welsh and an English version in the period (whoever came to them).
    sessions = Session.objects.exclude(state=SessionState.CANCELLED)
    if starts:
        sessions = sessions.filter(starts_at__gte=london_datetime(starts, datetime.time()))
    if ends:
        sessions = sessions.filter(
            starts_at__lt=london_datetime(ends + datetime.timedelta(days=1), datetime.time())
        )
    offered = sessions.order_by().values_list("course", flat=True).distinct()
    welsh, english = DeliveryLanguage.WELSH, DeliveryLanguage.ENGLISH
    both = set(offered.filter(language=welsh)) & set(offered.filter(language=english))
    counts = (
        staff.filter(session__course__in=both)
        .order_by()
        .values("session__course_id", "session__language")
        .annotate(people=Count("person", distinct=True))
    )
    by_course: dict[int, dict[str, int]] = {}
    for row in counts:
        by_course.setdefault(row["session__course_id"], {})[row["session__language"]] = row["people"]
    titles = {c.pk: str(c.title) for c in Course.objects.filter(pk__in=by_course)}
    courses = [
        CourseChoice(pk, titles[pk], n.get("cy", 0), n.get("en", 0), n.get("bilingual", 0))
        for pk, n in sorted(by_course.items(), key=lambda item: titles[item[0]])
    ]
    return WelshFigures(
        staff_attended_in_welsh=in_welsh.values("person").distinct().count(),
        staff_attended_welsh_only=in_welsh.filter(session__language=DeliveryLanguage.WELSH)
        .values("person")
        .distinct()
        .count(),
        attendances_in_welsh=in_welsh.count(),
        courses=courses,
    )


# ------------------------------------------------------------------------------------------------ CSV
# Written by porth.core.csvfiles, as every download is: names and titles people typed reach a spreadsheet as
# text, never as a formula.


def breakdown_csv(rows: list[dict], breakdown: str) -> StreamingHttpResponse:
    names = {
        "organisation": _("Organisation"),
        "audience": _("Role"),
        "course": _("Course"),
        "language": _("Language of delivery"),
    }
    header = [names[breakdown], _("Booked"), _("Attended"), _("Did not attend"), _("Waiting"), _("Cancelled")]
    body = ([r["label"], r["booked"], r["attended"], r["absent"], r["waiting"], r["cancelled"]] for r in rows)
    return csv_response(header, body, f"porth-training-by-{breakdown}.csv")


def bookings_csv(bookings) -> StreamingHttpResponse:
    """One row per booking, for the organisation's own records."""
    header = [
        _("Name"),
        _("Email address"),
        _("Organisation"),
        _("Role"),
        _("Course"),
        _("Session starts"),
        _("Language of delivery"),
        _("Booking"),
        _("Attendance"),
    ]
    queryset = bookings.select_related("person", "organisation", "session__course").order_by(
        "session__starts_at", "pk"
    )

    def rows():
        for b in queryset.iterator(chunk_size=2000):
            yield [
                b.person.get_full_name(),
                b.person.email,
                str(b.organisation.name),
                b.get_audience_display(),
                str(b.session.course.title),
                b.session.starts_at.isoformat(),
                b.session.get_language_display(),
                b.get_state_display(),
                b.get_attendance_display(),
            ]

    return csv_response(header, rows(), "porth-training-bookings.csv")


def welsh_csv(figures: WelshFigures) -> StreamingHttpResponse:
    header = [
        _("Course"),
        _("Staff at Welsh sessions"),
        _("Staff at English sessions"),
        _("Staff at bilingual sessions"),
        _("Share who chose Welsh"),
    ]
    body = (
        [c.title, c.welsh, c.english, c.bilingual, "" if c.share is None else f"{c.share:.1%}"]
        for c in figures.courses
    )
    return csv_response(header, body, "porth-training-welsh-language.csv")
