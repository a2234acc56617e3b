"""Dates known to a day, a month or a year.

Reference facts often say only "November 2020" or "2021". Porth stores the first day of the period and how
precise it is, so pages never claim more than the sources say.
"""

import datetime
import re

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class Precision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_partial_date(text: str) -> tuple[datetime.date, str]:
    """'2020', '2020-11' or '2020-11-30' -> (first day of that period, precision). Raises ValueError."""
    match = PARTIAL_DATE.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
    return datetime.date(int(year), int(month or 1), int(day or 1)), precision.value


def end_of_period(value: datetime.date, precision: str) -> datetime.date:
    """The last day that a partial date could mean: used for "ended in November 2020"."""
    if precision == Precision.YEAR:
        return datetime.date(value.year, 12, 31)
    if precision == Precision.MONTH:
        next_month = value.replace(day=28) + datetime.timedelta(days=4)
        return next_month - datetime.timedelta(days=next_month.day)
    return value


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    if value is None:
        return ""
    if precision == Precision.YEAR:
        return str(value.year)
    if precision == Precision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def days_ago(moment: datetime.datetime, now: datetime.datetime | None = None) -> int:
    """Whole calendar days between a moment and now, in Porth's time zone: something sent at 23:50 was sent
    yesterday at 00:10, though fewer than 24 hours have passed."""
    now = now or timezone.now()
    return (timezone.localdate(now) - timezone.localdate(moment)).days


def format_days_ago(days: int) -> str:
    """How long ago, as people say it: "today", "yesterday", then "3 days ago"."""
    if days <= 0:
        return str(_("today"))
    if days == 1:
        return str(_("yesterday"))
    return ngettext("%(days)s day ago", "%(days)s days ago", days) % {"days": days}
