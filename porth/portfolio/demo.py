"""Demo and benchmark projects for the portfolio.

The demo portfolio is about 300 made-up projects across the Welsh public bodies in the directory. The same
kinds of work (booking a recycling centre slot, outpatient letters by text) appear at several councils and
health boards in slightly different words, because making duplicate work visible is the point of the
portfolio.
Some projects are written in one language only and some have gone stale, so that those pages can be tried.

The themes and texts are data (data/demo_projects.yaml), read when a load starts. Every demo project is
added, reported on and asked about through the portfolio's own services, as a person would, so it gets the
same rows (history included) as real work; its lead and supporting teams are what the routing rules in force
say for its owner and partners. The services stamp everything "now", so the past dates are written after.
Everything is drawn from one seeded random generator, so every load makes the same data (relative to today).

`projects_load_scale` makes any number of plainer synthetic projects from word lists, in bulk, for benchmarks.
"""

import datetime
import random
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import cycle
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from porth.accounts.models import OrganisationMembership, User
from porth.core.phases import Phase
from porth.directory.models import (
    LeadershipTeam,
    Organisation,
    OrganisationKind,
    ProgrammeItem,
    Service,
    WellbeingGoal,
)
from porth.routing.services import project_teams

from . import services
from .models import (
    BudgetBand,
    Collaboration,
    CollaborationRequest,
    Project,
    ProjectUpdate,
    Status,
    Tag,
    Visibility,
)

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo_projects.yaml"
SEED = 2026

# Groups of owners and partners a theme can name, besides single organisation codes.
GROUPS = {
    "council": {OrganisationKind.LOCAL_AUTHORITY},
    "health_board": {OrganisationKind.HEALTH_BOARD},
    "nhs": {
        OrganisationKind.HEALTH_BOARD,
        OrganisationKind.NHS_TRUST,
        OrganisationKind.SPECIAL_HEALTH_AUTHORITY,
    },
    "fire": {OrganisationKind.FIRE_RESCUE},
    "park": {OrganisationKind.NATIONAL_PARK},
    "wg": {OrganisationKind.WELSH_GOVERNMENT},
    "any": set(OrganisationKind) - {OrganisationKind.POLICE},
}

# Where most people use Welsh every day, more projects are written and reported in Welsh first.
WELSH_FIRST = {"W06000001", "W06000002", "W06000008", "W06000010", "W18000003", "W11000025"}

PHASE_WEIGHTS = {
    Phase.PRE_DISCOVERY: 8,
    Phase.DISCOVERY: 20,
    Phase.ALPHA: 17,
    Phase.BETA: 18,
    Phase.LIVE: 22,
    Phase.RETIRED: 7,
    Phase.NOT_USING_PHASES: 8,
}
STATUS_WEIGHTS = {Status.ON_TRACK: 65, Status.AT_RISK: 25, Status.OFF_TRACK: 10}
BUDGET_WEIGHTS = {
    BudgetBand.UNKNOWN: 25,
    BudgetBand.UNDER_50K: 25,
    BudgetBand.UP_TO_250K: 25,
    BudgetBand.UP_TO_1M: 15,
    BudgetBand.OVER_1M: 10,
}
COLLABORATION_WEIGHTS = {Collaboration.SHARING: 50, Collaboration.OPEN: 35, Collaboration.FUNDING: 15}
VISIBILITY_WEIGHTS = {Visibility.PUBLIC: 80, Visibility.PUBLIC_SECTOR: 14, Visibility.PRIVATE: 6}

Pair = tuple[str, str]  # (English, Welsh)


@dataclass(frozen=True)
class Theme:
    """A kind of work that several bodies take on: the seed of a cluster of similar projects."""

    key: str
    owners: tuple[str, ...]
    count: int
    titles: tuple[Pair, ...]
    summary_en: str
    summary_cy: str
    tags: tuple[str, ...]
    goals: tuple[int, ...]
    services: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()


def _pairs(items: list[dict]) -> list[Pair]:
    return [(item["en"], item["cy"]) for item in items]


