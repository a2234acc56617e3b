"""Writes for training: courses, sessions, bookings, the waiting list and its offers, attendance.

Every write that counts places runs in a transaction that first locks the session's row (`select_for_update`
on PostgreSQL; on SQLite the settings open every transaction with BEGIN IMMEDIATE, so writers queue for the
database's one write lock). So two people taking the last place at the same moment are served one after the
other: one gets the place, the other is told it has just gone.

Each change to a booking is recorded as a BookingEvent, and the person is e-mailed about it by a task once the
transaction has committed.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from porth.accounts.models import User
from porth.accounts.permissions import memberships
from porth.directory.models import Organisation

from .models import (
    ACTIVE,
    HOLDS_A_PLACE,
    Attendance,
    Booking,
    BookingEvent,
    BookingState,
    Course,
    CourseAudience,
    Session,
    SessionState,
)
from .tasks import booking_event_notify
from .times import moment, short_day

# What changes a session's entry in people's calendars (a change of places or trainer does not).
CALENDAR_FIELDS = ("starts_at", "ends_at", "mode", "place_en", "place_cy", "online_link", "language")


class BookingRefused(Exception):
    """A booking rule said no. `message` is written for the person, in the language of the request."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


class SessionFull(BookingRefused):
    """The last place has gone; the person may join the waiting list instead."""


# ---------------------------------------------------------------------------------------------- courses


def _audiences_set(course: Course, audiences: Iterable[str]) -> None:
    wanted = set(audiences)
    course.audience_rows.exclude(audience__in=wanted).delete()
    have = set(course.audience_rows.values_list("audience", flat=True))
    CourseAudience.objects.bulk_create([CourseAudience(course=course, audience=a) for a in wanted - have])


