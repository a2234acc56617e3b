"""Requests, bookings, capacity, the waiting list and offers, through the services (one test per rule)."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from porth.accounts.services import organisation_add_member
from porth.capability import services
from porth.capability.models import Booking, Engagement, Leave, SpecialistRequest
from porth.directory.models import Organisation
from porth.testing import make_project

from .conftest import friday, week

pytestmark = pytest.mark.django_db
Status = Booking.Status


def held_days(specialist, n):
    """What the specialist has free in week n, read as the pages read it."""
    return services.availability([specialist], [week(n)])[specialist.pk][0].free


def test_a_booking_that_fits_is_confirmed_and_the_request_is_booked(make_specialist, make_request, book):
    catrin, request = make_specialist(days="4"), make_request(days="2")
    booking = book(catrin, request, days="2", first=1, last=4)
    assert booking.status == Status.CONFIRMED and booking.confirmed_at
    assert (booking.first_week, booking.last_week) == (week(1), week(4))
    request.refresh_from_db()
    assert request.status == SpecialistRequest.Status.BOOKED
    assert held_days(catrin, 1) == 2 and held_days(catrin, 5) == 4


def test_any_day_of_a_week_books_that_whole_week(make_specialist, make_request):
    catrin, request = make_specialist(), make_request()
    booking = services.booking_make(
        specialist=catrin,
        user=None,
        target=services.BookingFor(organisation=request.organisation, request=request),
        first_week=week(1) + datetime.timedelta(days=3),
        last_week=friday(2) + datetime.timedelta(days=1),
        days_per_week=Decimal(1),
    )
    assert (booking.first_week, booking.last_week, booking.week_count) == (week(1), week(2), 2)


def test_a_booking_beyond_capacity_is_refused_naming_the_weeks_and_nothing_is_saved(
    make_specialist, make_request, book
):
    catrin = make_specialist(days="3")
    book(catrin, make_request(), days="2", first=2, last=2)
    with pytest.raises(services.OverCapacity) as refused:
        book(catrin, make_request(), days="2", first=1, last=3)
    assert [(w.week, w.free) for w in refused.value.weeks] == [(week(2), 1)]
    assert Booking.objects.count() == 1


def test_a_request_that_cannot_be_met_waits_unconfirmed_holding_nothing(make_specialist, make_request, book):
    catrin = make_specialist(days="2")
    book(catrin, make_request(), days="2", first=1, last=4)
    waiting_request = make_request()
    waiting = book(catrin, waiting_request, days="1", first=1, last=2, wait=True)
    assert waiting.status == Status.WAITING and waiting.confirmed_at is None
    waiting_request.refresh_from_db()
    assert waiting_request.status == SpecialistRequest.Status.WAITING
    assert held_days(catrin, 1) == 0  # the waiting booking holds nothing


def test_only_a_request_can_wait_a_squad_booking_beyond_capacity_is_refused(make_specialist, book, pool):
    catrin = make_specialist(days="1")
    engagement = Engagement.objects.create(title_en="Squad", pool=pool, starts_on=week(0))
    engagement.organisations.add(Organisation.objects.get(code="W06000015"))
    with pytest.raises(services.OverCapacity):
        book(catrin, engagement=engagement, days="2", wait=True)


def test_when_capacity_frees_the_waiting_booking_is_offered_first(make_specialist, make_request, book):
    catrin = make_specialist(days="2")
    first = book(catrin, make_request(), days="2", first=1, last=4)
    waiting = book(catrin, make_request(), days="2", first=2, last=3, wait=True)
    offered = services.booking_cancel(booking=first, user=None, reason="The council found someone.")
    waiting.refresh_from_db()
    assert offered == [waiting] and waiting.status == Status.OFFERED and waiting.offered_at
    assert waiting.request.status == SpecialistRequest.Status.OFFERED
    # The freed days are held for the offer: a newcomer cannot take them.
    with pytest.raises(services.OverCapacity):
        book(catrin, make_request(), days="1", first=2, last=2)


def test_the_oldest_waiting_booking_that_fits_is_offered_and_the_next_waits_on(
    make_specialist, make_request, book
):
    catrin = make_specialist(days="2")
    blocking = book(catrin, make_request(), days="2", first=1, last=1)
    older = book(catrin, make_request(), days="2", first=1, last=1, wait=True)
    newer = book(catrin, make_request(), days="2", first=1, last=1, wait=True)
    services.booking_cancel(booking=blocking, user=None, reason="Not needed.")
    older.refresh_from_db()
    newer.refresh_from_db()
    assert (older.status, newer.status) == (Status.OFFERED, Status.WAITING)
    # Letting the offer go offers the days to the next in line.
    services.booking_let_go(booking=older, user=None)
    older.refresh_from_db()
    newer.refresh_from_db()
    assert (older.status, older.ended, newer.status) == (
        Status.CANCELLED,
        Booking.Ended.LET_GO,
        Status.OFFERED,
    )


def test_confirming_an_offer_books_it(make_specialist, make_request, book):
    catrin = make_specialist(days="2")
    blocking = book(catrin, make_request(), days="2")
    waiting = book(catrin, make_request(), days="2", wait=True)
    services.booking_cancel(booking=blocking, user=None, reason="Not needed.")
    waiting.refresh_from_db()
    services.booking_confirm(booking=waiting, user=None)
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED and waiting.request.status == SpecialistRequest.Status.BOOKED
    with pytest.raises(ValidationError):
        services.booking_confirm(booking=waiting, user=None)


def test_an_offer_starts_this_week_when_the_weeks_it_waited_for_have_begun(
    make_specialist, make_request, book
):
    catrin = make_specialist(days="2")
    blocking = book(catrin, make_request(), days="2", first=0, last=3)
    waiting = book(catrin, make_request(), days="2", first=0, last=3, wait=True)
    Booking.objects.filter(pk=waiting.pk).update(first_week=week(-2))  # it has waited two weeks
    services.booking_cancel(booking=blocking, user=None, reason="Not needed.")
    waiting.refresh_from_db()
    assert (waiting.status, waiting.first_week) == (Status.OFFERED, week(0))


def test_leave_that_would_overbook_is_refused_and_other_leave_is_recorded(
    make_specialist, make_request, book
):
    catrin = make_specialist(days="3")
    book(catrin, make_request(), days="2", first=2, last=2)
    with pytest.raises(ValidationError) as refused:
        services.leave_add(
            specialist=catrin, user=None, starts_on=week(2), ends_on=week(2) + datetime.timedelta(1)
        )
    assert "Change or cancel those bookings first" in str(refused.value)
    assert not Leave.objects.exists()
    services.leave_add(specialist=catrin, user=None, starts_on=week(2), ends_on=week(2))  # one day still fits
    assert held_days(catrin, 2) == 0


def test_removing_leave_offers_the_days_to_the_waiting_list(make_specialist, make_request, book):
    catrin = make_specialist(days="2")
    leave = services.leave_add(specialist=catrin, user=None, starts_on=week(1), ends_on=friday(1))
    waiting = book(catrin, make_request(), days="2", first=1, last=1, wait=True)
    assert waiting.status == Status.WAITING
    services.leave_remove(leave=leave, user=None)
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED


def test_leave_must_end_on_or_after_it_starts(make_specialist):
    with pytest.raises(ValidationError) as refused:
        services.leave_add(specialist=make_specialist(), user=None, starts_on=week(2), ends_on=week(1))
    assert "ends_on" in refused.value.error_dict


def test_fewer_working_days_than_are_booked_is_refused_and_more_are_offered(
    make_specialist, make_request, book
):
    catrin = make_specialist(days="2")
    book(catrin, make_request(), days="2", first=1, last=2)
    waiting = book(catrin, make_request(), days="1", first=1, last=2, wait=True)
    with pytest.raises(ValidationError) as refused:
        services.specialist_update(
            specialist=catrin, user=None, fields={"working_days": Decimal("1.5")}, skills=[]
        )
    assert "working_days" in refused.value.error_dict
    catrin.refresh_from_db()
    assert catrin.working_days == 2
    services.specialist_update(specialist=catrin, user=None, fields={"working_days": Decimal(3)}, skills=[])
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED


def test_leaving_the_pool_before_a_booking_ends_is_refused(make_specialist, make_request, book):
    catrin = make_specialist()
    book(catrin, make_request(), first=1, last=6)
    with pytest.raises(ValidationError) as refused:
        services.specialist_update(specialist=catrin, user=None, fields={"left_on": friday(3)}, skills=[])
    assert "left_on" in refused.value.error_dict
    services.specialist_update(specialist=catrin, user=None, fields={"left_on": friday(6)}, skills=[])


def test_nobody_can_be_booked_before_they_join_the_pool(make_specialist, make_request, book):
    catrin = make_specialist(joined_on=week(3))
    with pytest.raises(services.OverCapacity) as refused:
        book(catrin, make_request(), first=1, last=4)
    assert [w.week for w in refused.value.weeks] == [week(1), week(2)]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"starts_on": week(3), "ends_on": friday(2)}, "ends_on"),
        ({"starts_on": week(-1)}, "starts_on"),
        ({"ends_on": friday(60)}, "ends_on"),
        ({"days_per_week": Decimal("0.3")}, "days_per_week"),
        ({"days_per_week": Decimal("5.5")}, "days_per_week"),
    ],
)
def test_a_request_with_bad_weeks_or_days_is_refused_with_the_field_named(make_request, change, field):
    with pytest.raises(ValidationError) as refused:
        make_request(**change)
    assert field in refused.value.error_dict
    assert not SpecialistRequest.objects.exists()


def test_a_request_s_project_must_be_the_organisation_s(make_request, cast):
    swansea = make_project(cast["other_org"], owner_organisation=Organisation.objects.get(code="W06000011"))
    with pytest.raises(ValidationError) as refused:
        make_request(project=swansea)
    assert "project" in refused.value.error_dict
    cardiff = make_project(cast["asker"])
    assert make_request(project=cardiff).project == cardiff


def test_a_pool_is_asked_only_for_the_bodies_its_team_serves(make_request, cast, squad_pool, pool):
    abuhb = Organisation.objects.get(code="W11000028")
    nurse = cast["no_org"]
    organisation_add_member(user=nurse, organisation=abuhb)
    with pytest.raises(ValidationError) as refused:
        make_request(user=nurse, organisation=abuhb, pool=pool)
    assert "pool" in refused.value.error_dict
    assert make_request(user=nurse, organisation=abuhb, pool=squad_pool).pool == squad_pool


def test_only_those_who_may_ask_for_an_organisation_ask_for_it(make_request, cast):
    with pytest.raises(services.RequestNotAllowed):
        make_request(user=cast["other_org"])
    # The WLGA team serves councils, so its members may ask for Cardiff.
    assert make_request(user=cast["manager"]).requested_by == cast["manager"]


def test_requests_are_numbered_in_turn(make_request):
    first, second = make_request(), make_request()
    assert first.reference == f"SPEC-{first.pk:06d}"
    assert int(second.reference.removeprefix("SPEC-")) == int(first.reference.removeprefix("SPEC-")) + 1


def test_a_request_can_be_changed_only_while_it_waits_in_the_queue(make_specialist, make_request, book):
    request = make_request()
    services.specialist_request_update(
        request=request, user=None, fields={"days_per_week": Decimal(3)}, skills=[]
    )
    assert request.history.count() == 2
    book(make_specialist(), request)
    request.refresh_from_db()
    with pytest.raises(ValidationError):
        services.specialist_request_update(request=request, user=None, fields={}, skills=[])


def test_withdrawing_a_request_cancels_its_bookings_and_offers_their_days(
    make_specialist, make_request, book, cast
):
    catrin = make_specialist(days="2")
    request = make_request()
    booking = book(catrin, request)
    waiting = book(catrin, make_request(), wait=True)
    services.specialist_request_withdraw(request=request, user=cast["asker"], reason="Found someone.")
    booking.refresh_from_db()
    waiting.refresh_from_db()
    assert request.status == SpecialistRequest.Status.WITHDRAWN and request.closed_reason == "Found someone."
    assert (booking.status, booking.ended) == (Status.CANCELLED, Booking.Ended.REQUEST_WITHDRAWN)
    assert waiting.status == Status.OFFERED
    with pytest.raises(ValidationError):
        book(catrin, request)


def test_declining_needs_a_reason(make_request, cast):
    request = make_request()
    with pytest.raises(ValidationError):
        services.specialist_request_decline(request=request, user=cast["manager"], reason=" ")
    services.specialist_request_decline(request=request, user=cast["manager"], reason="Nobody does SAP.")
    assert request.status == SpecialistRequest.Status.DECLINED


def test_cancelling_needs_a_reason_and_keeps_the_booking_on_record(make_specialist, make_request, book):
    booking = book(make_specialist(), make_request())
    with pytest.raises(ValidationError):
        services.booking_cancel(booking=booking, user=None, reason="")
    services.booking_cancel(booking=booking, user=None, reason="Plans changed.")
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED and booking.cancel_reason == "Plans changed."
    assert [h.status for h in booking.history.order_by("history_date")] == [
        Status.CONFIRMED,
        Status.CANCELLED,
    ]
    assert booking.request.status == SpecialistRequest.Status.OPEN  # back in the queue


def test_a_squad_booking_is_for_one_of_the_organisations_it_works_with(make_specialist, book, pool):
    engagement = services.engagement_create(
        user=None,
        fields={"title_en": "Squad", "pool": pool, "phase": "alpha", "starts_on": week(0)},
        organisations=[Organisation.objects.get(code="W06000015")],
        projects=[],
    )
    catrin = make_specialist()
    with pytest.raises(ValidationError) as refused:
        book(catrin, engagement=engagement, organisation=Organisation.objects.get(code="W06000011"))
    assert "organisation" in refused.value.error_dict
    assert book(catrin, engagement=engagement).engagement == engagement


def test_an_engagement_needs_a_title_an_organisation_and_an_end_after_its_start(pool):
    base = {"pool": pool, "phase": "alpha", "starts_on": week(0)}
    cardiff = [Organisation.objects.get(code="W06000015")]
    for fields, organisations, field in (
        ({**base, "title_en": ""}, cardiff, "title_en"),
        ({**base, "title_cy": "Sgwad"}, [], "organisation_1"),
        ({**base, "title_en": "Squad", "ends_on": week(-1)}, cardiff, "ends_on"),
    ):
        with pytest.raises(ValidationError) as refused:
            services.engagement_create(user=None, fields=fields, organisations=organisations, projects=[])
        assert field in refused.value.error_dict
    assert not Engagement.objects.exists()


def test_offers_lapse_after_7_days_and_go_to_the_next_in_line(make_specialist, make_request, book):
    catrin = make_specialist(days="2")
    blocking = book(catrin, make_request(), days="2", first=1, last=1)
    first = book(catrin, make_request(), days="2", first=1, last=1, wait=True)
    second = book(catrin, make_request(), days="2", first=1, last=1, wait=True)
    services.booking_cancel(booking=blocking, user=None, reason="Not needed.")
    assert services.bookings_lapse().offers_lapsed == 0
    run = services.bookings_lapse(now=timezone.now() + datetime.timedelta(days=8))
    first.refresh_from_db()
    second.refresh_from_db()
    assert run.offers_lapsed == 1
    assert (first.status, first.ended, second.status) == (
        Status.CANCELLED,
        Booking.Ended.OFFER_LAPSED,
        Status.OFFERED,
    )


def test_waiting_bookings_end_when_their_weeks_have_passed(make_specialist, make_request, book):
    catrin = make_specialist(days="1")
    book(catrin, make_request(), days="1", first=1, last=1)
    waiting = book(catrin, make_request(), days="1", first=1, last=1, wait=True)
    Booking.objects.filter(pk=waiting.pk).update(first_week=week(-3), last_week=week(-2))
    assert services.bookings_lapse().waits_ended == 1
    waiting.refresh_from_db()
    assert (waiting.status, waiting.ended) == (Status.CANCELLED, Booking.Ended.WEEKS_PASSED)
    assert waiting.request.status == SpecialistRequest.Status.OPEN
    assert services.bookings_lapse().waits_ended == 0  # safe to run again


# E-mails are queued when the data is committed, so these tests commit for real.
@pytest.mark.django_db(transaction=True)
def test_a_request_tells_the_pool_s_managers_and_the_asker_each_in_their_language(make_request, cast):
    request = make_request()
    to_manager = next(m for m in mail.outbox if m.to == [cast["manager"].email])
    to_asker = next(m for m in mail.outbox if m.to == [cast["asker"].email])
    assert to_manager.subject == "Cardiff asks for a specialist: User researcher"
    assert f"/specialists/requests/{request.reference}/" in to_manager.body
    assert "2 days a week" in to_manager.body
    assert to_asker.subject == f"We have your request for a specialist: {request.reference}"
    assert cast["cdps"].email not in [m.to[0] for m in mail.outbox]  # not the other pool's team


@pytest.mark.django_db(transaction=True)
def test_booking_emails_go_to_the_asker_and_the_specialist_in_welsh_when_they_read_welsh(
    make_specialist, make_request, book, cast
):
    catrin = make_specialist(user=cast["specialist"])  # prefers Welsh
    request = make_request()
    mail.outbox.clear()
    book(catrin, request, days="2.5")
    to_specialist = next(m for m in mail.outbox if m.to == [cast["specialist"].email])
    to_asker = next(m for m in mail.outbox if m.to == [cast["asker"].email])
    assert to_specialist.subject == "Archeb wedi'i chadarnhau: Catrin Hughes ar gyfer Caerdydd"
    assert (
        "2.5 diwrnod yr wythnos" in to_specialist.body and "/cy/specialists/bookings/" in to_specialist.body
    )
    assert "2.5 days a week" in to_asker.body


@pytest.mark.django_db(transaction=True)
def test_an_offer_tells_the_asker_and_the_managers(make_specialist, make_request, book, cast):
    catrin = make_specialist(days="2")
    blocking = book(catrin, make_request())
    waiting = book(catrin, make_request(user=cast["org_admin"]), wait=True)
    mail.outbox.clear()
    services.booking_cancel(booking=blocking, user=None, reason="Not needed.")
    offers = [m for m in mail.outbox if "now free" in m.subject]
    assert sorted(m.to[0] for m in offers) == sorted([cast["org_admin"].email, cast["manager"].email])
    assert f"/specialists/bookings/{waiting.pk}/" in offers[0].body
    cancelled = [m for m in mail.outbox if m.subject.startswith("Booking cancelled")]
    assert [m.to for m in cancelled] == [[cast["asker"].email]]
