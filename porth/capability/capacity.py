"""Weeks and capacity: plain Python, no Django, so the arithmetic every booking rests on is tested alone.

Bookings are by ISO week (Monday to Friday; a week is named by its Monday, in Europe/London). A specialist's
capacity in a week is their working days, less the days of leave that fall in it, less the days already held
by bookings (confirmed ones, and ones offered to a waiting request). Outside the weeks they are in the pool,
their capacity is nothing.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

ONE_DAY = datetime.timedelta(days=1)
ONE_WEEK = datetime.timedelta(days=7)
ZERO = Decimal("0")


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of the ISO week a day falls in."""
    return day - datetime.timedelta(days=day.weekday())


def weeks_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The Mondays from the week of `first` to the week of `last`, both included."""
    week, end = week_of(first), week_of(last)
    weeks = []
    while week <= end:
        weeks.append(week)
        week += ONE_WEEK
    return weeks


def weekdays_in(start: datetime.date, end: datetime.date) -> int:
    """How many Mondays to Fridays there are from start to end, both included (0 when end is before start)."""
    if end < start:
        return 0
    whole_weeks, extra = divmod((end - start).days + 1, 7)
    count = whole_weeks * 5
    for offset in range(extra):
        if (start + datetime.timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


@dataclass(frozen=True)
class Span:
    """Leave: from the first day to the last, both included."""

    starts_on: datetime.date
    ends_on: datetime.date


@dataclass(frozen=True)
class Held:
    """Days a week held by a booking, from the week of first_week to the week of last_week."""

    first_week: datetime.date
    last_week: datetime.date
    days: Decimal


@dataclass(frozen=True)
class Person:
    """What capacity depends on: working days a week, and the weeks someone is in the pool."""

    working_days: Decimal
    joined_on: datetime.date
    left_on: datetime.date | None = None

    def in_pool(self, week: datetime.date) -> bool:
        # In the pool for a week if they are there for any working day of it.
        friday = week + datetime.timedelta(days=4)
        return self.joined_on <= friday and (self.left_on is None or self.left_on >= week)


def leave_days(leave: Iterable[Span], week: datetime.date, working_days: Decimal) -> Decimal:
    """Days of leave in a week: the weekdays of leave that fall in it, never more than the working days
    (someone who works three days and is away all week loses three days, not five)."""
    friday = week + datetime.timedelta(days=4)
    days = sum(weekdays_in(max(span.starts_on, week), min(span.ends_on, friday)) for span in leave)
    return min(Decimal(days), working_days)


@dataclass(frozen=True)
class Week:
    week: datetime.date
    working: Decimal  # working days in the pool this week (0 outside it)
    leave: Decimal
    booked: Decimal

    @property
    def available(self) -> Decimal:
        return self.working - self.leave

    @property
    def free(self) -> Decimal:
        return self.working - self.leave - self.booked


def weeks_for(
    person: Person, leave: list[Span], held: list[Held], weeks: Iterable[datetime.date]
) -> list[Week]:
    """Each week's working days, leave, booked days and (as a property) what is free."""
    weeks = list(weeks)
    booked = dict.fromkeys(weeks, ZERO)
    if held and weeks:
        # Each booking adds its days to the weeks it covers (read once, not once a week).
        lowest, highest = min(weeks), max(weeks)
        for h in held:
            week, end = max(week_of(h.first_week), lowest), min(h.last_week, highest)
            while week <= end:
                if week in booked:
                    booked[week] += h.days
                week += ONE_WEEK
    rows = []
    for week in weeks:
        working = person.working_days if person.in_pool(week) else ZERO
        away = leave_days(leave, week, working) if leave else ZERO
        rows.append(Week(week, working, away, booked[week]))
    return rows


def shortfalls(
    person: Person,
    leave: list[Span],
    held: list[Held],
    first: datetime.date,
    last: datetime.date,
    days: Decimal,
) -> list[Week]:
    """The weeks from first to last in which fewer than `days` are free: empty when a booking fits."""
    return [w for w in weeks_for(person, leave, held, weeks_between(first, last)) if w.free < days]


def overbooked(person: Person, leave: list[Span], held: list[Held]) -> list[Week]:
    """The weeks in which the bookings held come to more than the days available (none, if the rules hold)."""
    weeks = sorted({week for h in held for week in weeks_between(h.first_week, h.last_week)})
    return [w for w in weeks_for(person, leave, held, weeks) if w.free < ZERO]
