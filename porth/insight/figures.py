"""The figures behind every dashboard, worked out only from records Porth already holds (nobody reports
twice).

`figures_compute(scope, period)` counts, for one scope (a team, a programme item, an organisation, a
well-being goal or all of Wales) and one period, what the dashboards show, split by project visibility so that
each reader can be shown what they may see (disclosure.py). The result is plain data, kept in the shared cache
and refreshed in the background after a write (kept.py).
Nothing here ranks organisations: a figure is about one scope, or about the four teams.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from porth.capability.insight import utilisation
from porth.directory.models import LeadershipTeam, Organisation, ProgrammeItem, WellbeingGoal
from porth.frontdoor.models import Decision, HelpRequest, RequestEvent
from porth.portfolio.models import Project, ProjectUpdate
from porth.skills.insight import attendance_by_language
from porth.standards.models import Action, Review

from .periods import Period

OPEN_REQUEST_STATUSES = [
    HelpRequest.Status.NEW,
    HelpRequest.Status.NEEDS_INFORMATION,
    HelpRequest.Status.ACCEPTED,
]
# Ages of open requests, in days: up to a week, a month, three months, and longer.
AGE_BANDS = [("0-7", 0, 7), ("8-30", 8, 30), ("31-90", 31, 90), ("91+", 91, None)]


@dataclass(frozen=True)
class Scope:
    """What a dashboard is about. `kind` is team, item, organisation, goal or wales."""

    kind: str
    team: LeadershipTeam | None = None
    item: ProgrammeItem | None = None
    organisation: Organisation | None = None
    goal: WellbeingGoal | None = None

    @classmethod
    def named(cls, kind: str, target: str) -> "Scope":
        """The scope of a kind and target (as in `key`), for a task that has only those."""
        if kind == "team":
            return cls(kind, team=LeadershipTeam.objects.get(slug=target))
        if kind == "item":
            return cls(kind, item=ProgrammeItem.objects.get(pk=int(target)))
        if kind == "organisation":
            return cls(kind, organisation=Organisation.objects.get(code=target))
        if kind == "goal":
            return cls(kind, goal=WellbeingGoal.objects.get(number=int(target)))
        if kind == "wales":
            return cls(kind)
        raise ValueError(f"No dashboard is about a {kind!r}.")

    @property
    def target(self) -> str:
        return {
            "team": lambda: self.team.slug,
            "item": lambda: str(self.item.pk),
            "organisation": lambda: self.organisation.code,
            "goal": lambda: str(self.goal.number),
            "wales": lambda: "all",
        }[self.kind]()

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.target}"

    def projects(self) -> QuerySet:
        projects = Project.objects.all()
        if self.kind == "team":
            return projects.for_team(self.team)
        if self.kind == "item":
            through = Project.programme_items.through.objects.filter(programmeitem=self.item)
            return projects.filter(pk__in=through.values("project_id"))
        if self.kind == "organisation":
            partner = Project.partner_organisations.through.objects.filter(organisation=self.organisation)
            return projects.filter(
                Q(owner_organisation=self.organisation) | Q(pk__in=partner.values("project_id"))
            )
        if self.kind == "goal":
            through = Project.wellbeing_goals.through.objects.filter(wellbeinggoal=self.goal)
            return projects.filter(pk__in=through.values("project_id"))
        return projects

    def requests(self) -> QuerySet | None:
        """The front-door requests the scope answers for, or None when requests do not belong to it."""
        if self.kind == "team":
            return HelpRequest.objects.filter(lead_team=self.team)
        if self.kind == "organisation":
            return HelpRequest.objects.filter(organisation=self.organisation)
        if self.kind == "wales":
            return HelpRequest.objects.all()
        return None


def _split(rows) -> dict:
    """Rows of (group, visibility, n) as {group: {visibility: n}}."""
    result: dict = defaultdict(dict)
    for group, visibility, n in rows:
        result[str(group)][visibility] = result[str(group)].get(visibility, 0) + n
    return dict(result)


def _by(queryset, field: str, visibility: str = "visibility") -> dict:
    return _split(queryset.order_by().values_list(field, visibility).annotate(n=Count("pk")))


def _month_key(value) -> str:
    local = timezone.localtime(value) if isinstance(value, datetime.datetime) else value
    return f"{local.year:04d}-{local.month:02d}"


def _by_month(queryset, field: str, visibility: str | None) -> dict:
    grouping = [TruncMonth(field)] + ([visibility] if visibility else [])
    rows = queryset.order_by().annotate(month=grouping[0]).values_list("month", *grouping[1:])
    rows = rows.annotate(n=Count("pk"))
    if visibility is None:
        counts: dict = defaultdict(int)
        for month, n in rows:
            counts[_month_key(month)] += n
        return dict(counts)
    return _split((_month_key(month), vis, n) for month, vis, n in rows)


def _portfolio(scope: Scope, period: Period) -> dict:
    first, after = period.bounds()
    existing = scope.projects().filter(created_at__lt=after)
    through = Project.programme_items.through.objects.filter(project__in=existing.values("pk"))
    if scope.kind == "team":
        through = through.filter(programmeitem__programme__team=scope.team)
    items = _split(
        through.order_by().values_list("programmeitem_id", "project__visibility").annotate(n=Count("pk"))
    )
    added = existing.filter(created_at__gte=first)
    updates = ProjectUpdate.objects.filter(
        project__in=scope.projects().values("pk"), created_at__gte=first, created_at__lt=after
    )
    return {
        "total": _total(existing),
        "phase": _by(existing, "phase"),
        "status": _by(existing.exclude(phase="retired"), "status"),
        "items": items,
        "lead_team": _by(existing, "lead_team_id"),
        "stale": _total(existing.stale()),
        "added": _by_month(added, "created_at", "visibility"),
        "updates": _by_month(updates, "created_at", "project__visibility"),
    }


def _total(queryset) -> dict:
    return dict(queryset.order_by().values_list("visibility").annotate(n=Count("pk")))


def _days(start, end) -> float:
    return round((end - start).total_seconds() / 86_400, 1)


def _front_door(scope: Scope, period: Period) -> dict | None:
    requests = scope.requests()
    if requests is None:
        return None
    first, after = period.bounds()
    sent = requests.filter(created_at__gte=first, created_at__lt=after)
    now = timezone.now()
    open_requests = requests.filter(status__in=OPEN_REQUEST_STATUSES)
    ages = {}
    for label, low, high in AGE_BANDS:
        band = open_requests.filter(created_at__lte=now - datetime.timedelta(days=low))
        if high is not None:
            band = band.filter(created_at__gt=now - datetime.timedelta(days=high + 1))
        ages[label] = band.count()
    answered = sent.annotate(
        first_response=Min("events__created_at", filter=Q(events__from_team__isnull=False))
    ).filter(first_response__isnull=False)
    response_days = [
        _days(created, responded)
        for created, responded in answered.values_list("created_at", "first_response")
    ]
    return {
        "sent": _by_month(sent, "created_at", None),
        "status": dict(sent.order_by().values_list("status").annotate(n=Count("pk"))),
        "ages": ages,
        "response_days": response_days,
        "unanswered": sent.count() - len(response_days),
        "redirects": _redirects(scope, sent, first, after),
    }


def _redirects(scope: Scope, sent, first, after) -> dict:
    if scope.kind == "team":
        events = RequestEvent.objects.filter(
            kind=RequestEvent.Kind.REDIRECTED, created_at__gte=first, created_at__lt=after
        )
        passed_on = events.filter(from_team=scope.team).count()
        received = Decision.objects.filter(
            rule_set__isnull=True, lead_team=scope.team, created_at__gte=first, created_at__lt=after
        ).count()
        return {"passed_on": passed_on, "received": received}
    redirected = RequestEvent.objects.filter(kind=RequestEvent.Kind.REDIRECTED, request__in=sent.values("pk"))
    return {"redirected": redirected.values("request_id").distinct().count()}


def _reviews(scope: Scope, period: Period) -> dict:
    first, after = period.bounds()
    projects = scope.projects().values("pk")
    reviews = Review.objects.filter(project__in=projects, created_at__gte=first, created_at__lt=after)
    actions = Action.objects.filter(answer__review__project__in=projects)
    return {
        "state": dict(reviews.order_by().values_list("state").annotate(n=Count("pk"))),
        "open_actions": actions.open().count(),
        "overdue_actions": actions.overdue().count(),
        "done_actions": actions.filter(done_at__gte=first, done_at__lt=after).count(),
    }


def _training_and_specialists(scope: Scope, period: Period) -> dict:
    """Training and the specialist pool belong to the teams (and so to Wales), not to an item, goal or
    organisation: None for those."""
    if scope.kind not in ("team", "wales"):
        return {"training": None, "specialists": None}
    arguments = {"team": scope.team, "start": period.start, "end": period.end}
    return {
        "training": attendance_by_language(**arguments),
        "specialists": utilisation(**arguments),
    }


def figures_compute(scope: Scope, period: Period) -> dict:
    return {
        "portfolio": _portfolio(scope, period),
        "front_door": _front_door(scope, period),
        "reviews": _reviews(scope, period),
        **_training_and_specialists(scope, period),
        "computed_at": timezone.now().isoformat(),
    }


def figures_key(scope: Scope, period: Period) -> str:
    return f"{scope.key}:{period.key}"
