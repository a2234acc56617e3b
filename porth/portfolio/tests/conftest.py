import pytest

from porth.accounts.models import Role, User
from porth.accounts.services import organisation_add_member, team_add_member
from porth.directory.models import LeadershipTeam, Organisation
from porth.portfolio import services

PASSWORD = "a long portfolio test password"


def person(email, organisation=None, role=Role.MEMBER, team=None, language="en"):
    user = User.objects.create_user(
        email, PASSWORD, full_name=email.split("@")[0].title(), preferred_language=language
    )
    if organisation:
        organisation_add_member(
            user=user, organisation=Organisation.objects.get(code=organisation), role=role
        )
    if team:
        team_add_member(user=user, team=LeadershipTeam.objects.get(slug=team))
    return user


@pytest.fixture
def people(reference):
    """One person for each relationship a user can have with Cardiff's project."""
    return {
        "owner": person("owner@cardiff.example", "W06000015"),
        "colleague": person("colleague@cardiff.example", "W06000015"),
        "org_admin": person("admin@cardiff.example", "W06000015", role=Role.ADMINISTRATOR),
        "partner": person("partner@vale.example", "W06000014", language="cy"),
        "team_member": person(
            "triage@wlga.example", "welsh-local-government-association", team="wlga-digital-team"
        ),
        "other_org": person("someone@swansea.example", "W06000011"),
        "no_org": person("nobody@example.org"),
    }


def make_project(owner, visibility="public", **fields):
    values = {
        "title_en": "Booking a visit to a recycling centre",
        "title_cy": "Trefnu ymweliad â chanolfan ailgylchu",
        "summary_en": "Residents book a time slot online instead of queueing.",
        "summary_cy": "Mae trigolion yn trefnu slot amser ar-lein yn lle ciwio.",
        "owner_organisation": Organisation.objects.get(code="W06000015"),
        "phase": "alpha",
        "status": "on_track",
        "lead_team": LeadershipTeam.objects.get(slug="wlga-digital-team"),
        "visibility": visibility,
        **fields,
    }
    related = {"partner_organisations": [Organisation.objects.get(code="W06000014")]}
    return services.project_create(user=owner, fields=values, related=related, tags_text="booking, waste")


@pytest.fixture
def project(people):
    return make_project(people["owner"])
