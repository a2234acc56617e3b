"""Times as people read them: stored in UTC, shown in Europe/London, on the 24-hour clock in both languages,
written with explicit formats so that pages, e-mails and calendar files agree whatever format module is
active (config/formats sets the same convention for the rest of the site)."""

import datetime

from django.utils import dateformat
from django.utils.translation import gettext as _

from .models import LONDON


def local(value: datetime.datetime) -> datetime.datetime:
    return value.astimezone(LONDON)


def clock(value: datetime.datetime) -> str:
    """14:30"""
    return dateformat.format(local(value), "H:i")


def day(value: datetime.datetime | datetime.date) -> str:
    """Tuesday 10 December 2026 / Dydd Mawrth 10 Rhagfyr 2026"""
    if isinstance(value, datetime.datetime):
        value = local(value)
    return dateformat.format(value, "l j F Y")


def short_day(value: datetime.datetime | datetime.date) -> str:
    """10 December 2026"""
    if isinstance(value, datetime.datetime):
        value = local(value)
    return dateformat.format(value, "j F Y")


def moment(value: datetime.datetime) -> str:
    """10 December 2026 at 17:00 / 10 Rhagfyr 2026 am 17:00"""
    return _("%(date)s at %(time)s") % {"date": short_day(value), "time": clock(value)}


def span(starts_at: datetime.datetime, ends_at: datetime.datetime) -> str:
    """Tuesday 10 December 2026, 09:30 to 11:00 (or across days, each end in full)."""
    if local(starts_at).date() == local(ends_at).date():
        return _("%(day)s, %(start)s to %(end)s") % {
            "day": day(starts_at),
            "start": clock(starts_at),
            "end": clock(ends_at),
        }
    return _("%(start)s to %(end)s") % {
        "start": f"{day(starts_at)}, {clock(starts_at)}",
        "end": moment(ends_at),
    }


def london_datetime(date: datetime.date, time: datetime.time) -> datetime.datetime:
    """A date and a time on the clocks in Wales, as an aware datetime."""
    return datetime.datetime.combine(date, time).replace(tzinfo=LONDON)
