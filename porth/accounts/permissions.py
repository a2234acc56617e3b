"""Who someone is in Porth (their organisations and leadership teams), and what that lets them do, decided in
one place.

Every app asks `memberships(user)` for a person's organisations and teams (read once per request and kept on
the user object), and the helpers below for the site-wide permissions. Views and templates never test roles or
`is_staff` themselves. Directory records are public, so everyone may see them; changing them is for site
administrators (in the admin), and each organisation's or team's own administrators manage its members.
"""

from dataclasses import dataclass

from django.db.models import Q

from porth.directory.models import LeadershipTeam, Organisation

from .models import OrganisationMembership, Role, TeamMembership, User

# Site-wide permissions, granted to people (or groups) in the admin; a superuser has them all.
SEE_EVERY_PROJECT = "accounts.see_every_project"  # private projects too, wherever projects are listed
WORK_FOR_ANY_TEAM = "accounts.work_for_any_team"  # every team's queue, actions and duplicates pages


@dataclass(frozen=True)
class Memberships:
    organisations: frozenset[int]
    admin_of: frozenset[int]
    teams: frozenset[int]

    @property
    def public_servant(self) -> bool:
        """Signed in from a Welsh public body: a member of an organisation or of a leadership team."""
        return bool(self.organisations or self.teams)


NOBODY = Memberships(frozenset(), frozenset(), frozenset())


def memberships(user) -> Memberships:
    """The organisations (and those it administers) and the teams a person belongs to: two queries, once."""
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


def has_permission(user, permission: str) -> bool:
    """A permission granted in the admin (to the person or a group), for an active person signed in; the
    apps' permission helpers ask here rather than testing `is_staff` or calling `has_perm` themselves."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(permission))


def sees_every_project(user) -> bool:
    return has_permission(user, SEE_EVERY_PROJECT)


def works_for_any_team(user) -> bool:
    """People given the permission to open every team's pages of work (and see every front-door request)."""
    return has_permission(user, WORK_FOR_ANY_TEAM)


def team_work_allowed(user, team: LeadershipTeam) -> bool:
    """A team's own pages of work (its queue, actions, likely duplicates): its members, and people given the
    permission to work for any team."""
    return team.pk in memberships(user).teams or works_for_any_team(user)


def team_members(teams):
    """The active people of these leadership teams, each once: whom to tell about the teams' work. People who
    may work for any team are not members and are not told."""
    members = TeamMembership.objects.filter(team__in=teams).values("user_id")
    return User.objects.filter(is_active=True, pk__in=members).order_by("pk")


def works_in_public_sector(user) -> bool:
    """Someone who may see the working details of projects (contacts, budget band, why a status): people
    signed in from a Welsh public body, and people who may see every project."""
    return memberships(user).public_servant or sees_every_project(user)


@dataclass(frozen=True)
class Standing:
    """On what footing someone asks the front door for an organisation: as one of its people, or as a member
    of a leadership team that serves its sector (acting for it; `team` says which)."""

    member: bool
    team: LeadershipTeam | None = None


def asking_standing(user, organisation: Organisation) -> Standing | None:
    """Whether this person may ask for this organisation, and how; None when they may not."""
    mine = memberships(user)
    if organisation.pk in mine.organisations:
        return Standing(member=True)
    teams = LeadershipTeam.objects.filter(pk__in=mine.teams).order_by("position")
    team = next((t for t in teams if organisation.sector in t.serves_sectors), None)
    return Standing(member=False, team=team) if team else None


def organisations_to_ask_for(user):
    """The organisations someone may ask for: their own, then those their leadership teams serve."""
    mine = memberships(user)
    sectors = {s for t in LeadershipTeam.objects.filter(pk__in=mine.teams) for s in t.serves_sectors}
    return Organisation.objects.filter(Q(pk__in=mine.organisations) | Q(sector__in=sectors))


@dataclass(frozen=True)
class Access:
    view: bool
    change: bool
    is_member: bool
    manage_members: bool
    work: bool = False  # a team's pages of work (team_work_allowed)


def organisation_access(user, organisation: Organisation) -> Access:
    mine = memberships(user)
    change = has_permission(user, "directory.change_organisation")
    return Access(
        view=True,
        change=change,
        is_member=organisation.pk in mine.organisations,
        manage_members=change or organisation.pk in mine.admin_of,
    )


def organisation_administrators(organisation):
    """The active people who administer an organisation in Porth: they manage its members and may act for it
    where its own people cannot (answering an ask about a project whose owners have left)."""
    return User.objects.filter(
        is_active=True,
        organisation_memberships__organisation=organisation,
        organisation_memberships__role=Role.ADMINISTRATOR,
    )


def team_access(user, team: LeadershipTeam) -> Access:
    change = has_permission(user, "directory.change_leadershipteam")
    is_member = team.pk in memberships(user).teams
    is_admin = (
        is_member and TeamMembership.objects.filter(user=user, team=team, role=Role.ADMINISTRATOR).exists()
    )
    return Access(
        view=True,
        change=change,
        is_member=is_member,
        manage_members=change or is_admin,
        work=team_work_allowed(user, team),
    )
