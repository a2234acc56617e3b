"""Calendar files: every booking, change and cancellation e-mail carries one; one UID per session and person,
SEQUENCE raised on each change, METHOD:REQUEST or METHOD:CANCEL, and a VTIMEZONE for Europe/London."""

import datetime

import icalendar
import pytest
from django.core import mail

from porth.skills import services
from porth.skills.ics import booking_uid, calendar_file
from porth.skills.models import LONDON

from .helpers import book, in_days

pytestmark = pytest.mark.django_db


def attached_calendar(message) -> icalendar.Calendar:
    parts = [p for p in message.attachments if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, message.attachments
    return icalendar.Calendar.from_ical(parts[0].get_payload(decode=True))


def the_event(calendar: icalendar.Calendar) -> icalendar.Event:
    (event,) = calendar.walk("VEVENT")
    return event


def test_the_booking_email_carries_a_request_in_london_time(session, who, emails):
    with emails():
        booking = book(session, who["learner"])
    calendar = attached_calendar(mail.outbox[0])
    event = the_event(calendar)
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["UID"]) == booking_uid(booking)
    assert event["SEQUENCE"] == 0
    assert event["STATUS"] == "CONFIRMED"
    assert event.decoded("DTSTART") == session.starts_at
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    (timezone,) = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/London"
    assert str(event["SUMMARY"]) == "Digital leadership for senior leaders"
    assert "https://meet.example.gov.wales/abc" in str(event["DESCRIPTION"])
    assert str(event["ATTENDEE"]) == "mailto:alys@cardiff.example"
    content_type = next(p for p in mail.outbox[0].attachments if p.get_content_type() == "text/calendar")
    assert content_type.get_param("method") == "REQUEST"


def test_a_change_sends_the_same_uid_with_a_higher_sequence_then_cancel(session, who, emails):
    with emails():
        booking = book(session, who["learner"])
        services.session_update(
            session=session,
            user=who["team_member"],
            fields={"starts_at": in_days(14, 9), "ends_at": in_days(14, 11)},
        )
        services.booking_cancel(booking=booking, user=who["learner"])
    first, changed, cancelled = (the_event(attached_calendar(m)) for m in mail.outbox)
    assert first["UID"] == changed["UID"] == cancelled["UID"]
    assert [first["SEQUENCE"], changed["SEQUENCE"], cancelled["SEQUENCE"]] == [0, 1, 2]
    assert changed.decoded("DTSTART") == in_days(14, 9)
    assert attached_calendar(mail.outbox[2])["METHOD"] == "CANCEL"
    assert cancelled["STATUS"] == "CANCELLED"


def test_a_cancelled_session_sends_a_cancel(session, who, emails):
    with emails():
        book(session, who["learner"])
        services.session_cancel(session=session, user=who["team_member"])
    calendar = attached_calendar(mail.outbox[-1])
    assert calendar["METHOD"] == "CANCEL" and the_event(calendar)["SEQUENCE"] == 1


def test_a_welsh_reader_gets_the_calendar_in_welsh(session, who, emails):
    with emails():
        book(session, who["colleague"])  # Huw chose Welsh
    event = the_event(attached_calendar(mail.outbox[0]))
    assert str(event["SUMMARY"]) == "Arweinyddiaeth ddigidol i uwch arweinwyr"
    assert event["SUMMARY"].params["LANGUAGE"] == "cy"
    assert "/cy/training/bookings/" in str(event["URL"])


def test_summer_time_is_right_in_the_file(make_session, who):
    """A session in July at 10:00 on the clocks in Wales is 09:00 UTC."""
    today = datetime.date.today()
    july = datetime.date(today.year + 1, 7, 15)
    days = (july - today).days
    session = make_session(days=days)
    booking = book(session, who["learner"])
    event = the_event(icalendar.Calendar.from_ical(calendar_file(booking, method="PUBLISH", language="en")))
    start = event.decoded("DTSTART")
    assert start.astimezone(datetime.UTC).hour == 9
    assert start.astimezone(LONDON).hour == 10
    assert "ORGANIZER" not in event  # a download is published, not an invitation


def test_the_booking_page_offers_the_file_only_for_a_place(client, session, who):
    booking = book(session, who["learner"])
    client.force_login(who["learner"])
    response = client.get(f"/training/bookings/{booking.pk}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert icalendar.Calendar.from_ical(response.content)["METHOD"] == "PUBLISH"
    services.booking_cancel(booking=booking, user=who["learner"])
    assert client.get(f"/training/bookings/{booking.pk}/calendar.ics").status_code == 404
