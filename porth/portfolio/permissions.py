"""Who may see and change a project, decided in one place.

- Anyone sees public projects. People signed in from a Welsh public body (a member of an organisation or a
  leadership team) also see public-sector projects. Private projects are seen by their owners, the people of
  the owner and partner organisations, the leadership teams involved, and people with the permission to see
  every project (accounts.permissions.SEE_EVERY_PROJECT).
- The working details of a project (its contacts, budget band and why it has its status) are for people signed
  in from a Welsh public body, on the page, in the exports and in the API alike.
- Owners, administrators of the owner organisation and site staff with the permission change a project.
- Owners and the people of the owner and partner organisations report updates.
- A project's owners and the administrators of its owner organisation accept or decline requests to work
  together, so that a request is never stuck when the person who added the project leaves. Not site
  administrators: the answer is the organisation's to give, and the site-wide permission to change any
  project is for correcting details, not for speaking for an organisation.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.http import Http404

from porth.accounts.permissions import (
    Memberships,
    has_permission,
    memberships,
    sees_every_project,
    works_in_public_sector,
)
from porth.directory.models import ProgrammeItem

from .models import Project, Visibility

CHANGE_ANY_PROJECT = "portfolio.change_project"  # site administrators correcting any project's details


def projects_visible_to(user, queryset=None):
    """The projects a user may see, as a filter on any project queryset."""
    queryset = Project.objects.all() if queryset is None else queryset
    if sees_every_project(user):
        return queryset
    mine = memberships(user)
    # The private projects someone is involved in are few, so they are looked up once, here, and the list
    # goes into the query: a simple condition that the database can test row by row without a subquery.
    private_ids = private_project_ids(user, mine)
    allowed = ~Q(visibility=Visibility.PRIVATE) if mine.public_servant else Q(visibility=Visibility.PUBLIC)
    if private_ids:
        allowed |= Q(pk__in=private_ids)
    return queryset.filter(allowed)


def projects_involving(user, mine: Memberships):
    """The projects someone is involved in, whatever their visibility: they own it, or belong to its owner or
    a partner organisation, or to its lead or a supporting team."""
    if not user.is_authenticated or not user.is_active:
        return Project.objects.none()
    # Subqueries on the link tables, not joins: joining three many-to-many tables at once multiplies rows.
    links = {
        Project.owners.through: {"user": user},
        Project.partner_organisations.through: {"organisation__in": mine.organisations},
        Project.supporting_teams.through: {"leadershipteam__in": mine.teams},
    }
    involved = Q(owner_organisation__in=mine.organisations) | Q(lead_team__in=mine.teams)
    for model, lookup in links.items():
        involved |= Q(pk__in=model.objects.filter(**lookup).values("project_id"))
    return Project.objects.filter(involved)


def private_project_ids(user, mine: Memberships) -> list[int]:
    """The private projects this person is involved in (looked up once per request)."""
    if not user.is_authenticated or not user.is_active:
        return []
    cached = getattr(user, "_porth_private_projects", None)
    if cached is None:
        ids = (
            projects_involving(user, mine).filter(visibility=Visibility.PRIVATE).values_list("pk", flat=True)
        )
        cached = sorted(set(ids))
        user._porth_private_projects = cached
    return cached


def changes_any_project(user) -> bool:
    """Site administrators given the permission to change any project (and so to add one for any
    organisation)."""
    return has_permission(user, CHANGE_ANY_PROJECT)


def project_visibilities_seen(user, *, team=None, organisation=None) -> frozenset[str]:
    """The visibilities of which someone sees every project: among all projects, or among a leadership team's
    (given `team`: those it leads or supports) or an organisation's (given `organisation`: those it owns or
    partners in), whose own people see its private projects. Figures that must not count what the reader
    could not see one by one ask here (the list form of the rule above)."""
    mine = memberships(user)
    if (
        sees_every_project(user)
        or (team is not None and team.pk in mine.teams)
        or (organisation is not None and organisation.pk in mine.organisations)
    ):
        return frozenset(Visibility.values)
    if mine.public_servant:
        return frozenset({Visibility.PUBLIC, Visibility.PUBLIC_SECTOR})
    return frozenset({Visibility.PUBLIC})


@dataclass(frozen=True)
class ProjectAccess:
    view: bool
    change: bool
    report: bool
    decide: bool
    ask_to_join: bool
    is_owner: bool
    working_details: bool  # contacts, budget band and why it has its status


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
    involved = is_owner or in_owner_org or in_partner_org or in_team
    view = (
        project.visibility == Visibility.PUBLIC
        or (project.visibility == Visibility.PUBLIC_SECTOR and mine.public_servant)
        or involved
        or sees_every_project(user)
    )
    change = is_owner or project.owner_organisation_id in mine.admin_of or changes_any_project(user)
    return ProjectAccess(
        view=view,
        change=bool(change),
        report=is_owner or in_owner_org or in_partner_org,
        decide=is_owner or project.owner_organisation_id in mine.admin_of,
        ask_to_join=view and bool(mine.organisations) and not (is_owner or in_owner_org or in_partner_org),
        is_owner=is_owner,
        working_details=view and works_in_public_sector(user),
    )


def project_get_for_user(user, pk: int) -> tuple[Project, ProjectAccess]:
    """The project and what the user may do with it; a 404 for anyone who may not see it."""
    project = (
        Project.objects.select_related("owner_organisation", "lead_team", "help_request")
        .prefetch_related(
            "owners",
            "partner_organisations",
            "supporting_teams",
            Prefetch("programme_items", ProgrammeItem.objects.select_related("programme__team")),
        )
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404
    access = project_access(user, project)
    if not access.view:
        raise Http404
    return project, access
