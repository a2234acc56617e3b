"""Calendar files (iCalendar, RFC 5545, made with the icalendar library) for a person's place on a session.

Each session and person has one UID, so a change or a cancellation updates the entry already in someone's
calendar instead of adding another. SEQUENCE is the booking's, raised on each change. E-mails carry
METHOD:REQUEST for a place and a change, METHOD:CANCEL when the place or the session is cancelled; a download
from the booking page is METHOD:PUBLISH. The times carry their Europe/London time zone, described in full in
a VTIMEZONE, so a calendar in another time zone shows the right hour.
"""

import datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from porth.core.language import localise
from porth.core.mail import absolute_url

from .models import Booking, Mode
from .times import local

PRODID = "-//Porth//Training//EN"


def booking_uid(booking: Booking) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "porth.localhost"
    return f"training-session-{booking.session_id}-person-{booking.person_id}@{host}"


def _address(email: str) -> str:
    return f"mailto:{email}"


def _location(booking: Booking, language: str) -> str:
    session = booking.session
    if session.mode == Mode.IN_PERSON:
        return localise(session.place_en, session.place_cy, language).text
    return session.online_link or _("Online")


def _description(booking: Booking, language: str) -> str:
    session, course = booking.session, booking.session.course
    lines = [localise(course.summary_en, course.summary_cy, language).text]
    if session.mode == Mode.ONLINE and session.online_link:
        lines.append(_("Join online: %(link)s") % {"link": session.online_link})
    if session.trainer_id:
        lines.append(_("Trainer: %(name)s") % {"name": session.trainer.get_full_name()})
    lines.append(_("Your booking: %(url)s") % {"url": absolute_url(booking.get_absolute_url(), language)})
    return "\n\n".join(line for line in lines if line)


def _organizer(booking: Booking) -> icalendar.vCalAddress:
    course = booking.session.course
    organizer = icalendar.vCalAddress(_address(settings.SUPPORT_EMAIL))
    organizer.params["CN"] = icalendar.vText(str(course.provider.name))
    return organizer


def _attendee(booking: Booking, cancelled: bool) -> icalendar.vCalAddress:
    attendee = icalendar.vCalAddress(_address(booking.person.email))
    attendee.params["CN"] = icalendar.vText(booking.person.get_full_name())
    attendee.params["ROLE"] = icalendar.vText("REQ-PARTICIPANT")
    attendee.params["PARTSTAT"] = icalendar.vText("DECLINED" if cancelled else "ACCEPTED")
    attendee.params["RSVP"] = icalendar.vText("FALSE")
    return attendee


def calendar_file(
    booking: Booking, *, method: str, language: str, now: datetime.datetime | None = None
) -> bytes:
    """The iCalendar file for a booking: method is REQUEST, CANCEL or PUBLISH; the text is in `language`."""
    session, course = booking.session, booking.session.course
    cancelled = method == "CANCEL"
    with translation.override(language):
        event = icalendar.Event()
        event.add("uid", booking_uid(booking))
        event.add("sequence", booking.sequence)
        event.add("dtstamp", now or timezone.now())
        event.add("dtstart", local(session.starts_at))
        event.add("dtend", local(session.ends_at))
        event.add(
            "summary",
            localise(course.title_en, course.title_cy, language).text,
            parameters={"LANGUAGE": language},
        )
        event.add("description", _description(booking, language), parameters={"LANGUAGE": language})
        event.add("location", _location(booking, language), parameters={"LANGUAGE": language})
        event.add("url", absolute_url(booking.get_absolute_url(), language))
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        event.add("transp", "OPAQUE")
        if method != "PUBLISH":
            event.add("organizer", _organizer(booking))
            event.add("attendee", _attendee(booking, cancelled))
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", method)
        calendar.add_component(event)
        # A VTIMEZONE for Europe/London covering the year either side of the session is enough for any
        # calendar to place it, and keeps the file short.
        start = local(session.starts_at).date()
        calendar.add_missing_timezones(
            first_date=start - datetime.timedelta(days=366), last_date=start + datetime.timedelta(days=366)
        )
    return calendar.to_ical()


def calendar_filename(booking: Booking) -> str:
    return f"porth-training-{booking.session_id}.ics"
