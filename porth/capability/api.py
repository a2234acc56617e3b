"""The pool's read API: squad engagements, and a public view of who is in the pools.

Without signing in, the specialists are listed without names or contacts: their role, skills, Welsh level
and pool, which is enough to see what the pools can offer. People signed in from a Welsh public body also get
names and home teams or organisations, as on the pages. Bookings, leave and requests are not in the API."""

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import paginate

from porth.accounts.api_auth import OPTIONAL_AUTH
from porth.accounts.permissions import works_in_public_sector
from porth.core.mail import absolute_url
from porth.core.pagination import Pages
from porth.portfolio.permissions import projects_visible_to

from .models import DdatRole, Engagement, EngagementState, Pool, Skill, Specialist, WelshLevel
from .permissions import engagement_get_for_user, engagements_visible_to, specialist_get_for_user
from .services import this_week

router = Router(tags=["Specialists and squads"])


class EngagementFilters(Schema):
    pool: str = ""
    organisation: str = ""
    project: int | None = None
    state: str = ""


class EngagementOut(Schema):
    id: int
    url: str
    title_en: str
    title_cy: str
    pool: str
    team: str
    supplier: str
    organisations: list[str]
    projects: list[int]
    goals_en: str
    goals_cy: str
    phase: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    state: str
    outcomes_en: str
    outcomes_cy: str
    lessons_en: str
    lessons_cy: str
    squad: list[dict]


class SpecialistFilters(Schema):
    pool: str = ""
    role: str = ""
    skill: str = ""
    welsh: bool = False


class SpecialistOut(Schema):
    id: int
    pool: str
    role: str
    role_family: str
    skills: list[str]
    welsh_level: int
    working_days: float
    in_pool_from: datetime.date
    in_pool_until: datetime.date | None
    name: str | None = None
    home_team: str | None = None
    home_organisation: str | None = None
    url: str | None = None


class Rows:
    """A lazy list for the paginator: it counts in the database and turns only one page into rows."""

    def __init__(self, queryset, row):
        self.queryset, self.row = queryset, row

    def __len__(self):
        return self.queryset.count()

    def __getitem__(self, index):
        return [self.row(item) for item in self.queryset[index]]


def _invalid(name: str, message: str):
    return ValidationError([{"loc": ["query", name], "msg": message, "type": "invalid"}])


def _engagement_row(engagement: Engagement, user) -> dict:
    visible = projects_visible_to(user, engagement.projects.all())
    squad = [
        {"role": b.specialist.role.slug, "first_week": b.first_week, "last_week": b.last_week}
        for b in engagement.bookings.active().select_related("specialist__role")
    ]
    return {
        "id": engagement.pk,
        "url": absolute_url(engagement.get_absolute_url(), "en"),
        **{
            name: getattr(engagement, name)
            for name in (
                "title_en",
                "title_cy",
                "supplier",
                "goals_en",
                "goals_cy",
                "phase",
                "starts_on",
                "ends_on",
                "outcomes_en",
                "outcomes_cy",
                "lessons_en",
                "lessons_cy",
            )
        },
        "pool": engagement.pool.slug,
        "team": engagement.pool.team.slug,
        "organisations": [o.code for o in engagement.organisations.all()],
        "projects": sorted(visible.values_list("pk", flat=True)),
        "state": engagement.state,
        "squad": squad,
    }


def _engagements_filtered(queryset, filters: EngagementFilters):
    if filters.pool:
        if not Pool.objects.filter(slug=filters.pool).exists():
            raise _invalid(
                "pool", _("There is no pool with that name. Use one of: %(pools)s.") % _pool_names()
            )
        queryset = queryset.filter(pool__slug=filters.pool)
    if filters.organisation:
        queryset = queryset.filter(organisations__code=filters.organisation)
    if filters.project is not None:
        queryset = queryset.filter(projects=filters.project)
    today = timezone.localdate()
    states = {
        EngagementState.PLANNED: lambda q: q.filter(starts_on__gt=today),
        EngagementState.UNDER_WAY: lambda q: q.current(today),
        EngagementState.FINISHED: lambda q: q.filter(ends_on__lt=today),
    }
    if filters.state:
        if filters.state not in states:
            raise _invalid(
                "state", _("Use one of: %(expected)s.") % {"expected": ", ".join(EngagementState.values)}
            )
        queryset = states[filters.state](queryset)
    return queryset


