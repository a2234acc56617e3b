"""Demo accounts: one person for each role, so that every journey can be tried locally.

The people are data (data/demo_people.yaml), read when they are first needed. Demo accounts are marked
`is_demo` and removed by `load_demo --clear`. They share the local password kept in var/local-password,
which `make run` prints.
"""

from functools import cache
from pathlib import Path
from typing import NamedTuple

import yaml
from django.conf import settings
from django.db import transaction

from porth.directory.models import LeadershipTeam, Organisation

from .models import Role, User
from .services import local_password_generate, organisation_add_member, team_add_member, user_ensure

LOCAL_ADMIN_EMAIL = "admin@porth.localhost"
DATA_FILE = Path(__file__).resolve().parent / "data" / "demo_people.yaml"


class DemoPerson(NamedTuple):
    """One demo account: who they are, the organisation they belong to and the team they sit in, if any."""

    email: str
    full_name: str
    organisation: str | None
    organisation_role: Role
    team: str | None
    team_role: Role | None


@cache
def demo_people() -> tuple[DemoPerson, ...]:
    """The demo people, as data/demo_people.yaml lists them (read once a process, on first use)."""
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return tuple(
        DemoPerson(
            email=person["email"],
            full_name=person["full_name"],
            organisation=person.get("organisation"),
            organisation_role=Role(person.get("organisation_role", Role.MEMBER)),
            team=person.get("team"),
            team_role=Role(person["team_role"]) if person.get("team_role") else None,
        )
        for person in data["people"]
    )


def local_password() -> str:
    """The password of the local administrator and the demo accounts, made once and kept under var/."""
    path = Path(settings.VAR_DIR) / "local-password"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(local_password_generate())
        path.chmod(0o600)
    return path.read_text().strip()


def local_admin_ensure() -> User:
    return user_ensure(
        email=LOCAL_ADMIN_EMAIL,
        password=local_password(),
        full_name="Local administrator",
        is_staff=True,
        is_superuser=True,
    )


@transaction.atomic
def demo_users_load() -> list[User]:
    password = local_password()
    people = []
    for person in demo_people():
        user = user_ensure(email=person.email, password=password, full_name=person.full_name, is_demo=True)
        organisation = Organisation.objects.filter(code=person.organisation).first()
        if organisation:
            organisation_add_member(user=user, organisation=organisation, role=person.organisation_role)
        team = LeadershipTeam.objects.filter(slug=person.team).first() if person.team else None
        if team:
            team_add_member(user=user, team=team, role=person.team_role)
        people.append(user)
    return people


def demo_users_clear() -> int:
    deleted, _ = User.objects.filter(is_demo=True).delete()
    return deleted
