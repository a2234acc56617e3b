"""Demo data for the specialist pools and the squads: specialists with leave and bookings, requests in every
state (in the queue, booked, unconfirmed and waiting, offered when capacity freed) and squad engagements,
past, present and planned.

The data is in data/demo.yaml, counted in weeks from the week it is loaded. Requests, bookings and engagements
go through the pool's own services, as people would make them, so capacity is checked and the history is
kept; bookings in the past are made for the weeks ahead and moved back after (the services refuse the past).
Everything is marked `is_demo` and removed by `load_demo --clear`.
"""

import datetime
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction

from porth.accounts.models import User
from porth.directory.models import LeadershipTeam, Organisation
from porth.portfolio.models import Project

from . import services
from .capacity import ONE_WEEK
from .models import Booking, DdatRole, Engagement, Leave, Pool, Skill, Specialist, SpecialistRequest

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo.yaml"


class _Loader:
    def __init__(self, data: dict):
        self.data = data
        self.start = services.this_week()
        self.pools = {p.slug: p for p in Pool.objects.all()}
        self.roles = {r.slug: r for r in DdatRole.objects.all()}
        self.skills = {s.slug: s for s in Skill.objects.all()}
        self.organisations = {o.code: o for o in Organisation.objects.all()}
        self.teams = {t.slug: t for t in LeadershipTeam.objects.all()}
        self.users = {u.email: u for u in User.objects.filter(is_demo=True)}
        self.specialists, self.requests, self.engagements = {}, {}, {}
        # Each pool's bookings are made by a demo member of the team that runs it.
        self.managers = {
            pool.slug: User.objects.filter(is_demo=True, team_memberships__team=pool.team)
            .order_by("pk")
            .first()
            for pool in self.pools.values()
        }

    def week(self, offset: int) -> datetime.date:
        return self.start + ONE_WEEK * offset

    def project_of(self, organisation: Organisation):
        return Project.objects.filter(owner_organisation=organisation, is_demo=True).order_by("pk").first()

    def specialist(self, row: dict) -> Specialist:
        # A specialist who is also a demo account sees their own bookings when signed in.
        user = self.users[row["account"]] if row.get("account") else None
        fields = {
            "pool": self.pools[row["pool"]],
            "full_name": row["name"],
            "user": user,
            "role": self.roles[row["role"]],
            "welsh_level": row["welsh"],
            "home_team": self.teams.get(row.get("home_team")),
            "home_organisation": self.organisations.get(row.get("home")),
            "working_days": Decimal(str(row["days"])),
            "joined_on": self.week(-30),
        }
        skills = [self.skills[s] for s in row.get("skills", [])]
        specialist = services.specialist_create(user=None, fields=fields, skills=skills)
        Specialist.objects.filter(pk=specialist.pk).update(is_demo=True)
        return specialist

    def request(self, row: dict) -> SpecialistRequest:
        organisation = self.organisations[row["for"]]
        first, last = row["weeks"]
        request = services.specialist_request_raise(
            user=self.users[row["by"]],
            pool=self.pools[row["pool"]],
            organisation=organisation,
            role=self.roles[row["role"]],
            skills=[self.skills[s] for s in row.get("skills", [])],
            days_per_week=Decimal(str(row["days"])),
            starts_on=self.week(first),
            ends_on=self.week(last) + datetime.timedelta(days=4),
            what_for=row["what_for_en"],
            welsh_needed=row.get("welsh", False),
            project=self.project_of(organisation) if row.get("project") else None,
        )
        SpecialistRequest.objects.filter(pk=request.pk).update(is_demo=True)
        return request

    def engagement(self, row: dict) -> Engagement:
        first, last = row["weeks"]
        organisations = [self.organisations[code] for code in row["organisations"]]
        fields = {
            name: row.get(name, "")
            for name in ("title_en", "title_cy", "goals_en", "goals_cy", "outcomes_en", "outcomes_cy")
        }
        fields.update(lessons_en=row.get("lessons_en", ""), lessons_cy=row.get("lessons_cy", ""))
        fields.update(
            pool=self.pools[row["pool"]],
            supplier=row.get("supplier", ""),
            phase=row["phase"],
            starts_on=self.week(first),
            ends_on=self.week(last) + datetime.timedelta(days=4) if last is not None else None,
            visibility="public",
        )
        project = self.project_of(organisations[0]) if row.get("projects") else None
        engagement = services.engagement_create(
            user=self.users[row["by"]],
            fields=fields,
            organisations=organisations,
            projects=[project] if project else [],
        )
        Engagement.objects.filter(pk=engagement.pk).update(is_demo=True)
        return engagement

    def booking(self, row: dict) -> Booking:
        first, last = row["weeks"]
        # The services book from this week on: a booking in the past is made in free weeks far ahead (40 weeks
        # on from its first week) and moved back.
        shift = first - 40 if first < 0 else 0
        if "request" in row:
            request = self.requests[row["request"]]
            target = services.BookingFor(organisation=request.organisation, request=request)
        else:
            engagement = self.engagements[row["engagement"]]
            target = services.BookingFor(organisation=self.organisations[row["for"]], engagement=engagement)
        specialist = self.specialists[row["who"]]
        booking = services.booking_make(
            specialist=specialist,
            user=self.managers[specialist.pool.slug],
            target=target,
            first_week=self.week(first - shift),
            last_week=self.week(last - shift),
            days_per_week=Decimal(str(row["days"])),
            wait_if_full=row.get("wait", False),
        )
        updates = {"is_demo": True}
        if shift:
            updates.update(first_week=self.week(first), last_week=self.week(last))
        Booking.objects.filter(pk=booking.pk).update(**updates)
        return booking

    def load(self) -> dict:
        for row in self.data["specialists"]:
            self.specialists[row["name"]] = self.specialist(row)
        for row in self.data["leave"]:
            services.leave_add(
                specialist=self.specialists[row["who"]],
                user=None,
                starts_on=self.week(row["from_week"]),
                ends_on=self.week(row["from_week"] + row["weeks"] - 1) + datetime.timedelta(days=4),
            )
        for row in self.data["requests"]:
            self.requests[row["key"]] = self.request(row)
        for row in self.data["engagements"]:
            self.engagements[row["key"]] = self.engagement(row)
        made = [(row, self.booking(row)) for row in self.data["bookings"]]
        for row, booking in made:
            if row.get("cancel"):
                booking.refresh_from_db()
                manager = self.managers[booking.specialist.pool.slug]
                services.booking_cancel(booking=booking, user=manager, reason=row["cancel"])
        return {"specialists": len(self.specialists), "requests": len(self.requests), "bookings": len(made)}


@transaction.atomic
def demo_capability_load() -> int:
    """Load the demo pools once; return how many specialists were added now (0 if they were already)."""
    if Specialist.objects.filter(is_demo=True).exists():
        return 0
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return _Loader(data).load()["specialists"]


def demo_capability_clear() -> int:
    """Remove every demo record of the pools and squads; return how many were removed."""
    count = 0
    demo_specialists = Specialist.objects.filter(is_demo=True)
    for queryset in (
        Booking.objects.filter(is_demo=True) | Booking.objects.filter(specialist__in=demo_specialists),
        Leave.objects.filter(specialist__in=demo_specialists),
        SpecialistRequest.objects.filter(is_demo=True),
        Engagement.objects.filter(is_demo=True),
        demo_specialists,
    ):
        deleted, _ = queryset.delete()
        count += deleted
    return count