def _theme(data: dict) -> Theme:
    return Theme(
        key=data["key"],
        owners=tuple(data["owners"]),
        count=data["count"],
        titles=tuple(_pairs(data["titles"])),
        summary_en=data["summary_en"],
        summary_cy=data["summary_cy"],
        tags=tuple(data["tags"]),
        goals=tuple(data["goals"]),
        services=tuple(data.get("services", ())),
        partners=tuple(data.get("partners", ())),
    )


@dataclass(frozen=True)
class Content:
    """The themes and texts the demo and benchmark projects are drawn from, as data/demo_projects.yaml has
    them. Status reasons are keyed by (status, language); request replies by the request's answer."""

    themes: list[Theme]
    extra_sentences: list[Pair]
    what_happened: dict[str, list[str]]
    whats_next: dict[str, list[str]]
    status_reasons: dict[tuple[str, str], list[str]]
    contact_first_names: list[str]
    contact_surnames: list[str]
    contact_roles: list[Pair]
    link_titles: list[Pair]
    request_messages: dict[str, list[str]]
    request_replies: dict[str, str]
    scale_things: list[Pair]
    scale_objects: list[Pair]
    scale_tags: list[str]

    @classmethod
    def read(cls, path: Path = DATA_FILE) -> "Content":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        reasons = data["status_reasons"]
        return cls(
            themes=[_theme(theme) for theme in data["themes"]],
            extra_sentences=_pairs(data["extra_sentences"]),
            what_happened=data["what_happened"],
            whats_next=data["whats_next"],
            status_reasons={
                (status, language): texts
                for status, by_language in reasons.items()
                for language, texts in by_language.items()
            },
            contact_first_names=data["contact_first_names"],
            contact_surnames=data["contact_surnames"],
            contact_roles=_pairs(data["contact_roles"]),
            link_titles=_pairs(data["link_titles"]),
            request_messages=data["request_messages"],
            request_replies=data["request_replies"],
            scale_things=_pairs(data["scale_things"]),
            scale_objects=_pairs(data["scale_objects"]),
            scale_tags=data["scale_tags"],
        )


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _days(rng: random.Random, low: int, high: int) -> datetime.timedelta:
    """A random span between `low` and `high` days, to the second, so that times do not all line up."""
    return datetime.timedelta(days=rng.randint(low, high), seconds=rng.randint(0, 86_399))


def _organisations() -> list[Organisation]:
    return list(Organisation.objects.exclude(kind=OrganisationKind.POLICE).order_by("code"))


def _programme_items() -> dict[int, list[int]]:
    """Each leadership team's programme items, by team id."""
    items: dict[int, list[int]] = {}
    for item in ProgrammeItem.objects.select_related("programme").order_by("programme", "number"):
        items.setdefault(item.programme.team_id, []).append(item.pk)
    return items


@dataclass
class Directory:
    """What the demo projects are made from, read once from the database."""

    organisations: list[Organisation]
    teams: dict[str, LeadershipTeam]
    items: dict[int, list[int]]
    goals: dict[int, int]
    services: dict[str, list[int]]
    users: list[User]
    users_by_organisation: dict[int, list[User]]
    user_organisation: dict[int, Organisation]

    @classmethod
    def read(cls, themes: list[Theme]) -> "Directory":
        users = list(User.objects.filter(is_demo=True).order_by("email"))
        users_by_organisation: dict[int, list[User]] = {}
        user_organisation: dict[int, Organisation] = {}
        memberships = OrganisationMembership.objects.filter(user__is_demo=True).select_related(
            "user", "organisation"
        )
        for membership in memberships.order_by("user__email"):
            users_by_organisation.setdefault(membership.organisation_id, []).append(membership.user)
            user_organisation.setdefault(membership.user_id, membership.organisation)
        return cls(
            organisations=_organisations(),
            teams={team.slug: team for team in LeadershipTeam.objects.all()},
            items=_programme_items(),
            goals=dict(WellbeingGoal.objects.values_list("number", "pk")),
            services=_services_by_theme(themes),
            users=users,
            users_by_organisation=users_by_organisation,
            user_organisation=user_organisation,
        )

    def pool(self, names: Iterable[str], *, without: Organisation | None = None) -> list[Organisation]:
        names = set(names)
        kinds = set().union(*(GROUPS.get(name, set()) for name in names))
        return [o for o in self.organisations if (o.kind in kinds or o.code in names) and o != without]


