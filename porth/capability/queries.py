"""Reads the pool's pages share: the matches for a request (with why, in the reader's language), the weeks a
specialist is free, and utilisation over time by specialist, team and organisation."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from porth.directory.models import LeadershipTeam, Organisation

from . import capacity, matching
from .capacity import ONE_WEEK, weeks_between
from .models import Booking, DdatRole, Pool, Specialist, SpecialistRequest
from .services import availability, leave_spans, this_week

# ---------------------------------------------------------------------------------------------- matching


@dataclass
class MatchRow:
    """One specialist's match. The reasons are worded only when shown: a page shows twenty of hundreds."""

    specialist: Specialist
    found: matching.Match
    request: SpecialistRequest
    skills: dict
    weeks: list[capacity.Week]

    @property
    def score(self) -> int:
        return self.found.score

    @property
    def fits(self) -> bool:
        return self.found.fits

    @cached_property
    def reasons(self) -> list[str]:
        role, asked = self.specialist.role, self.request.role
        return [reason_text(r, role=role, request_role=asked, skills=self.skills) for r in self.found.reasons]


def _week_text(week: datetime.date) -> str:
    return formats.date_format(week, "DATE_FORMAT")


def reason_text(reason: matching.Reason, *, role: DdatRole, request_role: DdatRole, skills: dict) -> str:
    """One reason for a match, as a whole sentence in the active language."""
    facts = reason.facts
    names = lambda slugs: ", ".join(str(skills[s].name) for s in slugs if s in skills)  # noqa: E731
    texts = {
        "role_same": lambda: _("The same role: %(role)s") % {"role": role.name},
        "role_family": lambda: (
            _("A related role in the same family (%(family)s): %(role)s")
            % {"family": role.get_family_display(), "role": role.name}
        ),
        "role_other": lambda: (
            _("A different role: %(role)s, not %(asked)s") % {"role": role.name, "asked": request_role.name}
        ),
        "skills_none_asked": lambda: _("No particular skills were asked for"),
        "skills_all": lambda: (
            ngettext("Has the skill asked for", "Has all %(count)s skills asked for", facts.get("count", 0))
            % {"count": facts.get("count", 0)}
        ),
        "skills_some": lambda: (
            _("Has %(have)s; does not have %(missing)s")
            % {"have": names(facts["have"]), "missing": names(facts["missing"])}
        ),
        "skills_none": lambda: (
            _("Has none of the skills asked for (%(missing)s)") % {"missing": names(facts["missing"])}
        ),
        "welsh_yes": lambda: _("Can work in Welsh (level %(level)s)") % {"level": facts["level"]},
        "welsh_no": lambda: (
            _("Cannot yet work in Welsh (level %(level)s), and Welsh is needed") % {"level": facts["level"]}
        ),
        "free_all": lambda: (
            ngettext(
                "Has the days free in the week asked for",
                "Has the days free in all %(count)s weeks asked for",
                facts["count"],
            )
            % {"count": facts["count"]}
        ),
        "free_some": lambda: (
            _(
                "Has the days free in %(free)s of the %(count)s weeks asked for; the first week short "
                "starts on %(week)s"
            )
            % {"free": facts["free"], "count": facts["count"], "week": _week_text(facts["first_short"])}
        ),
        "free_none": lambda: _("Does not have the days free in any of the weeks asked for"),
    }
    return texts[reason.code]()


def request_weeks(request: SpecialistRequest) -> list[datetime.date]:
    """The weeks of a request still to come: a booking cannot start before this week."""
    return weeks_between(max(request.first_week, this_week()), max(request.last_week, this_week()))


def _skill_slugs(specialists: list[Specialist]) -> dict[int, frozenset[str]]:
    links = Specialist.skills.through.objects.filter(specialist__pool__in={s.pool_id for s in specialists})
    slugs: dict[int, set[str]] = defaultdict(set)
    for specialist_id, slug in links.values_list("specialist_id", "skill__slug"):
        slugs[specialist_id].add(slug)
    return {key: frozenset(value) for key, value in slugs.items()}


