"""The period a dashboard covers: from a first day to a last day, shown month by month."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

DEFAULT_MONTHS = 12


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def months_back(day: datetime.date, count: int) -> datetime.date:
    """The first day of the month `count` months before the month of `day`."""
    index = day.year * 12 + day.month - 1 - count
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @classmethod
    def default(cls, today: datetime.date | None = None) -> "Period":
        today = today or timezone.localdate()
        return cls(months_back(today, DEFAULT_MONTHS - 1), today)

    @property
    def key(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """From midnight at the start of the first day to midnight after the last, in Porth's time zone."""
        zone = timezone.get_current_timezone()
        first = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=zone)
        after = datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
        )
        return first, after

    def months(self) -> list[str]:
        """Each month the period touches, as "YYYY-MM", in order."""
        keys, day = [], month_start(self.start)
        while day <= self.end:
            keys.append(f"{day.year:04d}-{day.month:02d}")
            day = months_back(day, -1)
        return keys