def _services_by_theme(themes: list[Theme]) -> dict[str, list[int]]:
    """Council services (LGSL) whose labels match each theme's keywords; empty when none are loaded."""
    services = list(Service.objects.order_by("lgsl_code").values_list("pk", "label"))
    found = {}
    for theme in themes:
        keywords = [k.lower() for k in theme.services]
        found[theme.key] = [pk for pk, label in services if any(k in label.lower() for k in keywords)]
    return found


@dataclass(frozen=True)
class Report:
    """One update to report on a planned project, and when it was reported."""

    status: str
    status_reason: str
    what_happened: str
    whats_next: str
    language: str
    reported_at: datetime.datetime


@dataclass
class Planned:
    """One demo project before it is added: what the services are given, and its reports to come."""

    fields: dict
    language: str
    owners: list[User]
    related: dict = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    project: Project | None = None


class Planner:
    """Draws the demo projects, one theme and owner at a time, from one seeded random generator."""

    def __init__(self, content: Content, directory: Directory, now: datetime.datetime):
        self.rng = random.Random(SEED)
        self.content = content
        self.directory = directory
        self.now = now
        self.user_cycle = cycle(directory.users)

    def plan(self) -> list[Planned]:
        planned = []
        for theme in self.content.themes:
            pool = self.directory.pool(theme.owners)
            for organisation in self.rng.sample(pool, min(theme.count, len(pool))):
                planned.append(self.project(theme, organisation))
        return planned

    def project(self, theme: Theme, organisation: Organisation) -> Planned:
        rng = self.rng
        language, texts = self.texts(theme, organisation)
        phase = _pick(rng, PHASE_WEIGHTS)
        created_at, report_times = self.timeline(phase)
        fields = {
            **texts,
            "owner_organisation": organisation,
            "phase": phase,
            "budget_band": _pick(rng, BUDGET_WEIGHTS),
            "collaboration": _pick(rng, COLLABORATION_WEIGHTS),
            "visibility": _pick(rng, VISIBILITY_WEIGHTS),
            "contacts": self.contacts(language),
            "links": self.links(theme, organisation, language),
            "is_demo": True,
            "created_at": created_at,
            "last_update_at": report_times[-1] if report_times else created_at,
        }
        fields.update(self.dates(fields))
        planned = Planned(fields=fields, language=language, owners=self.owners(organisation))
        self.relations(planned, theme)
        self.reports(planned, report_times)
        return planned

    def texts(self, theme: Theme, organisation: Organisation) -> tuple[str, dict[str, str]]:
        """The title and summary in both languages, or, for about one project in seven, in one only."""
        rng = self.rng
        title_en, title_cy = rng.choice(theme.titles)
        summary_en, summary_cy = theme.summary_en, theme.summary_cy
        if rng.random() < 0.5:
            extra_en, extra_cy = rng.choice(self.content.extra_sentences)
            summary_en, summary_cy = f"{summary_en} {extra_en}", f"{summary_cy} {extra_cy}"
        texts = {
            "title_en": title_en,
            "title_cy": title_cy,
            "summary_en": summary_en,
            "summary_cy": summary_cy,
        }
        draw = rng.random()
        if draw < 0.09:
            texts.update(title_cy="", summary_cy="")
            return "en", texts
        if draw < 0.15:
            texts.update(title_en="", summary_en="")
            return "cy", texts
        welsh_first = 0.6 if organisation.code in WELSH_FIRST else 0.15
        return ("cy" if rng.random() < welsh_first else "en"), texts

    def timeline(self, phase: str) -> tuple[datetime.datetime, list[datetime.datetime]]:
        """When the project was added and when its updates came, oldest first. About one project in seven
        that is not retired has had no update for more than 90 days."""
        rng = self.rng
        if phase != Phase.RETIRED and rng.random() < 0.15:
            latest = self.now - _days(rng, 91, 400)
        elif phase == Phase.RETIRED:
            latest = self.now - _days(rng, 20, 360)
        else:
            latest = self.now - _days(rng, 0, 85)
        count = rng.choices([0, 1, 2, 3, 4], weights=[15, 25, 25, 20, 15])[0]
        if not count:
            return latest, []
        times = [latest]
        for _ in range(count - 1):
            times.append(times[-1] - _days(rng, 14, 75))
        return times[-1] - _days(rng, 3, 60), times[::-1]

    def dates(self, fields: dict) -> dict[str, datetime.date]:
        """The start and expected end dates, when the project has them."""
        rng = self.rng
        if fields["phase"] == Phase.PRE_DISCOVERY and rng.random() < 0.5:
            return {}
        started_on = (fields["created_at"] - _days(rng, 0, 120)).date()
        if rng.random() < 0.2:
            return {"started_on": started_on}
        if fields["phase"] == Phase.RETIRED:
            # A retired project ended a little before its last update, and never before it started.
            ends_on = max(
                started_on, fields["last_update_at"].date() - datetime.timedelta(days=rng.randint(0, 30))
            )
        else:
            ends_on = started_on + datetime.timedelta(days=rng.randint(120, 900))
        return {"started_on": started_on, "expected_end_on": ends_on}

    def owners(self, organisation: Organisation) -> list[User]:
        own = self.directory.users_by_organisation.get(organisation.pk)
        if own:
            return [self.rng.choice(own)]
        return [next(self.user_cycle)]

    def contacts(self, language: str) -> list[dict[str, str]]:
        rng, content, contacts = self.rng, self.content, []
        for _ in range(rng.randint(1, 2)):
            first, last = rng.choice(content.contact_first_names), rng.choice(content.contact_surnames)
            role_en, role_cy = rng.choice(content.contact_roles)
            contacts.append(
                {
                    "name": f"{first} {last}",
                    "role": role_cy if language == "cy" else role_en,
                    "email": f"{slugify(first)}.{slugify(last)}@example.gov.wales",
                }
            )
        return contacts

    def links(self, theme: Theme, organisation: Organisation, language: str) -> list[dict[str, str]]:
        chosen = self.rng.sample(self.content.link_titles, self.rng.choice([0, 1, 1, 2]))
        base = f"https://example.gov.wales/{slugify(organisation.name_en)}/{theme.key}"
        return [
            {"title": cy if language == "cy" else en, "url": f"{base}/{slugify(en)}"} for en, cy in chosen
        ]

    def relations(self, planned: Planned, theme: Theme) -> None:
        """Partners, then the teams the routing rules give the owner and partners, then the rest."""
        rng, directory = self.rng, self.directory
        owner = planned.fields["owner_organisation"]
        candidates = directory.pool(theme.partners or theme.owners, without=owner)
        partners = rng.sample(candidates, min(len(candidates), rng.choices([0, 1, 2, 3], [45, 30, 17, 8])[0]))
        lead_slug, support_slugs = project_teams(owner=owner, partners=partners)
        lead = directory.teams[lead_slug]
        planned.fields["lead_team"] = lead
        lead_items = directory.items.get(lead.pk, [])
        numbers = list(theme.goals[:3])
        items = rng.sample(lead_items, min(len(lead_items), rng.randint(1, 2)))
        if len(numbers) < 3 and rng.random() < 0.4:
            numbers.append(rng.randint(1, 7))
        planned.related = {
            "partner_organisations": partners,
            "supporting_teams": [directory.teams[slug] for slug in support_slugs],
            "programme_items": items,
            "wellbeing_goals": sorted({directory.goals[n] for n in numbers if n in directory.goals}),
        }
        planned.tags = rng.sample(theme.tags, rng.randint(1, min(3, len(theme.tags))))
        if owner.kind == OrganisationKind.LOCAL_AUTHORITY:
            planned.related["services"] = self.services(directory.services.get(theme.key, []))

    def services(self, matches: list[int]) -> list[int]:
        # The draws do not depend on how many services matched, so the rest of the data stays the same
        # whether or not the service list is loaded.
        draws = [self.rng.random() for _ in range(self.rng.randint(0, 2))]
        return sorted({matches[int(d * len(matches))] for d in draws}) if matches else []

    def reports(self, planned: Planned, times: list[datetime.datetime]) -> None:
        """The project's updates, in its main language; its status is the one its latest update gave."""
        rng, language, content = self.rng, planned.language, self.content
        for reported_at in times:
            status = _pick(rng, STATUS_WEIGHTS)
            planned.reports.append(
                Report(
                    status=status,
                    status_reason=rng.choice(content.status_reasons[(status, language)]),
                    what_happened=rng.choice(content.what_happened[language]),
                    whats_next="" if rng.random() < 0.15 else rng.choice(content.whats_next[language]),
                    language=language,
                    reported_at=reported_at,
                )
            )
        if planned.reports:
            status, reason = planned.reports[-1].status, planned.reports[-1].status_reason
        else:
            status = _pick(rng, STATUS_WEIGHTS)
            reason = rng.choice(content.status_reasons[(status, language)])
        planned.fields.update(status=status, status_reason=reason)


