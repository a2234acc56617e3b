"""E-mails about requests for specialists and bookings, each in its reader's language.

- A request sent: to the pool's managers, and a receipt to the person who asked.
- A request withdrawn: to the pool's managers. Declined: to the person who asked.
- A booking confirmed: to the person who asked and to the specialist. Waiting for capacity: to the person who
  asked. Offered when capacity frees: to the person who asked and to the pool's managers. Cancelled: to the
  person who asked and to the specialist.
"""

from porth.accounts.permissions import team_members
from porth.core.mail import absolute_url, message_render, messages_send

from .models import Booking, Pool, SpecialistRequest

REQUEST_READERS = {"raised": ("managers", "asker"), "withdrawn": ("managers",), "declined": ("asker",)}
BOOKING_READERS = {
    "confirmed": ("asker", "specialist"),
    "waiting": ("asker",),
    "offered": ("asker", "managers"),
    "cancelled": ("asker", "specialist"),
}


def _managers(pool: Pool) -> list:
    return list(team_members([pool.team]))


def _readers(kinds, *, pool: Pool, asker=None, specialist=None) -> dict[str, tuple[object, str]]:
    """Each reader once (by address), with the part they play; inactive accounts get nothing."""
    readers: dict[str, tuple[object, str]] = {}
    for kind in kinds:
        people = {"managers": _managers(pool), "asker": [asker], "specialist": [specialist]}[kind]
        for person in people:
            if person is not None and person.is_active and person.email not in readers:
                readers[person.email] = (person, kind)
    return readers


def _send(template: str, readers: dict, path: str, context: dict) -> int:
    return messages_send(
        [
            message_render(
                template=template,
                to=email,
                language=person.preferred_language,
                context={
                    **context,
                    "reader": kind,
                    "url": absolute_url(path, person.preferred_language),
                },
            )
            for email, (person, kind) in readers.items()
        ]
    )


def request_send(*, request_id: int, event: str) -> int:
    request = SpecialistRequest.objects.select_related(
        "pool__team", "organisation", "role", "requested_by"
    ).get(pk=request_id)
    readers = _readers(REQUEST_READERS[event], pool=request.pool, asker=request.requested_by)
    context = {"request": request, "pool": request.pool, "role": request.role}
    return _send(f"capability/email/request_{event}", readers, request.get_absolute_url(), context)


def booking_send(*, booking_id: int, event: str) -> int:
    booking = Booking.objects.select_related(
        "specialist__pool__team", "specialist__user", "request__requested_by", "organisation", "engagement"
    ).get(pk=booking_id)
    asker = booking.request.requested_by if booking.request else None
    specialist_user = booking.specialist.user
    readers = _readers(
        BOOKING_READERS[event], pool=booking.specialist.pool, asker=asker, specialist=specialist_user
    )
    context = {"booking": booking, "specialist": booking.specialist, "request": booking.request}
    return _send(f"capability/email/booking_{event}", readers, booking.get_absolute_url(), context)
