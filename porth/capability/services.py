"""Writes for the specialist pool and the squads: specialists and their leave, requests, bookings, offers and
engagements.

Capacity is safe on SQLite and PostgreSQL alike. Every write that can change what a specialist has free
(a booking, a cancellation, leave, their working days) runs in one transaction that first locks the
specialist's row (`SELECT ... FOR UPDATE` on PostgreSQL; on SQLite, Porth's transactions begin IMMEDIATE, so
writers take the database's write lock in turn), then reads the bookings and leave and checks the capacity
inside that transaction. Two managers booking the same person at the same moment are therefore served one
after the other, and the second sees the first's booking.

When capacity frees, the oldest waiting booking that now fits is offered, in the same transaction: it holds
the capacity until someone confirms it or lets it go, so a new booking cannot take it first.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from porth.directory.models import Organisation

from . import capacity
from .capacity import week_of
from .models import (
    Booking,
    Engagement,
    Leave,
    Pool,
    Specialist,
    SpecialistRequest,
    validate_half_days,
)
from .permissions import request_allowed_for
from .tasks import booking_notify, request_notify

OFFER_HOLD = datetime.timedelta(days=7)


class RequestNotAllowed(Exception):
    """The person may not ask for this organisation: they are not one of its people, and no leadership team
    they belong to serves it."""


class OverCapacity(Exception):
    """A booking would take the specialist past their capacity in some weeks (listed, with what is free)."""

    def __init__(self, specialist: Specialist, weeks: list[capacity.Week], days: Decimal):
        self.specialist, self.weeks, self.days = specialist, weeks, days
        super().__init__(f"{specialist.pk}: short in {len(weeks)} weeks")


# ---------------------------------------------------------------------------------------------- reading


def _person(specialist: Specialist) -> capacity.Person:
    return capacity.Person(specialist.working_days, specialist.joined_on, specialist.left_on)


# Beyond this many people, rows are read by their pools rather than by a list of ids: a long IN list costs
# more to build than the few extra rows cost to skip.
MANY = 100


def _whose(specialists: list) -> dict:
    """A filter for the rows of these specialists: by id, or for many of them by their pools."""
    if len(specialists) > MANY:
        return {"specialist__pool_id__in": {s.pool_id for s in specialists}}
    return {"specialist_id__in": [s.pk for s in specialists]}


def leave_spans(specialists, first: datetime.date, last: datetime.date) -> dict[int, list[capacity.Span]]:
    """Leave overlapping the weeks from first to last, by specialist."""
    whose = _whose(specialists)
    spans: dict[int, list[capacity.Span]] = {}
    rows = Leave.objects.filter(**whose, ends_on__gte=first, starts_on__lte=last + datetime.timedelta(days=6))
    for specialist_id, starts_on, ends_on in rows.values_list("specialist_id", "starts_on", "ends_on"):
        spans.setdefault(specialist_id, []).append(capacity.Span(starts_on, ends_on))
    return spans


def held_spans(specialists, first: datetime.date, last: datetime.date) -> dict[int, list[capacity.Held]]:
    """Days held by bookings (confirmed or offered) in the weeks from first to last, by specialist."""
    whose = _whose(specialists)
    held: dict[int, list[capacity.Held]] = {}
    rows = Booking.objects.holding().filter(**whose).overlapping(first, last)
    for specialist_id, first_week, last_week, days in rows.values_list(
        "specialist_id", "first_week", "last_week", "days_per_week"
    ):
        held.setdefault(specialist_id, []).append(capacity.Held(first_week, last_week, days))
    return held


def availability(specialists, weeks: list[datetime.date]) -> dict[int, list[capacity.Week]]:
    """Each specialist's working days, leave, booked days and free days in each of the weeks: two queries
    however many specialists there are."""
    specialists = list(specialists)
    if not weeks or not specialists:
        return {s.pk: [] for s in specialists}
    leave, held = leave_spans(specialists, weeks[0], weeks[-1]), held_spans(specialists, weeks[0], weeks[-1])
    return {
        s.pk: capacity.weeks_for(_person(s), leave.get(s.pk, []), held.get(s.pk, []), weeks)
        for s in specialists
    }


def this_week() -> datetime.date:
    """The Monday of this ISO week, in Europe/London."""
    return week_of(timezone.localdate())


# ---------------------------------------------------------------------------------------------- locking


def _locked(specialist: Specialist) -> Specialist:
    """Lock the specialist's row until the transaction ends, and read it afresh. Call inside atomic()."""
    return Specialist.objects.select_for_update().select_related("pool").get(pk=specialist.pk)