def _project_add(planned: Planned) -> list[ProjectUpdate]:
    """Add the project and report its updates as its first owner; return the updates, to be dated."""
    author = planned.owners[0]
    planned.project = services.project_create(
        user=author,
        fields=planned.fields,
        related=planned.related,
        tags_text=", ".join(planned.tags),
        owners=planned.owners,
    )
    updates = []
    for report in planned.reports:
        update = services.project_report(
            project=planned.project,
            user=author,
            status=report.status,
            status_reason=report.status_reason,
            what_happened=report.what_happened,
            whats_next=report.whats_next,
            language=report.language,
        )
        update.created_at = report.reported_at
        updates.append(update)
    planned.project.last_update_at = planned.fields["last_update_at"]
    return updates


def _requests_add(
    rng: random.Random,
    content: Content,
    planned: list[Planned],
    directory: Directory,
    now: datetime.datetime,
) -> list[CollaborationRequest]:
    """A few requests to work together, asked and answered through the services: some waiting, some accepted
    (an accepted partner joins the project), some declined. Returns them, to be dated."""
    open_projects = [
        p
        for p in planned
        if p.fields["collaboration"] != Collaboration.SHARING and p.fields["visibility"] == Visibility.PUBLIC
    ]
    states = [CollaborationRequest.State.PENDING] * 5 + [CollaborationRequest.State.ACCEPTED] * 4
    states += [CollaborationRequest.State.DECLINED] * 3
    chosen = rng.sample(open_projects, min(len(states), len(open_projects)))
    asks = []
    for state, p in zip(states, chosen, strict=False):
        requester = _requester(rng, p, directory)
        if requester is None:
            continue
        language = "cy" if rng.random() < 0.25 else "en"
        ask = services.collaboration_ask(
            project=p.project,
            user=requester,
            organisation=directory.user_organisation[requester.pk],
            kind=rng.choice(CollaborationRequest.Kind.values),
            message=rng.choice(content.request_messages[language]),
        )
        pending = state == CollaborationRequest.State.PENDING
        ask.created_at = max(
            now - (_days(rng, 0, 14) if pending else _days(rng, 2, 44)), p.project.created_at
        )
        if not pending:
            accept = state == CollaborationRequest.State.ACCEPTED
            reply = content.request_replies[state]
            ask = services.collaboration_decide(ask=ask, user=p.owners[0], accept=accept, reply=reply)
            ask.decided_at = ask.created_at + (now - ask.created_at) * rng.random()
        asks.append(ask)
    return asks