def matches_for(request: SpecialistRequest) -> list[MatchRow]:
    """The pool's specialists who are in the pool during the weeks asked for, best match first."""
    weeks = request_weeks(request)
    first, last_friday = weeks[0], weeks[-1] + datetime.timedelta(days=4)
    specialists = list(
        request.pool.specialists.filter(joined_on__lte=last_friday)
        .exclude(left_on__lt=first)
        .select_related("role")
    )
    free = availability(specialists, weeks)
    skill_slugs = _skill_slugs(specialists)
    asked = list(request.skills.all())
    need = matching.Need(
        role=request.role.slug,
        family=request.role.family,
        skills=frozenset(s.slug for s in asked),
        welsh_needed=request.welsh_needed,
        days=request.days_per_week,
        weeks=tuple(weeks),
    )
    by_key = {s.pk: s for s in specialists}
    candidates = [
        matching.Candidate(
            key=s.pk,
            role=s.role.slug,
            family=s.role.family,
            skills=skill_slugs.get(s.pk, frozenset()),
            welsh_level=s.welsh_level,
            free={w.week: w.free for w in free[s.pk]},
        )
        for s in specialists
    ]
    skills = {s.slug: s for s in asked}
    return [
        MatchRow(by_key[found.key], found, request, skills, free[found.key])
        for found in matching.rank(need, candidates)
    ]


# ---------------------------------------------------------------------------------------------- utilisation


@dataclass
class Cell:
    available: Decimal | None = Decimal(0)
    booked: Decimal = Decimal(0)

    @property
    def percent(self) -> int | None:
        if not self.available:
            return None
        return round(self.booked * 100 / self.available)

    def add(self, other: "Cell") -> None:
        if self.available is not None and other.available is not None:
            self.available += other.available
        self.booked += other.booked


@dataclass(frozen=True)
class Period:
    start: datetime.date
    label: str
    weeks: tuple[datetime.date, ...]


@dataclass
class Row:
    key: str
    label: str
    target: object = None  # what the row links to (its address is worked out only for rows shown)
    cells: list[Cell] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.target.get_absolute_url() if self.target is not None else ""

    @property
    def total(self) -> Cell:
        total = Cell(available=None if self.cells and self.cells[0].available is None else Decimal(0))
        for cell in self.cells:
            total.add(cell)
        return total


@dataclass
class Utilisation:
    by: str
    periods: list[Period]
    rows: list[Row]
    totals: list[Cell]

    @property
    def shows_capacity(self) -> bool:
        return self.by != "served"


def _periods(weeks: list[datetime.date], every: str) -> list[Period]:
    if every == "week":
        return [Period(w, formats.date_format(w, "SHORT_DATE_FORMAT"), (w,)) for w in weeks]
    months: dict[tuple[int, int], list[datetime.date]] = defaultdict(list)
    for week in weeks:
        months[(week.year, week.month)].append(week)
    return [
        Period(ws[0], formats.date_format(datetime.date(y, m, 1), "YEAR_MONTH_FORMAT"), tuple(ws))
        for (y, m), ws in months.items()
    ]


def _confirmed(pool: Pool, first, last) -> dict[int, list[capacity.Held]]:
    held: dict[int, list[capacity.Held]] = defaultdict(list)
    rows = Booking.objects.filter(status=Booking.Status.CONFIRMED, specialist__pool=pool).overlapping(
        first, last
    )
    for specialist_id, a, b, days in rows.values_list(
        "specialist_id", "first_week", "last_week", "days_per_week"
    ):
        held[specialist_id].append(capacity.Held(a, b, days))
    return held


