import datetime

import pytest
from django.utils import translation

from porth.core.dates import days_ago, end_of_period, format_days_ago, format_partial_date, parse_partial_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021", (datetime.date(2021, 1, 1), "year")),
        ("2020-11", (datetime.date(2020, 11, 1), "month")),
        ("2021-04-01", (datetime.date(2021, 4, 1), "day")),
    ],
)
def test_parse_partial_date(text, expected):
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize("text", ["", "21", "2021-13", "2021-02-30", "April 2021"])
def test_parse_partial_date_rejects_nonsense(text):
    with pytest.raises(ValueError):
        parse_partial_date(text)


def test_end_of_period():
    assert end_of_period(datetime.date(2024, 2, 1), "month") == datetime.date(2024, 2, 29)
    assert end_of_period(datetime.date(2021, 1, 1), "year") == datetime.date(2021, 12, 31)
    assert end_of_period(datetime.date(2021, 3, 5), "day") == datetime.date(2021, 3, 5)


def test_month_precision_is_shown_as_month_and_year_in_both_languages():
    day = datetime.date(2020, 11, 1)
    with translation.override("en"):
        assert format_partial_date(day, "month") == "November 2020"
    with translation.override("cy"):
        assert format_partial_date(day, "month") == "Tachwedd 2020"
    assert format_partial_date(day, "year") == "2020"


@pytest.mark.parametrize(
    ("days", "english", "welsh"),
    [
        (0, "today", "heddiw"),
        (1, "yesterday", "ddoe"),
        (2, "2 days ago", "diwrnod yn ôl"),
        (5, "5 days ago", "5 diwrnod yn ôl"),
    ],
)
def test_ages_say_today_and_yesterday_in_both_languages(days, english, welsh):
    with translation.override("en"):
        assert format_days_ago(days) == english
    with translation.override("cy"):
        assert welsh in format_days_ago(days)


def test_days_ago_counts_calendar_days_not_whole_24_hours(settings):
    settings.TIME_ZONE = "Europe/London"
    now = datetime.datetime(2026, 3, 10, 0, 10, tzinfo=datetime.UTC)
    assert days_ago(now - datetime.timedelta(minutes=5), now) == 0
    assert days_ago(now - datetime.timedelta(minutes=20), now) == 1
    assert days_ago(now - datetime.timedelta(days=3), now) == 3
