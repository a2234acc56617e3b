"""Writes to accounts: creating people and memberships, changing profile details."""

import secrets

from django.db import transaction

from porth.directory.models import LeadershipTeam, Organisation

from .models import OrganisationMembership, Role, TeamMembership, User


def user_update_profile(*, user: User, full_name: str, preferred_language: str) -> User:
    user.full_name = full_name
    user.preferred_language = preferred_language
    user.save(update_fields=["full_name", "preferred_language"])
    return user


@transaction.atomic
def user_ensure(*, email: str, password: str, full_name: str = "", is_demo: bool = False, **flags) -> User:
    """Create the user if missing; an existing user keeps their password and details."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email, password, full_name=full_name, is_demo=is_demo, **flags)
    return user


def organisation_add_member(*, user: User, organisation: Organisation, role: str = Role.MEMBER):
    membership, _ = OrganisationMembership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    return membership


def team_add_member(*, user: User, team: LeadershipTeam, role: str = Role.MEMBER):
    membership, _ = TeamMembership.objects.update_or_create(user=user, team=team, defaults={"role": role})
    return membership


def local_password_generate() -> str:
    return secrets.token_urlsafe(12)
