"""What a user may see and change, decided in one place per object type.

Views and templates ask these helpers; they never test roles themselves. Directory records are public, so
everyone may see them; changing them is for site administrators (in the admin), and each organisation's or
team's own administrators manage its members.
"""

from dataclasses import dataclass

from porth.directory.models import LeadershipTeam, Organisation

from .models import OrganisationMembership, Role, TeamMembership


@dataclass(frozen=True)
class Access:
    view: bool
    change: bool
    is_member: bool
    manage_members: bool


def _role(user, membership_model, **lookup) -> str | None:
    if not user.is_authenticated or not user.is_active:
        return None
    return membership_model.objects.filter(user=user, **lookup).values_list("role", flat=True).first()


def organisation_access(user, organisation: Organisation) -> Access:
    role = _role(user, OrganisationMembership, organisation=organisation)
    change = bool(user.is_active and user.has_perm("directory.change_organisation"))
    return Access(
        view=True,
        change=change,
        is_member=role is not None,
        manage_members=change or role == Role.ADMINISTRATOR,
    )


def team_access(user, team: LeadershipTeam) -> Access:
    role = _role(user, TeamMembership, team=team)
    change = bool(user.is_active and user.has_perm("directory.change_leadershipteam"))
    return Access(
        view=True,
        change=change,
        is_member=role is not None,
        manage_members=change or role == Role.ADMINISTRATOR,
    )