def _requester(rng: random.Random, planned: Planned, directory: Directory) -> User | None:
    """A demo person from another organisation than the project's, who does not own it."""
    owner = planned.fields["owner_organisation"]
    candidates = [
        u
        for u in directory.users
        if u.pk in directory.user_organisation
        and directory.user_organisation[u.pk] != owner
        and u not in planned.owners
    ]
    return rng.choice(candidates) if candidates else None


@transaction.atomic
def demo_projects_load() -> int:
    """Make the demo portfolio once; return how many projects were made now (0 if any demo project exists).

    The demo people (accounts.demo) must be there first: they own the projects, report on them and ask to
    work together."""
    if Project.objects.filter(is_demo=True).exists():
        return 0
    content = Content.read()
    directory = Directory.read(content.themes)
    if not directory.users:
        raise ValueError("Load the demo people before the demo projects: they own and report on them.")
    # The day's start, not this moment: two loads on the same day make the same dates, however many seconds
    # apart they run (a time drawn near midnight would otherwise fall on either side of it).
    day_start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    planner = Planner(content, directory, day_start)
    planned = planner.plan()
    updates = [update for p in planned for update in _project_add(p)]
    asks = _requests_add(planner.rng, content, planned, directory, planner.now)
    # The services stamp everything "now"; the demo's past is written after, in bulk.
    ProjectUpdate.objects.bulk_update(updates, ["created_at"], batch_size=500)
    Project.objects.bulk_update([p.project for p in planned], ["last_update_at"], batch_size=500)
    CollaborationRequest.objects.bulk_update(asks, ["created_at", "decided_at"])
    return len(planned)


