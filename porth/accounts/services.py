"""Writes to accounts: creating people and memberships, changing profile details."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from porth.directory.models import LeadershipTeam, Organisation

from .models import ApiToken, OrganisationMembership, Role, TeamMembership, User


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


def api_token_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token; return it with the key, which is not stored and cannot be shown again."""
    key = "porth_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=key[6:14], key_hash=api_token_hash(key))
    return token, key


def api_token_user(key: str) -> User | None:
    """The active user a key belongs to, or None. Records when the token was last used."""
    token = ApiToken.objects.select_related("user").filter(key_hash=api_token_hash(key)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def api_token_revoke(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)