def _whole(specialist: Specialist, leave_extra=()):
    """Everything capacity depends on for one (locked) specialist, from this week on: bookings and leave
    cannot be added before it."""
    start = this_week()
    far = start + datetime.timedelta(weeks=520)
    leave = leave_spans([specialist], start, far).get(specialist.pk, []) + list(leave_extra)
    held = held_spans([specialist], start, far).get(specialist.pk, [])
    return _person(specialist), leave, held


def _still_fits(specialist: Specialist, person: capacity.Person, leave: list, held: list, field: str) -> None:
    """Refuse a change (leave, fewer working days, leaving the pool) that would leave bookings over capacity
    in a week from this one on."""
    short = [w for w in capacity.overbooked(person, leave, held) if w.week >= this_week()]
    if short:
        weeks = ", ".join(_week_label(w.week) for w in short[:5])
        raise ValidationError(
            {
                field: _(
                    "%(name)s would then be booked for more days than they are free in the weeks starting "
                    "%(weeks)s. Change or cancel those bookings first."
                )
                % {"name": specialist.full_name, "weeks": weeks}
            }
        )


def _week_label(week: datetime.date) -> str:
    return formats.date_format(week, "DATE_FORMAT")


# ---------------------------------------------------------------------------------------------- specialists


SPECIALIST_FIELDS = (
    "pool",
    "full_name",
    "email",
    "user",
    "role",
    "welsh_level",
    "home_team",
    "home_organisation",
    "working_days",
    "joined_on",
    "left_on",
    "about_en",
    "about_cy",
)


def _specialist_check(specialist: Specialist) -> None:
    specialist.full_clean(exclude=["skills"])


@transaction.atomic
def specialist_create(*, user, fields: dict, skills) -> Specialist:
    specialist = Specialist(**{k: v for k, v in fields.items() if k in SPECIALIST_FIELDS})
    _specialist_check(specialist)
    specialist._history_user = user
    specialist.save()
    specialist.skills.set(skills)
    return specialist


@transaction.atomic
def specialist_update(*, specialist: Specialist, user, fields: dict, skills) -> Specialist:
    """Change a specialist's record. Fewer working days, or leaving the pool, is refused while it would leave
    their bookings over capacity; more capacity offers it to the waiting bookings first."""
    locked = _locked(specialist)
    left_before = locked.left_on
    for name, value in fields.items():
        if name in SPECIALIST_FIELDS:
            setattr(locked, name, value)
    _specialist_check(locked)
    person, leave, held = _whole(locked)
    field = "left_on" if locked.left_on != left_before else "working_days"
    _still_fits(locked, person, leave, held, field)
    locked._history_user = user
    locked.save()
    locked.skills.set(skills)
    _offers_make(locked)
    return locked


@transaction.atomic
def leave_add(
    *, specialist: Specialist, user, starts_on: datetime.date, ends_on: datetime.date, note: str = ""
):
    """Record leave. Refused while it would leave the specialist's bookings over capacity in those weeks."""
    locked = _locked(specialist)
    leave = Leave(specialist=locked, starts_on=starts_on, ends_on=ends_on, note=note, created_by=user)
    leave.full_clean(exclude=["specialist"])
    person, spans, held = _whole(locked, leave_extra=[capacity.Span(starts_on, ends_on)])
    _still_fits(locked, person, spans, held, "starts_on")
    leave.save()
    return leave


@transaction.atomic
def leave_remove(*, leave: Leave, user) -> list[Booking]:
    """Remove leave (it was cancelled); the days it frees are offered to waiting bookings first."""
    locked = _locked(leave.specialist)
    leave.delete()
    return _offers_make(locked)


# ---------------------------------------------------------------------------------------------- requests


def _request_check_project(project, organisation: Organisation) -> None:
    if project is None:
        return
    involved = (
        project.owner_organisation_id == organisation.pk
        or project.partner_organisations.filter(pk=organisation.pk).exists()
    )
    if not involved:
        raise ValidationError(
            {"project": _("Choose a project that this organisation owns or works on as a partner")}
        )