@transaction.atomic
def demo_projects_clear() -> int:
    """Delete the demo projects (and so their updates, requests and follows) and their history.

    Deleting writes a history row per project before the history goes too (about 6 ms a project on SQLite), so
    benchmark data from `projects_load_scale` is better loaded into a throwaway database."""
    projects = Project.objects.filter(is_demo=True)
    count = projects.count()
    projects.delete()
    _demo_history_clear()
    return count


def _demo_history_clear() -> None:
    """Demo projects are made up, so their history (the rows the services wrote, and the deletion just
    recorded) goes with them, with the history of their partners, owners, teams and the rest."""
    historical = Project.history.model
    history_ids = historical.objects.filter(is_demo=True).values("history_id")
    for relation in historical._meta.related_objects:
        relation.related_model.objects.filter(**{f"{relation.field.name}__in": history_ids}).delete()
    historical.objects.filter(is_demo=True).delete()


# ---------------------------------------------------------------------------------------------- benchmarks


def _tags_ensure(names: Iterable[str]) -> dict[str, int]:
    wanted = {slugify(name, allow_unicode=True): name for name in names}
    Tag.objects.bulk_create([Tag(slug=s, name=n) for s, n in wanted.items()], ignore_conflicts=True)
    return dict(Tag.objects.filter(slug__in=wanted).values_list("slug", "pk"))


@dataclass
class ScaleDirectory:
    """What the benchmark projects are made from; organisations are (id, lead team id, name, Welsh name)."""

    content: Content
    organisations: list[tuple[int, int | None, str, str]]
    items: dict[int | None, list[int]]
    # The demo people of each organisation: a project's owner is one of its own organisation's people.
    people: dict[int, list[int]]
    tags: list[int]

    @classmethod
    def read(cls) -> "ScaleDirectory":
        """Each organisation's lead team is the one the routing rules give its own work with no partners."""
        content = Content.read()
        teams = dict(LeadershipTeam.objects.values_list("slug", "pk"))
        organisations = []
        for o in _organisations():
            lead_slug, _ = project_teams(owner=o, partners=[])
            organisations.append((o.pk, teams.get(lead_slug), o.name_en, o.name_cy or o.name_en))
        return cls(
            content=content,
            organisations=organisations,
            items=_programme_items(),
            people=_people_by_organisation(),
            tags=list(_tags_ensure(content.scale_tags).values()),
        )


