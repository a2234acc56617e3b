"""The week and capacity arithmetic every booking rests on (pure Python, no database)."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from porth.capability import capacity
from porth.capability.capacity import (
    Held,
    Person,
    Span,
    leave_days,
    shortfalls,
    week_of,
    weekdays_in,
    weeks_between,
)

MONDAY = datetime.date(2026, 3, 2)  # a Monday; ISO week 10 of 2026


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        ("2026-03-02", "2026-03-02"),  # a Monday is its own week
        ("2026-03-08", "2026-03-02"),  # Sunday ends the ISO week
        ("2026-03-09", "2026-03-09"),
        ("2027-01-01", "2026-12-28"),  # a Friday in ISO week 53 of 2026
        ("2026-03-29", "2026-03-23"),  # the Sunday the clocks go forward in Europe/London
    ],
)
def test_a_week_is_named_by_its_iso_monday(day, monday):
    assert week_of(d(day)) == d(monday)
    assert week_of(d(day)).isocalendar()[:2] == d(day).isocalendar()[:2]


def test_weeks_between_include_both_ends_whatever_day_is_given():
    assert weeks_between(d("2026-03-04"), d("2026-03-20")) == [
        d("2026-03-02"),
        d("2026-03-09"),
        d("2026-03-16"),
    ]
    assert weeks_between(d("2026-03-04"), d("2026-03-04")) == [d("2026-03-02")]
    assert weeks_between(d("2026-03-20"), d("2026-03-04")) == []


@pytest.mark.parametrize(
    ("start", "end", "weekdays"),
    [
        ("2026-03-02", "2026-03-06", 5),
        ("2026-03-02", "2026-03-08", 5),  # the weekend adds nothing
        ("2026-03-06", "2026-03-09", 2),  # Friday and Monday
        ("2026-03-07", "2026-03-08", 0),
        ("2026-03-02", "2026-03-15", 10),
        ("2026-03-09", "2026-03-02", 0),
    ],
)
def test_weekdays_in_a_span(start, end, weekdays):
    assert weekdays_in(d(start), d(end)) == weekdays


@pytest.mark.parametrize(
    ("spans", "working", "expected"),
    [
        ([], "5", 0),
        ([("2026-03-04", "2026-03-04")], "5", 1),
        ([("2026-02-20", "2026-03-03")], "5", 2),  # only the days inside this week count
        ([("2026-03-02", "2026-03-06")], "3", 3),  # a whole week away costs a part-timer their three days
        ([("2026-03-02", "2026-03-03"), ("2026-03-05", "2026-03-05")], "5", 3),
        ([("2026-03-09", "2026-03-13")], "5", 0),  # next week's leave
    ],
)
def test_leave_days_in_a_week_never_exceed_the_working_days(spans, working, expected):
    leave = [Span(d(a), d(b)) for a, b in spans]
    assert leave_days(leave, MONDAY, Decimal(working)) == expected


def test_capacity_is_working_days_less_leave_less_bookings_held():
    person = Person(Decimal("4"), joined_on=d("2026-01-01"))
    leave = [Span(d("2026-03-09"), d("2026-03-10"))]
    held = [Held(MONDAY, d("2026-03-16"), Decimal("1.5"))]
    weeks = capacity.weeks_for(person, leave, held, weeks_between(MONDAY, d("2026-03-23")))
    assert [(w.working, w.leave, w.booked, w.free) for w in weeks] == [
        (4, 0, Decimal("1.5"), Decimal("2.5")),
        (4, 2, Decimal("1.5"), Decimal("0.5")),
        (4, 0, Decimal("1.5"), Decimal("2.5")),
        (4, 0, 0, 4),
    ]


def test_no_capacity_outside_the_weeks_someone_is_in_the_pool():
    person = Person(Decimal("5"), joined_on=d("2026-03-11"), left_on=d("2026-03-16"))
    weeks = capacity.weeks_for(person, [], [], weeks_between(d("2026-02-23"), d("2026-03-23")))
    # They join on a Wednesday and leave on a Monday: the weeks they are there for any day count in full.
    assert [w.working for w in weeks] == [0, 0, 5, 5, 0]


def test_shortfalls_name_the_weeks_a_booking_does_not_fit():
    person = Person(Decimal("3"), joined_on=d("2026-01-01"))
    held = [Held(d("2026-03-09"), d("2026-03-09"), Decimal("2"))]
    short = shortfalls(person, [], held, MONDAY, d("2026-03-20"), Decimal("2"))
    assert [(w.week, w.free) for w in short] == [(d("2026-03-09"), 1)]
    assert shortfalls(person, [], held, MONDAY, d("2026-03-20"), Decimal("1")) == []


bookings = st.lists(
    st.tuples(
        st.integers(0, 10), st.integers(0, 4), st.sampled_from([Decimal("0.5"), Decimal(1), Decimal(2)])
    ),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(
    working=st.sampled_from([Decimal("2"), Decimal("2.5"), Decimal("5")]),
    leave=st.lists(st.tuples(st.integers(0, 80), st.integers(0, 9)), max_size=4),
    wanted=bookings,
)
def test_accepting_only_bookings_that_fit_never_overbooks_anyone(working, leave, wanted):
    """Whatever is asked for, in whatever order: keep each booking only if shortfalls() finds no short week,
    and no week ever ends with more booked than is available."""
    person = Person(working, joined_on=MONDAY)
    spans = [
        Span(MONDAY + datetime.timedelta(days=a), MONDAY + datetime.timedelta(days=a + n)) for a, n in leave
    ]
    held: list[Held] = []
    for start, length, days in wanted:
        first = MONDAY + datetime.timedelta(weeks=start)
        last = first + datetime.timedelta(weeks=length)
        if not shortfalls(person, spans, held, first, last, days):
            held.append(Held(first, last, days))
    assert capacity.overbooked(person, spans, held) == []
    for week in capacity.weeks_for(
        person, spans, held, weeks_between(MONDAY, MONDAY + datetime.timedelta(weeks=16))
    ):
        assert week.free >= 0