@transaction.atomic
def specialist_request_raise(
    *,
    user,
    pool: Pool,
    organisation: Organisation,
    role,
    skills,
    days_per_week: Decimal,
    starts_on: datetime.date,
    ends_on: datetime.date,
    what_for: str,
    welsh_needed: bool = False,
    project=None,
    language: str = "en",
    front_door_reference: str = "",
) -> SpecialistRequest:
    """Ask a pool for a specialist: the request lands in the pool's queue and its managers are told.

    The person must be one of the organisation's people, or in a leadership team that serves it; otherwise
    RequestNotAllowed. Bad values raise ValidationError, keyed by field, and save nothing."""
    if not request_allowed_for(user, organisation):
        raise RequestNotAllowed()
    if organisation.sector not in pool.team.serves_sectors:
        raise ValidationError(
            {
                "pool": _("%(pool)s does not serve this organisation. Choose a pool that does.")
                % {"pool": pool.name}
            }
        )
    request = SpecialistRequest(
        pool=pool,
        organisation=organisation,
        requested_by=user,
        role=role,
        days_per_week=days_per_week,
        starts_on=starts_on,
        ends_on=ends_on,
        project=project,
        welsh_needed=welsh_needed,
        what_for=what_for,
        language=language,
        front_door_reference=front_door_reference,
    )
    request.full_clean(exclude=["skills", "reference"])
    _request_check_project(project, organisation)
    request._history_user = user
    request.save()
    # Numbered from its id, which only the insert gives: written straight to the row (not a change to keep).
    request.reference = f"SPEC-{request.pk:06d}"
    SpecialistRequest.objects.filter(pk=request.pk).update(reference=request.reference)
    request.history.filter(history_type="+").update(reference=request.reference)
    request.skills.set(skills)
    transaction.on_commit(lambda: request_notify.enqueue(request.pk, "raised"))
    return request


@transaction.atomic
def specialist_request_update(*, request: SpecialistRequest, user, fields: dict, skills) -> SpecialistRequest:
    """Change a request while it waits in the queue (before anyone is booked or waiting for it)."""
    if request.status != SpecialistRequest.Status.OPEN:
        raise ValidationError(
            _("This request can no longer be changed: someone is booked or waiting for it.")
        )
    for name in ("role", "days_per_week", "starts_on", "ends_on", "project", "welsh_needed", "what_for"):
        if name in fields:
            setattr(request, name, fields[name])
    request.full_clean(exclude=["skills", "reference"])
    _request_check_project(request.project, request.organisation)
    request._history_user = user
    request.save()
    request.skills.set(skills)
    return request


def _request_refresh(request: SpecialistRequest | None) -> None:
    """A request's status follows its bookings: booked, offered, waiting or back in the queue."""
    if request is None or request.is_closed:
        return
    statuses = set(request.bookings.values_list("status", flat=True))
    status = SpecialistRequest.Status.OPEN
    for booking_status, request_status in (
        (Booking.Status.CONFIRMED, SpecialistRequest.Status.BOOKED),
        (Booking.Status.OFFERED, SpecialistRequest.Status.OFFERED),
        (Booking.Status.WAITING, SpecialistRequest.Status.WAITING),
    ):
        if booking_status in statuses:
            status = request_status
            break
    if status != request.status:
        request.status, request.status_changed_at = status, timezone.now()
        request.save(update_fields=["status", "status_changed_at"])


def _request_close(*, request: SpecialistRequest, user, status: str, reason: str, ended: str) -> None:
    for booking in request.bookings.active().select_related("specialist"):
        _booking_end(booking=booking, user=user, reason="", ended=ended, tell=booking.status != "waiting")
    request.status, request.status_changed_at = status, timezone.now()
    request.closed_reason, request.closed_by = reason, user
    request._history_user = user
    request.save()


@transaction.atomic
def specialist_request_withdraw(*, request: SpecialistRequest, user, reason: str = "") -> SpecialistRequest:
    """The organisation no longer needs it: its bookings are cancelled, and what they held is offered on."""
    _request_close(
        request=request,
        user=user,
        status=SpecialistRequest.Status.WITHDRAWN,
        reason=reason,
        ended=Booking.Ended.REQUEST_WITHDRAWN,
    )
    transaction.on_commit(lambda: request_notify.enqueue(request.pk, "withdrawn"))
    return request


@transaction.atomic
def specialist_request_decline(*, request: SpecialistRequest, user, reason: str) -> SpecialistRequest:
    """The pool cannot help, and says why."""
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the pool cannot help, so the organisation knows what to do")}
        )
    _request_close(
        request=request,
        user=user,
        status=SpecialistRequest.Status.DECLINED,
        reason=reason,
        ended=Booking.Ended.REQUEST_DECLINED,
    )
    transaction.on_commit(lambda: request_notify.enqueue(request.pk, "declined"))
    return request


