"""Fixtures for the pool's tests: the two pools (loaded from the shipped reference data), their managers, the
people who ask, and a way to make specialists and requests through the services."""

import datetime
from decimal import Decimal

import pytest

from porth.accounts.models import Role
from porth.capability import services
from porth.capability.models import DdatRole, Pool, Skill
from porth.directory.models import Organisation
from porth.testing import person


def week(n: int) -> datetime.date:
    """The Monday n weeks from this one."""
    return services.this_week() + datetime.timedelta(weeks=n)


def friday(n: int) -> datetime.date:
    return week(n) + datetime.timedelta(days=4)


@pytest.fixture
def pool(reference):
    """The WLGA team's capability model, for councils."""
    return Pool.objects.get(slug="capability-model")


@pytest.fixture
def squad_pool(reference):
    """CDPS's digital transformation squad, for any public body."""
    return Pool.objects.get(slug="transformation-squad")


@pytest.fixture
def cast(reference):
    """One person for each part someone can play in the pool."""
    return {
        "manager": person(
            "gareth@wlga.example", "welsh-local-government-association", team="wlga-digital-team"
        ),
        "cdps": person(
            "mared@cdps.example", "centre-for-digital-public-services", team="cdps", language="cy"
        ),
        "asker": person("alys@cardiff.example", "W06000015", full_name="Alys Morgan"),
        "colleague": person("colleague@cardiff.example", "W06000015"),
        "org_admin": person("huw@cardiff.example", "W06000015", role=Role.ADMINISTRATOR),
        "other_org": person("someone@swansea.example", "W06000011"),
        "nhs": person("sian@nhs.example", "digital-health-and-care-wales", team="nhs-wales-digital"),
        "no_org": person("nobody@example.org"),
        "specialist": person("catrin@wlga.example", language="cy", full_name="Catrin Hughes"),
    }


@pytest.fixture
def make_specialist(pool):
    def make(
        name="Catrin Hughes", role="user-researcher", days="4", skills=(), welsh=5, target_pool=None, **extra
    ):
        fields = {
            "pool": target_pool or pool,
            "full_name": name,
            "role": DdatRole.objects.get(slug=role),
            "welsh_level": welsh,
            "home_organisation": Organisation.objects.get(code="welsh-local-government-association"),
            "working_days": Decimal(days),
            "joined_on": week(-10),
            **extra,
        }
        return services.specialist_create(
            user=None, fields=fields, skills=Skill.objects.filter(slug__in=skills)
        )

    return make


@pytest.fixture
def make_request(pool, cast):
    def make(days="2", first=1, last=4, role="user-researcher", skills=(), welsh=False, user=None, **extra):
        values = {
            "user": user or cast["asker"],
            "pool": pool,
            "organisation": Organisation.objects.get(code="W06000015"),
            "role": DdatRole.objects.get(slug=role),
            "skills": Skill.objects.filter(slug__in=skills),
            "days_per_week": Decimal(days),
            "starts_on": week(first),
            "ends_on": friday(last),
            "what_for": "Research with residents who book recycling visits.",
            "welsh_needed": welsh,
            **extra,
        }
        return services.specialist_request_raise(**values)

    return make


@pytest.fixture
def book(cast):
    """Book a specialist through the service, as the pool's manager."""

    def make(
        specialist, request=None, days="2", first=1, last=4, wait=False, engagement=None, organisation=None
    ):
        target = services.BookingFor(
            organisation=organisation
            or (request.organisation if request else engagement.organisations.first()),
            request=request,
            engagement=engagement,
        )
        return services.booking_make(
            specialist=specialist,
            user=cast["manager"],
            target=target,
            first_week=week(first),
            last_week=week(last),
            days_per_week=Decimal(days),
            wait_if_full=wait,
        )

    return make