def _people_by_organisation() -> dict[int, list[int]]:
    people: dict[int, list[int]] = {}
    memberships = OrganisationMembership.objects.filter(user__is_demo=True).order_by("user__email")
    for organisation, user in memberships.values_list("organisation_id", "user_id"):
        people.setdefault(organisation, []).append(user)
    return people


def _scale_project(
    rng: random.Random,
    content: Content,
    organisation: tuple[int, int | None, str, str],
    now: datetime.datetime,
) -> Project:
    _, lead_team_id, name_en, name_cy = organisation
    (thing_en, thing_cy), (object_en, object_cy) = (
        rng.choice(content.scale_things),
        rng.choice(content.scale_objects),
    )
    extra_en, extra_cy = rng.choice(content.extra_sentences)
    texts = {
        "title_en": f"{thing_en} for {object_en}",
        "title_cy": f"{thing_cy} ar gyfer {object_cy}",
        "summary_en": f"{name_en} is improving {object_en}. {extra_en}",
        "summary_cy": f"Mae {name_cy} yn gwella {object_cy}. {extra_cy}",
    }
    draw = rng.random()
    if draw < 0.08:
        texts.update(title_cy="", summary_cy="")
    elif draw < 0.12:
        texts.update(title_en="", summary_en="")
    last_update_at = now - datetime.timedelta(seconds=rng.randint(0, 730 * 86_400))
    return Project(
        **texts,
        owner_organisation_id=organisation[0],
        lead_team_id=lead_team_id,
        phase=_pick(rng, PHASE_WEIGHTS),
        status=_pick(rng, STATUS_WEIGHTS),
        budget_band=_pick(rng, BUDGET_WEIGHTS),
        collaboration=_pick(rng, COLLABORATION_WEIGHTS),
        visibility=_pick(rng, VISIBILITY_WEIGHTS),
        is_demo=True,
        created_at=last_update_at - datetime.timedelta(seconds=rng.randint(0, 365 * 86_400)),
        last_update_at=last_update_at,
    )


def _scale_batch(rng: random.Random, directory: ScaleDirectory, size: int, now: datetime.datetime) -> None:
    owners = [rng.choice(directory.organisations) for _ in range(size)]
    projects = Project.objects.bulk_create(
        [_scale_project(rng, directory.content, o, now) for o in owners], batch_size=size
    )
    people, partners, tags, items = [], [], [], []
    for project, owner in zip(projects, owners, strict=True):
        if own := directory.people.get(owner[0]):
            people.append((project.pk, rng.choice(own)))
        if rng.random() < 0.2:
            partner = rng.choice(directory.organisations)[0]
            if partner != owner[0]:
                partners.append((project.pk, partner))
        if rng.random() < 0.2 and directory.tags:
            tags.append((project.pk, rng.choice(directory.tags)))
        if rng.random() < 0.3 and directory.items.get(owner[1]):
            items.append((project.pk, rng.choice(directory.items[owner[1]])))
    for through, column, rows in [
        (Project.owners.through, "user_id", people),
        (Project.partner_organisations.through, "organisation_id", partners),
        (Project.tags.through, "tag_id", tags),
        (Project.programme_items.through, "programmeitem_id", items),
    ]:
        through.objects.bulk_create([through(project_id=p, **{column: t}) for p, t in rows], batch_size=size)


def projects_load_scale(count: int, *, batch_size: int = 5000) -> float:
    """Add `count` synthetic demo projects for benchmarks, in bulk (skipping the services, so fast enough for
    100,000), in batches of one transaction each.

    Last updates spread over two years, so most of these projects are stale. No updates and no history are
    written. Returns the seconds taken."""
    started = time.perf_counter()
    rng = random.Random(SEED)
    directory = ScaleDirectory.read()
    now = timezone.now()
    made = 0
    while made < count:
        size = min(batch_size, count - made)
        with transaction.atomic():
            _scale_batch(rng, directory, size, now)
        made += size
    return time.perf_counter() - started