# ---------------------------------------------------------------------------------------------- bookings


@dataclass(frozen=True)
class BookingFor:
    """Whom a booking is for: a request, a squad engagement, or an organisation directly."""

    organisation: Organisation
    request: SpecialistRequest | None = None
    engagement: Engagement | None = None
    project: object | None = None


def _booking_check(booking: Booking, target: BookingFor) -> None:
    booking.full_clean(exclude=["specialist", "organisation", "request", "engagement", "project", "status"])
    if (
        target.engagement is not None
        and not target.engagement.organisations.filter(pk=target.organisation.pk).exists()
    ):
        raise ValidationError({"organisation": _("Choose one of the organisations the squad works with")})
    if target.request is not None and target.request.is_closed:
        raise ValidationError(
            _("This request has been withdrawn or declined, so nobody can be booked for it.")
        )


def booking_make(
    *,
    specialist: Specialist,
    user,
    target: BookingFor,
    first_week: datetime.date,
    last_week: datetime.date,
    days_per_week: Decimal,
    note: str = "",
    wait_if_full: bool = False,
) -> Booking:
    """Book a specialist for some days a week from one week to another (each given by any day in it).

    Inside one transaction that locks the specialist: if the days are free in every week the booking is
    confirmed; if not, OverCapacity is raised and nothing is saved, unless `wait_if_full` and the booking is
    for a request, when it is saved unconfirmed, waiting for capacity (it holds nothing, and is offered first
    when capacity frees)."""
    validate_half_days(days_per_week)
    first, last = week_of(first_week), week_of(last_week)
    with transaction.atomic():
        locked = _locked(specialist)
        booking = Booking(
            specialist=locked,
            organisation=target.organisation,
            request=target.request,
            engagement=target.engagement,
            project=target.project
            if target.project is not None
            else getattr(target.request, "project", None),
            first_week=first,
            last_week=last,
            days_per_week=days_per_week,
            note=note,
            created_by=user,
        )
        _booking_check(booking, target)
        person, leave, held = _whole(locked)
        short = capacity.shortfalls(person, leave, held, first, last, days_per_week)
        if short and not (wait_if_full and target.request is not None):
            raise OverCapacity(locked, short, days_per_week)
        booking.status = Booking.Status.WAITING if short else Booking.Status.CONFIRMED
        booking.confirmed_at = None if short else timezone.now()
        booking._history_user = user
        booking.save()
        _request_refresh(target.request)
        event = "waiting" if short else "confirmed"
        transaction.on_commit(lambda: booking_notify.enqueue(booking.pk, event))
    return booking


def _booking_end(*, booking: Booking, user, reason: str, ended: str, tell: bool = True) -> list[Booking]:
    """Cancel a booking (inside a transaction), under the specialist's lock; offer what it held."""
    specialist = _locked(booking.specialist)
    was_holding = booking.status in Booking.HOLDING
    booking.status, booking.cancelled_at = Booking.Status.CANCELLED, timezone.now()
    booking.cancel_reason, booking.ended = reason, ended
    booking._history_user = user
    booking.save()
    if tell:
        transaction.on_commit(lambda: booking_notify.enqueue(booking.pk, "cancelled"))
    return _offers_make(specialist) if was_holding else []


@transaction.atomic
def booking_cancel(*, booking: Booking, user, reason: str) -> list[Booking]:
    """Cancel a booking, with a reason; the capacity it frees is offered to waiting bookings first. Returns
    the bookings offered."""
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the booking is cancelled; the organisation will be told")}
        )
    _locked(booking.specialist)
    booking.refresh_from_db()
    if not booking.is_active:
        return []
    offered = _booking_end(booking=booking, user=user, reason=reason, ended=Booking.Ended.BY_PERSON)
    _request_refresh(booking.request)
    return offered


@transaction.atomic
def booking_confirm(*, booking: Booking, user) -> Booking:
    """Take up an offer: the capacity it holds becomes a confirmed booking."""
    _locked(booking.specialist)
    booking.refresh_from_db()
    if booking.status != Booking.Status.OFFERED:
        raise ValidationError(_("This booking is no longer offered, so it cannot be confirmed."))
    booking.status, booking.confirmed_at = Booking.Status.CONFIRMED, timezone.now()
    booking._history_user = user
    booking.save()
    _request_refresh(booking.request)
    transaction.on_commit(lambda: booking_notify.enqueue(booking.pk, "confirmed"))
    return booking


