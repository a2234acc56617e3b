"""What the specialist pool gives the dashboards (porth.insight reads this).

A figure is a whole pool's, never one specialist's: a specialist's availability and bookings are for the
pool's managers and the specialist themselves (permissions.py), while the dashboards are read by anyone.
"""

import datetime

from porth.directory.models import LeadershipTeam

from . import queries
from .capacity import week_of, weeks_between
from .models import Pool


def utilisation(
    *, team: LeadershipTeam | None, start: datetime.date, end: datetime.date
) -> list[tuple[tuple[str, str], float, float]]:
    """((name_en, name_cy), booked_days, capacity_days) for each pool the team runs (or, with team None, every
    pool), over the weeks the period touches: confirmed days booked against the days the pool's specialists
    work, less leave (as the pool's own utilisation page counts them).

    The name comes in both languages because the figures are kept once for readers of either."""
    pools = Pool.objects.all() if team is None else Pool.objects.filter(team=team)
    first = week_of(start)
    weeks = len(weeks_between(first, end))
    rows = []
    for pool in pools:
        table = queries.utilisation(pool=pool, by="specialist", start=first, weeks=weeks, every="week")
        booked = sum(cell.booked for cell in table.totals)
        available = sum(cell.available for cell in table.totals)
        rows.append(((pool.name_en, pool.name_cy), float(booked), float(available)))
    return rows