def _grouping(by: str, specialists: list[Specialist]):
    """How a specialist's row is found: (key, label, what it links to), by specialist, home team or home
    organisation; the teams and organisations are read in one query each."""
    if by == "home_team":
        teams = LeadershipTeam.objects.in_bulk({s.home_team_id for s in specialists if s.home_team_id})
        nobody = ("", _("No home team"), None)
        return lambda s: (lambda t: (t.slug, str(t.name), t) if t else nobody)(teams.get(s.home_team_id))
    if by == "home_organisation":
        orgs = Organisation.objects.in_bulk(
            {s.home_organisation_id for s in specialists if s.home_organisation_id}
        )
        nobody = ("", _("No home organisation"), None)
        return lambda s: (lambda o: (o.code, str(o.name), o) if o else nobody)(
            orgs.get(s.home_organisation_id)
        )
    return lambda s: (str(s.pk), s.full_name, s)


def _served(pool: Pool, weeks: list[datetime.date], periods: list[Period]) -> list[Row]:
    """Days booked for each organisation (confirmed bookings), period by period."""
    index = {week: n for n, week in enumerate(weeks)}
    booked: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0)] * len(weeks))
    rows = (
        Booking.objects.filter(status=Booking.Status.CONFIRMED, specialist__pool=pool)
        .overlapping(weeks[0], weeks[-1])
        .values_list("organisation_id", "first_week", "last_week", "days_per_week")
    )
    for organisation_id, first, last, days in rows:
        by_week = booked[organisation_id]
        for week in capacity.weeks_between(max(first, weeks[0]), min(last, weeks[-1])):
            by_week[index[week]] += days
    organisations = Organisation.objects.in_bulk(list(booked))
    result = []
    for organisation_id, by_week in booked.items():
        org = organisations[organisation_id]
        cells = [Cell(None, sum((by_week[index[w]] for w in period.weeks), Decimal(0))) for period in periods]
        result.append(Row(org.code, str(org.name), org, cells))
    return sorted(result, key=lambda r: (-r.total.booked, r.label))


def utilisation(*, pool: Pool, by: str, start: datetime.date, weeks: int, every: str) -> Utilisation:
    """Booked days against available days (working days less leave), for the pool's specialists, grouped by
    specialist, home team or home organisation; or the days booked for each organisation served."""
    week_list = [start + ONE_WEEK * n for n in range(weeks)]
    periods = _periods(week_list, every)
    if by == "served":
        rows = _served(pool, week_list, periods)
        totals = [Cell(available=None) for _ in periods]
    else:
        rows, totals = _capacity_rows(pool, by, week_list, periods)
    for row in rows:
        for total, cell in zip(totals, row.cells, strict=True):
            total.add(cell)
    return Utilisation(by=by, periods=periods, rows=rows, totals=totals)


def _capacity_rows(pool, by, week_list, periods):
    last_friday = week_list[-1] + datetime.timedelta(days=4)
    specialists = list(
        pool.specialists.filter(joined_on__lte=last_friday)
        .exclude(left_on__lt=week_list[0])
        .only(
            "id",
            "pool",
            "full_name",
            "working_days",
            "joined_on",
            "left_on",
            "home_team",
            "home_organisation",
        )
    )
    leave = leave_spans(specialists, week_list[0], week_list[-1])
    held = _confirmed(pool, week_list[0], week_list[-1])
    group_of = _grouping(by, specialists)
    sums: dict[str, tuple[str, object, list[Decimal], list[Decimal]]] = {}
    for specialist in specialists:
        key, label, target = group_of(specialist)
        _label, _target, available, booked = sums.setdefault(
            key, (label, target, [Decimal(0)] * len(week_list), [Decimal(0)] * len(week_list))
        )
        person = capacity.Person(specialist.working_days, specialist.joined_on, specialist.left_on)
        weeks = capacity.weeks_for(
            person, leave.get(specialist.pk, []), held.get(specialist.pk, []), week_list
        )
        for n, week in enumerate(weeks):
            available[n] += week.working - week.leave
            booked[n] += week.booked
    index = {week: n for n, week in enumerate(week_list)}
    rows = []
    for key, (label, target, available, booked) in sums.items():
        cells = [
            Cell(sum(available[index[w]] for w in p.weeks), sum(booked[index[w]] for w in p.weeks))
            for p in periods
        ]
        rows.append(Row(key, label, target, cells))
    return sorted(rows, key=lambda r: r.label.lower()), [Cell() for _ in periods]