@transaction.atomic
def booking_let_go(*, booking: Booking, user) -> list[Booking]:
    """Turn an offer down: the capacity goes to the next waiting booking."""
    _locked(booking.specialist)
    booking.refresh_from_db()
    if booking.status != Booking.Status.OFFERED:
        raise ValidationError(_("This booking is no longer offered."))
    offered = _booking_end(booking=booking, user=user, reason="", ended=Booking.Ended.LET_GO, tell=False)
    _request_refresh(booking.request)
    return offered


def _offers_make(specialist: Specialist) -> list[Booking]:
    """Offer freed capacity to the waiting bookings of a locked specialist, oldest first: each that now fits
    is offered (from this week on) and holds its days, so the next one sees them taken."""
    waiting = list(
        specialist.bookings.filter(status=Booking.Status.WAITING, last_week__gte=this_week())
        .select_related("request")
        .order_by("created_at", "id")
    )
    if not waiting:
        return []
    person, leave, held = _whole(specialist)
    offered = []
    for booking in waiting:
        first = max(booking.first_week, this_week())
        if capacity.shortfalls(person, leave, held, first, booking.last_week, booking.days_per_week):
            continue
        booking.first_week, booking.status, booking.offered_at = first, Booking.Status.OFFERED, timezone.now()
        booking.save(update_fields=["first_week", "status", "offered_at"])
        held.append(capacity.Held(first, booking.last_week, booking.days_per_week))
        _request_refresh(booking.request)
        transaction.on_commit(lambda pk=booking.pk: booking_notify.enqueue(pk, "offered"))
        offered.append(booking)
    return offered


@dataclass(frozen=True)
class LapseRun:
    offers_lapsed: int
    waits_ended: int


def bookings_lapse(*, now: datetime.datetime | None = None) -> LapseRun:
    """Offers not taken up within 7 days lapse (and go to the next in line); waiting bookings whose weeks have
    all passed end. Safe to run as often as you like."""
    now = now or timezone.now()
    lapsed = waits = 0
    stale = Booking.objects.filter(status=Booking.Status.OFFERED, offered_at__lt=now - OFFER_HOLD)
    for pk, specialist_id in stale.values_list("pk", "specialist_id"):
        with transaction.atomic():
            _locked(Specialist(pk=specialist_id))
            booking = Booking.objects.select_related("specialist", "request").get(pk=pk)
            if booking.status == Booking.Status.OFFERED:
                _booking_end(booking=booking, user=None, reason="", ended=Booking.Ended.OFFER_LAPSED)
                _request_refresh(booking.request)
                lapsed += 1
    passed = Booking.objects.filter(
        status=Booking.Status.WAITING, last_week__lt=week_of(timezone.localdate(now))
    )
    for booking in passed.select_related("request", "specialist"):
        with transaction.atomic():
            _booking_end(booking=booking, user=None, reason="", ended=Booking.Ended.WEEKS_PASSED)
            _request_refresh(booking.request)
            waits += 1
    return LapseRun(offers_lapsed=lapsed, waits_ended=waits)


# ---------------------------------------------------------------------------------------------- engagements

ENGAGEMENT_FIELDS = (
    "title_en",
    "title_cy",
    "pool",
    "supplier",
    "goals_en",
    "goals_cy",
    "phase",
    "starts_on",
    "ends_on",
    "outcomes_en",
    "outcomes_cy",
    "lessons_en",
    "lessons_cy",
    "visibility",
)


def _engagement_save(engagement: Engagement, user, fields: dict, organisations, projects) -> Engagement:
    for name, value in fields.items():
        if name in ENGAGEMENT_FIELDS:
            setattr(engagement, name, value)
    engagement.full_clean(exclude=["organisations", "projects"])
    if not organisations:
        raise ValidationError({"organisation_1": _("Choose at least one organisation the squad works with")})
    engagement._history_user = user
    engagement.save()
    engagement.organisations.set(organisations)
    engagement.projects.set(projects)
    return engagement


@transaction.atomic
def engagement_create(*, user, fields: dict, organisations, projects) -> Engagement:
    return _engagement_save(Engagement(created_by=user), user, fields, organisations, projects)


@transaction.atomic
def engagement_update(*, engagement: Engagement, user, fields: dict, organisations, projects) -> Engagement:
    return _engagement_save(engagement, user, fields, organisations, projects)
