import pytest

from porth.accounts.models import Role, User
from porth.accounts.services import team_add_member
from porth.directory.models import LeadershipTeam

PASSWORD = "a long front door test password"


@pytest.fixture
def submitter(reference):
    return User.objects.create_user("alys@cardiff.example", PASSWORD, full_name="Alys Morgan")


@pytest.fixture
def team(reference):
    return lambda slug: LeadershipTeam.objects.get(slug=slug)


@pytest.fixture
def triager(reference):
    """A member of the NHS Wales Digital team, who triages its queue."""
    user = User.objects.create_user(
        "sian@nhs.example", PASSWORD, full_name="Siân Davies", preferred_language="cy"
    )
    team_add_member(user=user, team=LeadershipTeam.objects.get(slug="nhs-wales-digital"), role=Role.MEMBER)
    return user


ANSWERS = {
    "organisation": {"organisation": "W06000015"},
    "others": {"others": ["W11000029"]},
    "title": {"title": "Adult social care front door"},
    "problem": {
        "description": "People who need care wait weeks to hear back; we want one simple way to ask."
    },
    "similar": {"similar_seen": "True"},
    "health": {"health_or_social_care": "yes"},
    "welsh-government": {"welsh_government_service": "no"},
    "help": {"help_wanted": ["service_design", "skills"]},
    "phase": {"phase": "discovery"},
    "timescale": {"timescale": "within_6_months"},
    "contact": {"contact_name": "Alys Morgan", "contact_email": "alys@cardiff.example", "contact_phone": ""},
}


def answer_all(client, prefix="", answers=None):
    for slug, data in (answers or ANSWERS).items():
        response = client.post(f"{prefix}/ask/{slug}/", data)
        assert response.status_code == 302, (slug, response.content.decode()[:2000])
    return response