def _pool_names() -> dict:
    return {"pools": ", ".join(Pool.objects.values_list("slug", flat=True))}


@router.get(
    "/engagements", response=list[EngagementOut], auth=OPTIONAL_AUTH, summary="List squad engagements"
)
@paginate(Pages, page_size=50)
def engagement_list(request, filters: Query[EngagementFilters]):
    """Squad engagements you may see (public ones without signing in), newest first, with the projects they
    work on that you may see. state is planned, under_way or finished."""
    engagements = (
        engagements_visible_to(request.user)
        .select_related("pool__team")
        .prefetch_related("organisations")
        .distinct()
    )
    return Rows(_engagements_filtered(engagements, filters), lambda e: _engagement_row(e, request.user))


@router.get(
    "/engagements/{engagement_id}", response=EngagementOut, auth=OPTIONAL_AUTH, summary="Read one engagement"
)
def engagement_detail(request, engagement_id: int):
    engagement, _access = engagement_get_for_user(request.user, engagement_id)
    return _engagement_row(engagement, request.user)


def _specialist_row(specialist: Specialist, named: bool) -> dict:
    row = {
        "id": specialist.pk,
        "pool": specialist.pool.slug,
        "role": specialist.role.slug,
        "role_family": specialist.role.family,
        "skills": sorted(s.slug for s in specialist.skills.all()),
        "welsh_level": specialist.welsh_level,
        "working_days": float(specialist.working_days),
        "in_pool_from": specialist.joined_on,
        "in_pool_until": specialist.left_on,
    }
    if named:
        row.update(
            name=specialist.full_name,
            home_team=specialist.home_team.slug if specialist.home_team else None,
            home_organisation=specialist.home_organisation.code if specialist.home_organisation else None,
            url=absolute_url(specialist.get_absolute_url(), "en"),
        )
    return row


def _specialists_filtered(queryset, filters: SpecialistFilters):
    lookups = {
        "pool": (Pool, "slug", "pool__slug"),
        "role": (DdatRole, "slug", "role__slug"),
        "skill": (Skill, "slug", "skills__slug"),
    }
    for name, (model, field, lookup) in lookups.items():
        value = getattr(filters, name)
        if not value:
            continue
        if not model.objects.filter(**{field: value}).exists():
            raise _invalid(name, _("Nothing is called %(value)s here.") % {"value": value})
        queryset = queryset.filter(**{lookup: value})
    if filters.welsh:
        queryset = queryset.filter(welsh_level__gte=WelshLevel.INTERMEDIATE)
    return queryset


@router.get(
    "/specialists", response=list[SpecialistOut], auth=OPTIONAL_AUTH, summary="List who is in the pools"
)
@paginate(Pages, page_size=50)
def specialist_list(request, filters: Query[SpecialistFilters]):
    """The specialists in the pools this week. Without signing in: no names, no contacts. welsh=true keeps
    those who can work in Welsh (level 3 or more)."""
    named = works_in_public_sector(request.user)
    specialists = (
        Specialist.objects.in_pool_on(this_week())
        .select_related("pool", "role", "home_team", "home_organisation")
        .prefetch_related("skills")
    )
    return Rows(_specialists_filtered(specialists, filters).distinct(), lambda s: _specialist_row(s, named))


@router.get(
    "/specialists/{specialist_id}", response=SpecialistOut, auth=OPTIONAL_AUTH, summary="Read one specialist"
)
def specialist_detail(request, specialist_id: int):
    """One specialist, in the same public view; names only for people signed in from a Welsh public body."""
    named = works_in_public_sector(request.user)
    if named:
        specialist, _access = specialist_get_for_user(request.user, specialist_id)
    else:
        specialist = Specialist.objects.select_related("pool", "role").filter(pk=specialist_id).first()
        if specialist is None:
            raise Http404
    return _specialist_row(specialist, named)