def _course_save(course: Course, fields: dict, audiences, programme_items, standards) -> Course:
    for name, value in fields.items():
        setattr(course, name, value)
    errors = {}
    try:
        course.full_clean(exclude=["programme_items", "standards"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if not audiences:
        errors["audiences"] = [_("Choose at least one audience")]
    if course.pk and course.is_external and course.sessions.exists():
        errors["external_url"] = [
            _("This course has sessions in Porth, so it cannot also be run elsewhere. Cancel them first.")
        ]
    if errors:
        raise ValidationError(errors)
    course.save()
    _audiences_set(course, audiences)
    course.programme_items.set(programme_items)
    course.standards.set(standards)
    return course


@transaction.atomic
def course_create(*, user: User, fields: dict, audiences, programme_items=(), standards=()) -> Course:
    """Add a course to the catalogue. Raises ValidationError (by field) when a rule is broken."""
    return _course_save(Course(), fields, audiences, programme_items, standards)


@transaction.atomic
def course_update(*, course: Course, user: User, fields: dict, audiences, programme_items=(), standards=()):
    return _course_save(course, fields, audiences, programme_items, standards)


# --------------------------------------------------------------------------------------------- sessions


def _lock(session_id: int) -> Session:
    """The session's row, locked until the transaction ends (a no-op on SQLite, where the transaction
    itself holds the write lock)."""
    return Session.objects.select_for_update().select_related("course").get(pk=session_id)


def _taken(session: Session) -> int:
    return Booking.objects.filter(session=session, state__in=HOLDS_A_PLACE).count()


def _event(booking: Booking, kind: str, *, by: User | None, previous: str = "", now=None, notify=True):
    event = BookingEvent.objects.create(
        booking=booking,
        kind=kind,
        previous_state=previous,
        sequence=booking.sequence,
        by=by,
        at=now or timezone.now(),
    )
    if notify:
        transaction.on_commit(lambda: booking_event_notify.enqueue(event.pk))
    return event


def _session_check(session: Session, now: datetime.datetime) -> None:
    errors = {}
    try:
        session.full_clean(exclude=["trainer"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if session.starts_at and session.starts_at <= now:
        errors.setdefault("starts_at", []).append(_("The session must start in the future"))
    if errors:
        raise ValidationError(errors)


def _too_few_places(taken: int) -> str:
    return ngettext(
        "%(taken)s place is already booked or offered, so there must be at least %(taken)s.",
        "%(taken)s places are already booked or offered, so there must be at least %(taken)s.",
        taken,
    ) % {"taken": taken}


@transaction.atomic
def session_create(*, course: Course, user: User, fields: dict, now=None) -> Session:
    """Add a session to a course. Raises ValidationError (by field) when a rule is broken."""
    session = Session(course=course, **fields)
    _session_check(session, now or timezone.now())
    session.save()
    return session


def session_update(*, session: Session, user: User, fields: dict, now=None, notify=True) -> Session:
    """Change a session. People with a place get an updated calendar entry when its time, place or language
    changes; more places go to the waiting list at once. Fewer places than are taken is refused."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock(session.pk)
        if session.is_cancelled or session.has_started(now):
            raise ValidationError(
                _("This session has started or been cancelled, so it can no longer be changed.")
            )
        changed = [
            name for name in CALENDAR_FIELDS if name in fields and getattr(session, name) != fields[name]
        ]
        for name, value in fields.items():
            setattr(session, name, value)
        _session_check(session, now)
        taken = _taken(session)
        if session.capacity < taken:
            raise ValidationError({"capacity": [_too_few_places(taken)]})
        session.save()
        if changed:
            booked = list(session.bookings.filter(state=BookingState.BOOKED))
            Booking.objects.filter(pk__in=[b.pk for b in booked]).update(sequence=F("sequence") + 1)
            for booking in booked:
                booking.sequence += 1
                _event(booking, BookingEvent.Kind.SESSION_CHANGED, by=user, now=now, notify=notify)
        _offer_free_places(session, now, notify=notify)
    return session


def session_cancel(
    *, session: Session, user: User, reason_en: str = "", reason_cy: str = "", now=None, notify=True
) -> int:
    """Cancel a session and tell everyone on it (with a calendar cancellation for those with a place).
    Returns how many people were told."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock(session.pk)
        if session.is_cancelled:
            raise ValidationError(_("This session has already been cancelled."))
        if session.has_started(now):
            raise ValidationError(_("This session has already started, so it can no longer be cancelled."))
        session.state, session.cancelled_at = SessionState.CANCELLED, now
        session.cancel_reason_en, session.cancel_reason_cy = reason_en.strip(), reason_cy.strip()
        session.save()
        bookings = list(session.bookings.filter(state__in=ACTIVE))
        for booking in bookings:
            previous = booking.state
            booking.state, booking.cancelled_at, booking.cancelled_by = BookingState.CANCELLED, now, user
            if previous == BookingState.BOOKED:
                booking.sequence += 1
            booking.save()
            _event(
                booking,
                BookingEvent.Kind.SESSION_CANCELLED,
                by=user,
                previous=previous,
                now=now,
                notify=notify,
            )
    return len(bookings)


# --------------------------------------------------------------------------------------------- bookings


def _bookable(session: Session, now: datetime.datetime) -> None:
    if session.is_cancelled:
        raise BookingRefused("cancelled", _("This session has been cancelled."))
    if not session.booking_open(now):
        raise BookingRefused(
            "closed",
            _("Booking for this session closed on %(date)s.") % {"date": moment(session.booking_closes_at)},
        )


def _already(person: User, booker: User, booking: Booking) -> BookingRefused:
    own = person == booker
    if booking.state == BookingState.WAITING:
        message = (
            _("You are already on the waiting list for this session.")
            if own
            else _("%(name)s is already on the waiting list for this session.")
            % {"name": person.get_full_name()}
        )
    elif booking.state == BookingState.OFFERED:
        message = (
            _("You have already been offered a place on this session.")
            if own
            else _("%(name)s has already been offered a place on this session.")
            % {"name": person.get_full_name()}
        )
    else:
        message = (
            _("You already have a place on this session.")
            if own
            else _("%(name)s already has a place on this session.") % {"name": person.get_full_name()}
        )
    return BookingRefused("already", message)


def booking_create(
    *,
    session: Session,
    person: User,
    booked_by: User,
    organisation: Organisation,
    audience: str,
    needs: str = "",
    join_waiting_list: bool = False,
    now: datetime.datetime | None = None,
    notify: bool = True,
) -> Booking:
    """Book a place for `person`, or put them on the waiting list when the session is full and they said they
    would wait. Raises SessionFull when it is full and they did not, BookingRefused for any other rule."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock(session.pk)
        _bookable(session, now)
        if organisation.pk not in memberships(person).organisations:
            raise BookingRefused("organisation", _("Choose an organisation the person works for."))
        if booked_by != person and organisation.pk not in memberships(booked_by).admin_of:
            raise BookingRefused(
                "not_administrator",
                _("You can book places for colleagues only in organisations you administer."),
            )
        if audience not in session.course.audiences:
            raise BookingRefused("audience", _("Choose one of the roles the course is for."))
        booking = Booking.objects.filter(session=session, person=person).first()
        if booking is not None and booking.is_active:
            raise _already(person, booked_by, booking)
        free = session.capacity - _taken(session)
        if free <= 0 and not join_waiting_list:
            raise SessionFull(
                "full", _("Someone has just taken the last place. You can join the waiting list instead.")
            )
        if booking is None:
            booking = Booking(session=session, person=person, created_at=now)
        else:
            # Booking again after cancelling: the same calendar entry comes back, one version on.
            booking.sequence += 1
            booking.cancelled_at = booking.cancelled_by = booking.offered_at = booking.offer_expires_at = None
            booking.booked_at = booking.waiting_since = None
        booking.booked_by, booking.organisation, booking.audience = booked_by, organisation, audience
        booking.needs = needs.strip()
        if free > 0:
            booking.state, booking.booked_at = BookingState.BOOKED, now
        else:
            booking.state, booking.waiting_since = BookingState.WAITING, now
        booking.save()
        kind = BookingEvent.Kind.BOOKED if booking.state == BookingState.BOOKED else BookingEvent.Kind.WAITING
        _event(booking, kind, by=booked_by, now=now, notify=notify)
    return booking


def booking_cancel(*, booking: Booking, user: User, now=None, notify=True) -> Booking:
    """Give up a place, leave the waiting list or decline a place offered. A freed place is offered to the
    next person waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock(booking.session_id)
        booking = Booking.objects.get(pk=booking.pk)
        if not booking.is_active:
            raise BookingRefused("inactive", _("This booking has already been cancelled."))
        if session.has_started(now):
            raise BookingRefused(
                "started", _("This session has already started, so the booking cannot be cancelled.")
            )
        previous = booking.state
        booking.state, booking.cancelled_at, booking.cancelled_by = BookingState.CANCELLED, now, user
        if previous == BookingState.BOOKED:
            booking.sequence += 1
        booking.save()
        _event(booking, BookingEvent.Kind.CANCELLED, by=user, previous=previous, now=now, notify=notify)
        if previous in HOLDS_A_PLACE:
            _offer_free_places(session, now, notify=notify)
    return booking


class OfferRanOut(BookingRefused):
    """The person answered after their offer's time was up; the place has gone to the next person."""


def offer_accept(*, booking: Booking, user: User, now=None, notify=True) -> Booking:
    """Take the place offered. An offer whose time is up is ended first (and the place offered on)."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock(booking.session_id)
        booking = Booking.objects.get(pk=booking.pk)
        if booking.state != BookingState.OFFERED:
            raise BookingRefused(
                "not_offered", _("There is no place waiting for you to accept on this session.")
            )
        ran_out = booking.offer_expires_at <= now or session.is_cancelled
        if ran_out:
            _offers_end(session, now, notify=notify)
            _offer_free_places(session, now, notify=notify)
        else:
            booking.state, booking.booked_at = BookingState.BOOKED, now
            booking.save()
            _event(
                booking,
                BookingEvent.Kind.ACCEPTED,
                by=user,
                previous=BookingState.OFFERED,
                now=now,
                notify=notify,
            )
    if ran_out:
        # Raised after the transaction, so that the ended offer and the next one are kept.
        raise OfferRanOut(
            "ran_out",
            _(
                "Sorry, the time to accept this place ran out on %(date)s, "
                "so it has been offered to the next person."
            )
            % {"date": moment(booking.offer_expires_at)},
        )
    return booking


def _offers_end(session: Session, now: datetime.datetime, notify=True) -> int:
    due = list(session.bookings.filter(state=BookingState.OFFERED, offer_expires_at__lte=now))
    for booking in due:
        booking.state = BookingState.EXPIRED
        booking.save(update_fields=["state", "updated_at"])
        _event(
            booking, BookingEvent.Kind.EXPIRED, by=None, previous=BookingState.OFFERED, now=now, notify=notify
        )
    return len(due)


def _offer_free_places(session: Session, now: datetime.datetime, notify=True) -> int:
    """Offer each free place to the next person waiting, for the session's offer time (but never past the
    close of booking). Called with the session locked."""
    if not session.booking_open(now):
        return 0
    free = session.capacity - _taken(session)
    if free <= 0:
        return 0
    waiting = list(session.bookings.filter(state=BookingState.WAITING).order_by("waiting_since", "pk")[:free])
    until = min(now + datetime.timedelta(hours=session.offer_hours), session.booking_closes_at)
    for booking in waiting:
        booking.state, booking.offered_at, booking.offer_expires_at = BookingState.OFFERED, now, until
        booking.save()
        _event(
            booking, BookingEvent.Kind.OFFERED, by=None, previous=BookingState.WAITING, now=now, notify=notify
        )
    return len(waiting)


def offers_expire(*, now: datetime.datetime | None = None) -> int:
    """End the offers whose time is up and offer those places to the next people waiting. The background
    worker calls this every round; with nothing due it is one indexed query. Returns how many ended."""
    now = now or timezone.now()
    due = (
        Booking.objects.filter(state=BookingState.OFFERED, offer_expires_at__lte=now)
        .values_list("session_id", flat=True)
        .distinct()
    )
    ended = 0
    for session_id in list(due):
        with transaction.atomic():
            session = _lock(session_id)
            ended += _offers_end(session, now)
            _offer_free_places(session, now)
    return ended


# ------------------------------------------------------------------------------------------- attendance


def _attendance_check(session: Session, now: datetime.datetime) -> None:
    if session.is_cancelled:
        raise BookingRefused("cancelled", _("This session was cancelled, so there is no attendance to mark."))
    if not session.has_started(now):
        raise BookingRefused(
            "not_started",
            _("You can mark attendance once the session has started, on %(date)s.")
            % {"date": short_day(session.starts_at)},
        )


def attendance_mark(*, session: Session, user: User, marks: dict[int, str], now=None, notify=True) -> int:
    """Record who came: `marks` maps booking ids to present, absent or unmarked. Only people with a place are
    marked. A person marked present for the first time is told their certificate is ready. Returns how many
    changed."""
    now = now or timezone.now()
    changed = 0
    with transaction.atomic():
        session = _lock(session.pk)
        _attendance_check(session, now)
        bookings = session.bookings.filter(state=BookingState.BOOKED, pk__in=list(marks))
        for booking in bookings:
            value = marks[booking.pk]
            if value not in Attendance.values or value == booking.attendance:
                continue
            first_time_present = (
                value == Attendance.PRESENT
                and not booking.events.filter(kind=BookingEvent.Kind.ATTENDED).exists()
            )
            booking.attendance, booking.attendance_marked_at, booking.attendance_marked_by = value, now, user
            booking.save(
                update_fields=["attendance", "attendance_marked_at", "attendance_marked_by", "updated_at"]
            )
            if first_time_present:
                _event(booking, BookingEvent.Kind.ATTENDED, by=user, now=now, notify=notify)
            changed += 1
    return changed


def attendance_mark_all(*, session: Session, user: User, now=None, notify=True) -> int:
    """Mark everyone with a place present."""
    ids = session.bookings.filter(state=BookingState.BOOKED).values_list("pk", flat=True)
    return attendance_mark(
        session=session, user=user, marks=dict.fromkeys(ids, Attendance.PRESENT), now=now, notify=notify
    )
