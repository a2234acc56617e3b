"""E-mails about bookings, each in the language the person chose, with a calendar file whenever what is in
their calendar changes: a place booked or changed (METHOD:REQUEST), a place or a session cancelled
(METHOD:CANCEL)."""

from email.mime.base import MIMEBase
from email.mime.text import MIMEText

from django.utils import translation

from porth.core.mail import absolute_url, message_render, messages_send

from .ics import calendar_file, calendar_filename
from .models import BookingEvent, BookingState

Kind = BookingEvent.Kind

# The template for each kind of event, and the calendar method it carries (None: no calendar file).
TEMPLATES = {
    Kind.BOOKED: ("booked", "REQUEST"),
    Kind.ACCEPTED: ("booked", "REQUEST"),
    Kind.WAITING: ("waiting", None),
    Kind.OFFERED: ("offered", None),
    Kind.EXPIRED: ("expired", None),
    Kind.CANCELLED: ("cancelled", None),
    Kind.SESSION_CHANGED: ("session_changed", "REQUEST"),
    Kind.SESSION_CANCELLED: ("session_cancelled", None),
    Kind.ATTENDED: ("certificate", None),
}


def _calendar_part(content: bytes, method: str, filename: str) -> MIMEBase:
    part = MIMEText(content.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def booking_event_send(*, event_id: int) -> int:
    event = BookingEvent.objects.select_related(
        "booking__session__course__provider_team",
        "booking__session__course__provider_organisation",
        "booking__session__trainer",
        "booking__person",
        "booking__booked_by",
        "by",
    ).get(pk=event_id)
    booking, person = event.booking, event.booking.person
    if not person.is_active:
        return 0
    template, method = TEMPLATES[event.kind]
    # Giving up a place, or losing it with the session, takes it out of the calendar too.
    if event.kind in (Kind.CANCELLED, Kind.SESSION_CANCELLED) and event.previous_state == BookingState.BOOKED:
        method = "CANCEL"
    language = person.preferred_language
    # The calendar file carries the sequence of this event, not a later one.
    booking.sequence = event.sequence
    with translation.override(language):
        message = message_render(
            template=f"skills/email/{template}",
            to=person.email,
            language=language,
            context={
                "event": event,
                "booking": booking,
                "session": booking.session,
                "course": booking.session.course,
                "person": person,
                "by_someone_else": event.by is not None and event.by != person,
                "calendar": method is not None,
                "url": absolute_url(booking.get_absolute_url(), language),
                "certificate_url": absolute_url(f"{booking.get_absolute_url()}certificate/", language),
                "session_url": absolute_url(booking.session.get_absolute_url(), language),
                "course_url": absolute_url(booking.session.course.get_absolute_url(), language),
            },
        )
    if method:
        ics = calendar_file(booking, method=method, language=language, now=event.at)
        message.attach(_calendar_part(ics, method, calendar_filename(booking)))
    return messages_send([message])
