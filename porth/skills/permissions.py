"""Who may do what with training, decided in one place: one helper per kind of thing.

- Anyone, signed in or not, reads the catalogue, courses and sessions.
- A course is managed (changed, given sessions, its sessions changed or cancelled) by the members of the
  leadership team that offers it, the administrators of the organisation that offers it, and people given
  the site-wide permission to change any course.
- A session's trainer marks its attendance; so may the people who manage its course.
- A person signed in from a Welsh public body (a member of an organisation) books a place for themselves.
  An administrator of an organisation may book a place for a colleague in that organisation.
- A booking is seen, and cancelled, by the person, whoever booked it for them, the administrators of its
  organisation, and the people who manage the course; the trainer sees it. Only the person accepts a place
  offered to them. Its certificate exists only once the person is marked present.
- Reports show the bookings of the organisations someone administers and of the courses they manage;
  people with the site-wide permission see every organisation's.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from porth.accounts.models import User
from porth.accounts.permissions import memberships
from porth.directory.models import LeadershipTeam, Organisation

from .models import Booking, BookingState, Course, Session

CHANGE_ANY_COURSE = "skills.change_course"
SEE_EVERY_REPORT = "skills.see_every_training_report"


def _has(user, permission: str) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(permission))


# ---------------------------------------------------------------------------------------------- courses


def providers_for(user) -> tuple[list[LeadershipTeam], list[Organisation]]:
    """The teams and organisations someone may offer courses for."""
    if _has(user, CHANGE_ANY_COURSE):
        return list(LeadershipTeam.objects.all()), list(Organisation.objects.all())
    mine = memberships(user)
    return (
        list(LeadershipTeam.objects.filter(pk__in=mine.teams)),
        list(Organisation.objects.filter(pk__in=mine.admin_of)),
    )


def may_add_courses(user) -> bool:
    mine = memberships(user)
    return bool(mine.teams or mine.admin_of) or _has(user, CHANGE_ANY_COURSE)


def course_manageable(user, course: Course) -> bool:
    mine = memberships(user)
    return (
        (course.provider_team_id is not None and course.provider_team_id in mine.teams)
        or (course.provider_organisation_id is not None and course.provider_organisation_id in mine.admin_of)
        or _has(user, CHANGE_ANY_COURSE)
    )


def courses_visible_to(user, queryset=None):
    """The courses someone may read: every course, since the catalogue is public. Lists outside training
    (the site-wide search) ask here, so that a course kept from some readers would be kept from them too."""
    return Course.objects.all() if queryset is None else queryset


def courses_managed_by(user, queryset=None):
    queryset = Course.objects.all() if queryset is None else queryset
    if _has(user, CHANGE_ANY_COURSE):
        return queryset
    mine = memberships(user)
    return queryset.filter(Q(provider_team__in=mine.teams) | Q(provider_organisation__in=mine.admin_of))


@dataclass(frozen=True)
class CourseAccess:
    view: bool
    manage: bool


def course_get_for_user(user, pk: int) -> tuple[Course, CourseAccess]:
    """The course and what the user may do with it; every course is public."""
    course = (
        Course.objects.select_related("provider_team", "provider_organisation")
        .prefetch_related("audience_rows", "programme_items__programme__team", "standards__framework")
        .filter(pk=pk)
        .first()
    )
    if course is None:
        raise Http404
    return course, CourseAccess(view=True, manage=course_manageable(user, course))


# --------------------------------------------------------------------------------------------- sessions


@dataclass(frozen=True)
class SessionAccess:
    view: bool
    manage: bool
    mark_attendance: bool
    book: bool  # signed in from an organisation, so may book for themselves
    book_for_colleague: bool  # an administrator of an organisation


def session_access(user, session: Session) -> SessionAccess:
    manage = course_manageable(user, session.course)
    mine = memberships(user)
    is_trainer = user.is_authenticated and session.trainer_id == user.pk
    return SessionAccess(
        view=True,
        manage=manage,
        mark_attendance=manage or is_trainer,
        book=bool(mine.organisations),
        book_for_colleague=bool(mine.admin_of),
    )


def session_get_for_user(user, pk: int) -> tuple[Session, SessionAccess]:
    session = (
        Session.objects.select_related("course__provider_team", "course__provider_organisation", "trainer")
        .prefetch_related("course__audience_rows")
        .with_places()
        .filter(pk=pk)
        .first()
    )
    if session is None:
        raise Http404
    return session, session_access(user, session)


def booking_organisations(user) -> list[Organisation]:
    """The organisations a person may book as (they work for them)."""
    return list(Organisation.objects.filter(pk__in=memberships(user).organisations).order_by("name_en"))


def administered_organisations(user) -> list[Organisation]:
    return list(Organisation.objects.filter(pk__in=memberships(user).admin_of).order_by("name_en"))


def colleagues_of(user):
    """The people an organisation administrator may book for: active members of the organisations they
    administer (themselves included, so one form serves both)."""
    admin_of = memberships(user).admin_of
    if not admin_of:
        return User.objects.none()
    return (
        User.objects.filter(is_active=True, organisation_memberships__organisation__in=admin_of)
        .distinct()
        .order_by("full_name", "email")
    )


# --------------------------------------------------------------------------------------------- bookings


@dataclass(frozen=True)
class BookingAccess:
    view: bool
    cancel: bool
    accept: bool  # only the person accepts a place offered to them
    certificate: bool
    is_person: bool
    see_needs: bool


def booking_access(user, booking: Booking) -> BookingAccess:
    if not user.is_authenticated or not user.is_active:
        return BookingAccess(False, False, False, False, False, False)
    mine = memberships(user)
    is_person = booking.person_id == user.pk
    managers = course_manageable(user, booking.session.course)
    is_trainer = booking.session.trainer_id == user.pk
    stake = (
        is_person or booking.booked_by_id == user.pk or booking.organisation_id in mine.admin_of or managers
    )
    view = stake or is_trainer
    return BookingAccess(
        view=view,
        cancel=stake and booking.is_active,
        accept=is_person and booking.state == BookingState.OFFERED,
        certificate=view and booking.has_certificate,
        is_person=is_person,
        see_needs=view,
    )


def booking_get_for_user(user, pk: int) -> tuple[Booking, BookingAccess]:
    """The booking and what the user may do with it; a 404 for anyone who may not see it."""
    booking = (
        Booking.objects.select_related(
            "session__course__provider_team",
            "session__course__provider_organisation",
            "session__trainer",
            "person",
            "booked_by",
            "organisation",
        )
        .filter(pk=pk)
        .first()
    )
    if booking is None:
        raise Http404
    access = booking_access(user, booking)
    if not access.view:
        raise Http404
    return booking, access


def bookings_of(user):
    """A person's own bookings, for their list of training."""
    return Booking.objects.filter(person=user) if user.is_authenticated else Booking.objects.none()


# ---------------------------------------------------------------------------------------------- reports


def may_see_reports(user) -> bool:
    mine = memberships(user)
    return bool(mine.admin_of or mine.teams) or _has(user, SEE_EVERY_REPORT) or _has(user, CHANGE_ANY_COURSE)


def report_bookings_for_user(user, queryset=None):
    """The bookings someone may count in reports: their organisations' and their courses'."""
    queryset = Booking.objects.all() if queryset is None else queryset
    if _has(user, SEE_EVERY_REPORT):
        return queryset
    mine = memberships(user)
    managed = courses_managed_by(user).values("pk")
    return queryset.filter(Q(organisation__in=mine.admin_of) | Q(session__course__in=managed))
