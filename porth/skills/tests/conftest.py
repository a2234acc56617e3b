"""Training fixtures: one person for each role, a CDPS course for leaders and staff, and its sessions."""

import pytest
from django.contrib.auth.models import Permission

from porth.accounts.models import Role
from porth.directory.models import LeadershipTeam
from porth.skills import services
from porth.skills.models import Session
from porth.testing import person

from .helpers import in_days


@pytest.fixture
def who(reference):
    """Everyone who can come near a booking. The learner and colleague work for Cardiff, whose administrator
    is org_admin; the course is offered by the CDPS team (team_member); the trainer is from the Vale."""
    staff = person("staff@porth.example")
    staff.user_permissions.add(Permission.objects.get(codename="change_course"))
    return {
        "learner": person("alys@cardiff.example", "W06000015", full_name="Alys Morgan"),
        "colleague": person("huw@cardiff.example", "W06000015", full_name="Huw Jenkins", language="cy"),
        "org_admin": person(
            "admin@cardiff.example", "W06000015", role=Role.ADMINISTRATOR, full_name="Rhys Admin"
        ),
        "other_org_admin": person("admin@swansea.example", "W06000011", role=Role.ADMINISTRATOR),
        "trainer": person("trainer@vale.example", "W06000014", full_name="Nia Trainer"),
        "team_member": person(
            "mared@cdps.example", "centre-for-digital-public-services", team="cdps", full_name="Mared Owen"
        ),
        "other_team": person(
            "gareth@wlga.example", "welsh-local-government-association", team="wlga-digital-team"
        ),
        "site_staff": staff,
        "no_org": person("nobody@example.org"),
    }


@pytest.fixture
def course(who):
    return services.course_create(
        user=who["team_member"],
        fields={
            "title_en": "Digital leadership for senior leaders",
            "title_cy": "Arweinyddiaeth ddigidol i uwch arweinwyr",
            "summary_en": "What modern digital services need from the people who lead them.",
            "summary_cy": "Yr hyn sydd ei angen ar wasanaethau digidol modern gan y bobl sy'n eu harwain.",
            "provider_team": LeadershipTeam.objects.get(slug="cdps"),
            "level": "awareness",
            "role_family": "any",
        },
        audiences=["senior_leaders", "staff"],
    )


@pytest.fixture
def make_session(course, who):
    def make(capacity=2, days=14, language="en", **fields) -> Session:
        values = {
            "starts_at": in_days(days, 10),
            "ends_at": in_days(days, 12),
            "mode": "online",
            "language": language,
            "capacity": capacity,
            "booking_closes_at": in_days(days - 2, 23),
            "trainer": who["trainer"],
            "online_link": "https://meet.example.gov.wales/abc",
            **fields,
        }
        return services.session_create(
            course=fields.pop("course", course), user=who["team_member"], fields=values
        )

    return make


@pytest.fixture
def session(make_session):
    return make_session()


@pytest.fixture
def emails(django_capture_on_commit_callbacks):
    """`with emails(): ...` runs the e-mail tasks that what happens inside queues, as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
