"""Matching a request to the pool's specialists: plain Python, no Django.

Each specialist is scored out of 100 on four things the request says, and every part of the score comes with
a reason people can read (the page words each reason in their language):

- role (40): the same DDaT role scores in full; another role in the same family scores 15;
- skills (25): the share of the skills asked for that the specialist has (in full when none were asked for);
- Welsh (15): when Welsh is needed, the specialist must be able to work in Welsh (level 3 or more) to score;
  when it is not needed, it does not change the order;
- free capacity (20): the share of the weeks asked for in which they have the days a week free.

Equal scores keep the pool's order (by name). A specialist who is free in every week is said to fit: only
those can be booked straight away; the others can be put on the waiting list.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

ROLE_SAME, ROLE_FAMILY = 40, 15
SKILLS = 25
WELSH = 15
CAPACITY = 20
WORKS_IN_WELSH = 3  # the Welsh level from which someone can work through Welsh


@dataclass(frozen=True)
class Need:
    role: str
    family: str
    skills: frozenset[str]
    welsh_needed: bool
    days: Decimal
    weeks: tuple[datetime.date, ...]


@dataclass(frozen=True)
class Candidate:
    key: int
    role: str
    family: str
    skills: frozenset[str]
    welsh_level: int
    free: dict[datetime.date, Decimal]  # free days in each week asked for


@dataclass(frozen=True)
class Reason:
    """Why a part of the score is what it is: a code, and the facts its sentence needs."""

    code: str
    facts: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Match:
    key: int
    score: int
    fits: bool
    reasons: tuple[Reason, ...]


def _role(need: Need, c: Candidate) -> tuple[int, Reason]:
    if c.role == need.role:
        return ROLE_SAME, Reason("role_same")
    if c.family == need.family:
        return ROLE_FAMILY, Reason("role_family")
    return 0, Reason("role_other")


def _skills(need: Need, c: Candidate) -> tuple[int, Reason]:
    if not need.skills:
        return SKILLS, Reason("skills_none_asked")
    have = sorted(need.skills & c.skills)
    missing = sorted(need.skills - c.skills)
    score = round(SKILLS * len(have) / len(need.skills))
    if not missing:
        return score, Reason("skills_all", {"count": len(have)})
    if not have:
        return score, Reason("skills_none", {"count": len(need.skills), "missing": missing})
    return score, Reason("skills_some", {"have": have, "missing": missing, "count": len(need.skills)})


def _welsh(need: Need, c: Candidate) -> tuple[int, Reason | None]:
    if not need.welsh_needed:
        return WELSH, None
    if c.welsh_level >= WORKS_IN_WELSH:
        return WELSH, Reason("welsh_yes", {"level": c.welsh_level})
    return 0, Reason("welsh_no", {"level": c.welsh_level})


def _capacity(need: Need, c: Candidate) -> tuple[int, bool, Reason]:
    short = [week for week in need.weeks if c.free.get(week, Decimal(0)) < need.days]
    count = len(need.weeks)
    free_weeks = count - len(short)
    score = round(CAPACITY * free_weeks / count) if count else 0
    if not short:
        return score, True, Reason("free_all", {"count": count})
    if not free_weeks:
        return score, False, Reason("free_none", {"count": count})
    return score, False, Reason("free_some", {"free": free_weeks, "count": count, "first_short": short[0]})


def match(need: Need, candidate: Candidate) -> Match:
    role, role_reason = _role(need, candidate)
    skills, skills_reason = _skills(need, candidate)
    welsh, welsh_reason = _welsh(need, candidate)
    capacity, fits, capacity_reason = _capacity(need, candidate)
    reasons = [role_reason, skills_reason, *([welsh_reason] if welsh_reason else []), capacity_reason]
    return Match(candidate.key, role + skills + welsh + capacity, fits, tuple(reasons))


def rank(need: Need, candidates: Iterable[Candidate]) -> list[Match]:
    """Best first: the highest score, then those free in every week; otherwise the order given."""
    matches = [match(need, c) for c in candidates]
    return sorted(matches, key=lambda m: (-m.score, not m.fits))
