"""Who may see and change a project, decided in one place.

- Anyone sees public projects. People signed in from a Welsh public body (a member of an organisation or a
  leadership team) also see public-sector projects. Private projects are seen by their owners, the people of
  the owner and partner organisations, the leadership teams involved, and site staff.
- Owners, administrators of the owner organisation and site staff with the permission change a project.
- Owners and the people of the owner and partner organisations report updates.
- Only a project's owners accept or decline requests to work together: not site administrators.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from porth.accounts.models import OrganisationMembership, Role, TeamMembership

from .models import Project, Visibility


@dataclass(frozen=True)
class Memberships:
    organisations: frozenset[int]
    admin_of: frozenset[int]
    teams: frozenset[int]

    @property
    def public_servant(self) -> bool:
        return bool(self.organisations or self.teams)


NOBODY = Memberships(frozenset(), frozenset(), frozenset())


def memberships(user) -> Memberships:
    if not user.is_authenticated or not user.is_active:
        return NOBODY
    cached = getattr(user, "_porth_memberships", None)
    if cached is None:
        rows = list(OrganisationMembership.objects.filter(user=user).values_list("organisation_id", "role"))
        cached = Memberships(
            organisations=frozenset(org for org, _ in rows),
            admin_of=frozenset(org for org, role in rows if role == Role.ADMINISTRATOR),
            teams=frozenset(TeamMembership.objects.filter(user=user).values_list("team_id", flat=True)),
        )
        user._porth_memberships = cached
    return cached


def projects_visible_to(user, queryset=None):
    """The projects a user may see, as a filter on any project queryset."""
    queryset = Project.objects.all() if queryset is None else queryset
    if user.is_authenticated and user.is_active and user.is_staff:
        return queryset
    mine = memberships(user)
    # The private projects someone is involved in are few, so they are looked up once, here, and the list
    # goes into the query: a simple condition that the database can test row by row without a subquery.
    private_ids = private_project_ids(user, mine)
    allowed = ~Q(visibility=Visibility.PRIVATE) if mine.public_servant else Q(visibility=Visibility.PUBLIC)
    if private_ids:
        allowed |= Q(pk__in=private_ids)
    return queryset.filter(allowed)


def private_project_ids(user, mine: Memberships) -> list[int]:
    """The private projects this person is involved in (looked up once per request)."""
    if not user.is_authenticated or not user.is_active:
        return []
    cached = getattr(user, "_porth_private_projects", None)
    if cached is None:
        # Subqueries on the link tables, not joins: joining three many-to-many tables at once multiplies rows.
        links = {
            Project.owners.through: {"user": user},
            Project.partner_organisations.through: {"organisation__in": mine.organisations},
            Project.supporting_teams.through: {"leadershipteam__in": mine.teams},
        }
        involved = Q(owner_organisation__in=mine.organisations) | Q(lead_team__in=mine.teams)
        for model, lookup in links.items():
            involved |= Q(pk__in=model.objects.filter(**lookup).values("project_id"))
        ids = (
            Project.objects.filter(visibility=Visibility.PRIVATE)
            .filter(involved)
            .values_list("pk", flat=True)
        )
        cached = sorted(set(ids))
        user._porth_private_projects = cached
    return cached


@dataclass(frozen=True)
class ProjectAccess:
    view: bool
    change: bool
    report: bool
    decide: bool
    ask_to_join: bool
    is_owner: bool


def _involvement(user, project: Project, mine: Memberships) -> tuple[bool, bool, bool, bool]:
    owner_ids = {u.pk for u in project.owners.all()}
    partner_ids = {o.pk for o in project.partner_organisations.all()}
    team_ids = {t.pk for t in project.supporting_teams.all()} | {project.lead_team_id}
    is_owner = user.is_authenticated and user.pk in owner_ids
    in_owner_org = project.owner_organisation_id in mine.organisations
    in_partner_org = bool(partner_ids & mine.organisations)
    in_team = bool(team_ids & mine.teams)
    return is_owner, in_owner_org, in_partner_org, in_team


def project_access(user, project: Project) -> ProjectAccess:
    mine = memberships(user)
    is_owner, in_owner_org, in_partner_org, in_team = _involvement(user, project, mine)
    staff = user.is_authenticated and user.is_active and user.is_staff
    involved = is_owner or in_owner_org or in_partner_org or in_team
    view = (
        project.visibility == Visibility.PUBLIC
        or (project.visibility == Visibility.PUBLIC_SECTOR and mine.public_servant)
        or involved
        or staff
    )
    change = (
        is_owner
        or project.owner_organisation_id in mine.admin_of
        or (staff and user.has_perm("portfolio.change_project"))
    )
    return ProjectAccess(
        view=view,
        change=bool(change),
        report=is_owner or in_owner_org or in_partner_org,
        decide=is_owner,
        ask_to_join=view and bool(mine.organisations) and not (is_owner or in_owner_org or in_partner_org),
        is_owner=is_owner,
    )


def project_get_for_user(user, pk: int) -> tuple[Project, ProjectAccess]:
    """The project and what the user may do with it; a 404 for anyone who may not see it."""
    project = (
        Project.objects.select_related("owner_organisation", "lead_team", "help_request")
        .prefetch_related("owners", "partner_organisations", "supporting_teams")
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404
    access = project_access(user, project)
    if not access.view:
        raise Http404
    return project, access
