"""Booking, the waiting list and its offers, cancelling, changing and cancelling sessions, attendance: the
rules, through the services."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from porth.directory.models import Organisation
from porth.site import worker
from porth.skills import services
from porth.skills.models import Attendance, Booking, BookingEvent, BookingState, Session
from porth.testing import person

from .helpers import book, in_days

pytestmark = pytest.mark.django_db


def test_booking_a_place_takes_one_and_emails_a_calendar_file(session, who, emails):
    with emails():
        booking = book(session, who["learner"])
    assert booking.state == BookingState.BOOKED and booking.booked_at
    assert Session.objects.with_places().get(pk=session.pk).taken == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alys@cardiff.example"]
    assert message.subject == 'Your place on "Digital leadership for senior leaders" is booked'
    assert any("text/calendar" in part.get_content_type() for part in message.attachments)


def test_a_full_session_refuses_a_booking_unless_the_person_will_wait(session, who):
    book(session, who["learner"])
    book(session, who["colleague"])
    with pytest.raises(services.SessionFull):
        book(session, who["org_admin"])
    assert not Booking.objects.filter(person=who["org_admin"]).exists()
    waiting = book(session, who["org_admin"], join_waiting_list=True)
    assert waiting.state == BookingState.WAITING and waiting.waiting_position() == 1
    second = book(session, who["trainer"], join_waiting_list=True)
    assert second.waiting_position() == 2


def test_booking_twice_is_refused_with_a_message_for_the_person(session, who):
    book(session, who["learner"])
    with pytest.raises(services.BookingRefused) as refused:
        book(session, who["learner"])
    assert refused.value.message == "You already have a place on this session."
    with pytest.raises(services.BookingRefused) as refused:
        book(session, who["learner"], booked_by=who["org_admin"])
    assert refused.value.message == "Alys Morgan already has a place on this session."


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"booking_closes_at": "past"}, "closed"),
        ({"cancelled": True}, "cancelled"),
        ({"audience": "elected_members"}, "audience"),
        ({"organisation": "W06000011"}, "organisation"),
    ],
)
def test_booking_rules(session, who, change, code):
    kwargs = {}
    if change.get("booking_closes_at"):
        Session.objects.filter(pk=session.pk).update(
            booking_closes_at=timezone.now() - datetime.timedelta(hours=1)
        )
    if change.get("cancelled"):
        services.session_cancel(session=session, user=who["team_member"])
    if change.get("audience"):
        kwargs["audience"] = change["audience"]
    if change.get("organisation"):
        kwargs["organisation"] = Organisation.objects.get(code=change["organisation"])
    with pytest.raises(services.BookingRefused) as refused:
        book(session, who["learner"], **kwargs)
    assert refused.value.code == code


def test_a_freed_place_is_offered_to_the_first_person_waiting_for_48_hours(session, who, emails):
    first = book(session, who["learner"])
    book(session, who["colleague"])
    waiting_1 = book(session, who["org_admin"], join_waiting_list=True)
    waiting_2 = book(session, who["trainer"], join_waiting_list=True)
    now = timezone.now()
    with emails():
        services.booking_cancel(booking=first, user=who["learner"], now=now)
    waiting_1.refresh_from_db()
    waiting_2.refresh_from_db()
    assert waiting_1.state == BookingState.OFFERED
    assert waiting_1.offer_expires_at == now + datetime.timedelta(hours=48)
    assert waiting_2.state == BookingState.WAITING and waiting_2.waiting_position() == 1
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert (
        subjects["admin@cardiff.example"]
        == 'A place has come free on "Digital leadership for senior leaders"'
    )
    assert (
        subjects["alys@cardiff.example"]
        == 'Your place on "Digital leadership for senior leaders" is cancelled'
    )


def test_an_offer_never_runs_past_the_close_of_booking(make_session, who):
    session = make_session(capacity=1, days=3)
    Session.objects.filter(pk=session.pk).update(
        booking_closes_at=timezone.now() + datetime.timedelta(hours=5)
    )
    first = book(session, who["learner"])
    waiting = book(session, who["colleague"], join_waiting_list=True)
    services.booking_cancel(booking=first, user=who["learner"])
    waiting.refresh_from_db()
    session.refresh_from_db()
    assert waiting.offer_expires_at == session.booking_closes_at


def test_an_offer_that_runs_out_goes_to_the_next_person(session, who, emails):
    first = book(session, who["learner"])
    book(session, who["colleague"])
    waiting_1 = book(session, who["org_admin"], join_waiting_list=True)
    waiting_2 = book(session, who["trainer"], join_waiting_list=True)
    services.booking_cancel(booking=first, user=who["learner"])
    assert services.offers_expire() == 0  # nothing due yet
    later = timezone.now() + datetime.timedelta(hours=48, minutes=1)
    with emails():
        assert services.offers_expire(now=later) == 1
    waiting_1.refresh_from_db()
    waiting_2.refresh_from_db()
    assert waiting_1.state == BookingState.EXPIRED
    assert waiting_2.state == BookingState.OFFERED
    assert {m.to[0] for m in mail.outbox} == {"admin@cardiff.example", "trainer@vale.example"}
    assert services.offers_expire(now=later) == 0  # safe to repeat


def test_accepting_an_offer_in_time_books_the_place(session, who):
    first = book(session, who["learner"])
    book(session, who["colleague"])
    waiting = book(session, who["org_admin"], join_waiting_list=True)
    services.booking_cancel(booking=first, user=who["learner"])
    booking = services.offer_accept(booking=Booking.objects.get(pk=waiting.pk), user=who["org_admin"])
    assert booking.state == BookingState.BOOKED
    assert Session.objects.with_places().get(pk=session.pk).taken == 2


def test_accepting_too_late_is_refused_and_the_place_moves_on(session, who):
    first = book(session, who["learner"])
    book(session, who["colleague"])
    late = book(session, who["org_admin"], join_waiting_list=True)
    nxt = book(session, who["trainer"], join_waiting_list=True)
    services.booking_cancel(booking=first, user=who["learner"])
    with pytest.raises(services.OfferRanOut):
        services.offer_accept(
            booking=late, user=who["org_admin"], now=timezone.now() + datetime.timedelta(hours=49)
        )
    late.refresh_from_db()
    nxt.refresh_from_db()
    assert late.state == BookingState.EXPIRED and nxt.state == BookingState.OFFERED


def test_declining_an_offer_passes_it_on(session, who):
    first = book(session, who["learner"])
    book(session, who["colleague"])
    declining = book(session, who["org_admin"], join_waiting_list=True)
    nxt = book(session, who["trainer"], join_waiting_list=True)
    services.booking_cancel(booking=first, user=who["learner"])
    services.booking_cancel(booking=Booking.objects.get(pk=declining.pk), user=who["org_admin"])
    nxt.refresh_from_db()
    assert nxt.state == BookingState.OFFERED


def test_leaving_the_waiting_list_frees_no_place(session, who):
    book(session, who["learner"])
    book(session, who["colleague"])
    waiting = book(session, who["org_admin"], join_waiting_list=True)
    later = book(session, who["trainer"], join_waiting_list=True)
    services.booking_cancel(booking=waiting, user=who["org_admin"])
    later.refresh_from_db()
    assert later.state == BookingState.WAITING and later.waiting_position() == 1


def test_booking_again_after_cancelling_reuses_the_calendar_entry_one_version_on(session, who):
    booking = book(session, who["learner"])
    assert booking.sequence == 0
    services.booking_cancel(booking=booking, user=who["learner"])
    booking.refresh_from_db()
    assert booking.sequence == 1
    again = book(session, who["learner"])
    assert again.pk == booking.pk and again.state == BookingState.BOOKED and again.sequence == 2


def test_a_cancelled_booking_cannot_be_cancelled_again(session, who):
    booking = book(session, who["learner"])
    services.booking_cancel(booking=booking, user=who["learner"])
    with pytest.raises(services.BookingRefused):
        services.booking_cancel(booking=booking, user=who["learner"])


def test_more_places_go_straight_to_the_waiting_list(session, who):
    book(session, who["learner"])
    book(session, who["colleague"])
    waiting = book(session, who["org_admin"], join_waiting_list=True)
    services.session_update(session=session, user=who["team_member"], fields={"capacity": 3})
    waiting.refresh_from_db()
    assert waiting.state == BookingState.OFFERED


def test_fewer_places_than_are_taken_is_refused(session, who):
    book(session, who["learner"])
    book(session, who["colleague"])
    with pytest.raises(ValidationError) as error:
        services.session_update(session=session, user=who["team_member"], fields={"capacity": 1})
    assert error.value.message_dict["capacity"] == [
        "2 places are already booked or offered, so there must be at least 2."
    ]
    session.refresh_from_db()
    assert session.capacity == 2


def test_a_new_time_raises_the_sequence_and_emails_everyone_booked(session, who, emails):
    booked = book(session, who["learner"])
    with emails():
        services.session_update(
            session=session,
            user=who["team_member"],
            fields={"starts_at": in_days(14, 13), "ends_at": in_days(14, 15)},
        )
    booked.refresh_from_db()
    assert booked.sequence == 1
    changed = mail.outbox
    assert [m.to for m in changed] == [["alys@cardiff.example"]]
    assert "13:00 to 15:00" in changed[0].body


def test_a_change_of_places_alone_sends_nothing(session, who, emails):
    book(session, who["learner"])
    with emails():
        services.session_update(session=session, user=who["team_member"], fields={"capacity": 5})
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"ends_at": "before"}, "ends_at", "The end time must be after the start time"),
        (
            {"booking_closes_at": "after"},
            "booking_closes_at",
            "Booking must close on or before the day of the session",
        ),
        (
            {"mode": "in_person", "place_en": "", "place_cy": ""},
            "place_en",
            "Enter where the session takes place, in English or in Welsh",
        ),
        ({"starts_at": "past"}, "starts_at", "The session must start in the future"),
    ],
)
def test_session_rules(course, who, fields, field, message):
    values = {
        "starts_at": in_days(10, 10),
        "ends_at": in_days(10, 12),
        "mode": "online",
        "language": "en",
        "capacity": 10,
        "booking_closes_at": in_days(8, 23),
    }
    if fields.get("ends_at") == "before":
        values["ends_at"] = in_days(10, 9)
    elif fields.get("booking_closes_at") == "after":
        values["booking_closes_at"] = in_days(11, 9)
    elif fields.get("starts_at") == "past":
        values.update(starts_at=in_days(-1, 10), ends_at=in_days(-1, 12), booking_closes_at=in_days(-2, 10))
    else:
        values.update(fields)
    with pytest.raises(ValidationError) as error:
        services.session_create(course=course, user=who["team_member"], fields=values)
    assert message in error.value.message_dict[field]
    assert not Session.objects.exists()


def test_a_course_run_elsewhere_has_no_sessions(course, who):
    course.external_url = "https://academi.gov.wales/"
    course.save()
    with pytest.raises(ValidationError) as error:
        services.session_create(
            course=course,
            user=who["team_member"],
            fields={
                "starts_at": in_days(10, 10),
                "ends_at": in_days(10, 12),
                "capacity": 10,
                "booking_closes_at": in_days(8, 23),
            },
        )
    assert "This course is run elsewhere, so it has no sessions in Porth" in error.value.messages


def test_a_cancelled_session_tells_everyone_on_it_and_cancels_their_calendar(session, who, emails):
    book(session, who["learner"])
    book(session, who["colleague"])
    book(session, who["org_admin"], join_waiting_list=True)
    with emails():
        told = services.session_cancel(
            session=session,
            user=who["team_member"],
            reason_en="The trainer is ill.",
            reason_cy="Mae'r hyfforddwr yn sâl.",
        )
    assert told == 3
    assert not Booking.objects.filter(session=session).exclude(state=BookingState.CANCELLED).exists()
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {"alys@cardiff.example", "huw@cardiff.example", "admin@cardiff.example"}
    # Huw reads Welsh.
    assert "wedi'i chanslo" in by_person["huw@cardiff.example"].subject
    assert "Mae'r hyfforddwr yn sâl." in by_person["huw@cardiff.example"].body
    assert "The trainer is ill." in by_person["alys@cardiff.example"].body
    assert by_person["alys@cardiff.example"].attachments  # a CANCEL for her calendar
    assert not by_person["admin@cardiff.example"].attachments  # the waiting list had nothing in it


def test_attendance_can_be_marked_once_the_session_has_started(session, who, emails):
    booking = book(session, who["learner"])
    with pytest.raises(services.BookingRefused) as refused:
        services.attendance_mark(session=session, user=who["trainer"], marks={booking.pk: "present"})
    assert refused.value.code == "not_started"
    started = session.starts_at + datetime.timedelta(minutes=5)
    with emails():
        changed = services.attendance_mark(
            session=session, user=who["trainer"], marks={booking.pk: "present"}, now=started
        )
    booking.refresh_from_db()
    assert changed == 1 and booking.attendance == Attendance.PRESENT and booking.has_certificate
    assert mail.outbox[0].subject == 'Your certificate for "Digital leadership for senior leaders"'
    # Marking present again, or absent then present, sends no second certificate e-mail.
    with emails():
        services.attendance_mark(
            session=session, user=who["trainer"], marks={booking.pk: "absent"}, now=started
        )
        services.attendance_mark(
            session=session, user=who["trainer"], marks={booking.pk: "present"}, now=started
        )
    assert len(mail.outbox) == 1
    assert BookingEvent.objects.filter(booking=booking, kind="attended").count() == 1


def test_marking_everyone_present_marks_only_people_with_a_place(session, who):
    a = book(session, who["learner"])
    b = book(session, who["colleague"])
    waiting = book(session, who["org_admin"], join_waiting_list=True)
    started = session.starts_at + datetime.timedelta(minutes=5)
    assert services.attendance_mark_all(session=session, user=who["trainer"], now=started) == 2
    for booking in (a, b, waiting):
        booking.refresh_from_db()
    assert a.has_certificate and b.has_certificate
    assert waiting.attendance == Attendance.UNMARKED and not waiting.has_certificate


def test_an_absent_person_has_no_certificate(session, who):
    booking = book(session, who["learner"])
    started = session.starts_at + datetime.timedelta(minutes=5)
    services.attendance_mark(session=session, user=who["trainer"], marks={booking.pk: "absent"}, now=started)
    booking.refresh_from_db()
    assert not booking.has_certificate


def test_the_waiting_list_is_first_come_first_served(make_session, who):
    session = make_session(capacity=1)
    book(session, who["learner"])
    people = [person(f"p{n}@cardiff.example", "W06000015") for n in range(4)]
    waiting = [book(session, p, join_waiting_list=True) for p in people]
    assert [w.waiting_position() for w in waiting] == [1, 2, 3, 4]


@pytest.mark.django_db(transaction=True)  # a worker round closes connections left in a transaction
def test_the_background_worker_ends_offers_that_ran_out(session, who, settings, tmp_path):
    settings.SIMILARITY_BUILD_ON_QUESTION = False
    settings.SIMILARITY_DIR = tmp_path
    first = book(session, who["learner"])
    book(session, who["colleague"])
    offered = book(session, who["org_admin"], join_waiting_list=True)
    services.booking_cancel(booking=first, user=who["learner"])
    Booking.objects.filter(pk=offered.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    note = worker.worker_step({})
    assert "1 training offers ended" in note
    offered.refresh_from_db()
    assert offered.state == BookingState.EXPIRED


def test_only_an_administrator_of_the_organisation_books_for_someone_else(session, who):
    with pytest.raises(services.BookingRefused) as refused:
        book(session, who["learner"], booked_by=who["colleague"])
    assert refused.value.code == "not_administrator"
    assert book(session, who["learner"], booked_by=who["org_admin"]).booked_by == who["org_admin"]
