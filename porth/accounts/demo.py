"""Demo accounts: one person for each role, so that every journey can be tried locally.

Demo accounts are marked `is_demo` and removed by `load_demo --clear`. They share the local password kept
in var/local-password, which `make run` prints.
"""

from pathlib import Path

from django.conf import settings
from django.db import transaction

from porth.directory.models import LeadershipTeam, Organisation

from .models import Role, User
from .services import local_password_generate, organisation_add_member, team_add_member, user_ensure

LOCAL_ADMIN_EMAIL = "admin@porth.localhost"

# (email, full name, organisation code or None, organisation role, team slug or None, team role)
DEMO_PEOPLE = [
    ("member@cardiff.demo.localhost", "Alys Morgan", "W06000015", Role.MEMBER, None, None),
    ("admin@cardiff.demo.localhost", "Huw Jenkins", "W06000015", Role.ADMINISTRATOR, None, None),
    ("member@abuhb.demo.localhost", "Ffion Rees", "W11000028", Role.MEMBER, None, None),
    (
        "triage@wlga.demo.localhost",
        "Gareth Price",
        "welsh-local-government-association",
        Role.MEMBER,
        "wlga-digital-team",
        Role.MEMBER,
    ),
    (
        "admin@cdps.demo.localhost",
        "Mared Owen",
        "centre-for-digital-public-services",
        Role.MEMBER,
        "cdps",
        Role.ADMINISTRATOR,
    ),
    (
        "triage@nhs.demo.localhost",
        "Siân Davies",
        "digital-health-and-care-wales",
        Role.MEMBER,
        "nhs-wales-digital",
        Role.MEMBER,
    ),
    (
        "triage@wg.demo.localhost",
        "Dafydd Hughes",
        "welsh-government",
        Role.MEMBER,
        "welsh-government-digital",
        Role.MEMBER,
    ),
]


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
    for email, name, org_code, org_role, team_slug, team_role in DEMO_PEOPLE:
        user = user_ensure(email=email, password=password, full_name=name, is_demo=True)
        organisation = Organisation.objects.filter(code=org_code).first()
        if organisation:
            organisation_add_member(user=user, organisation=organisation, role=org_role)
        team = LeadershipTeam.objects.filter(slug=team_slug).first() if team_slug else None
        if team:
            team_add_member(user=user, team=team, role=team_role)
        people.append(user)
    return people


def demo_users_clear() -> int:
    deleted, _ = User.objects.filter(is_demo=True).delete()
    return deleted
