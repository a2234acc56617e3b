"""Template helpers for training pages and e-mails: times on the 24-hour clock in Europe/London."""

from django import template

from .. import times

register = template.Library()


@register.filter
def when(session) -> str:
    """Tuesday 10 December 2026, 09:30 to 11:00"""
    return times.span(session.starts_at, session.ends_at)


@register.filter
def moment(value) -> str:
    """10 December 2026 at 17:00"""
    return times.moment(value) if value else ""


@register.filter
def short_day(value) -> str:
    return times.short_day(value) if value else ""


@register.filter
def day(value) -> str:
    return times.day(value) if value else ""


@register.filter
def clock(value) -> str:
    return times.clock(value) if value else ""


@register.filter
def places_left(session) -> int:
    """The places nobody has and nobody is being offered (the session needs `taken`, from with_places)."""
    return session.places_left(getattr(session, "taken", 0))
