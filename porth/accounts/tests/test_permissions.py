import pytest
from django.contrib.auth.models import AnonymousUser

from porth.accounts.models import Role, User
from porth.accounts.permissions import organisation_access, team_access
from porth.accounts.services import organisation_add_member, team_add_member
from porth.directory.models import LeadershipTeam, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def cardiff(reference):
    return Organisation.objects.get(code="W06000015")


@pytest.fixture
def cdps(reference):
    return LeadershipTeam.objects.get(slug="cdps")


def _user(email):
    return User.objects.create_user(email, "a long test password")


def test_anyone_may_see_the_directory(cardiff, cdps):
    assert organisation_access(AnonymousUser(), cardiff).view
    assert team_access(AnonymousUser(), cdps).view
    assert not organisation_access(AnonymousUser(), cardiff).change


def test_organisation_member_and_administrator(cardiff):
    member, admin, outsider = _user("m@x.org"), _user("a@x.org"), _user("o@x.org")
    organisation_add_member(user=member, organisation=cardiff)
    organisation_add_member(user=admin, organisation=cardiff, role=Role.ADMINISTRATOR)
    assert (
        organisation_access(member, cardiff).is_member
        and not organisation_access(member, cardiff).manage_members
    )
    assert (
        organisation_access(admin, cardiff).manage_members and not organisation_access(admin, cardiff).change
    )
    assert not organisation_access(outsider, cardiff).is_member


def test_team_roles(cdps):
    member, admin = _user("m@x.org"), _user("a@x.org")
    team_add_member(user=member, team=cdps)
    team_add_member(user=admin, team=cdps, role=Role.ADMINISTRATOR)
    assert team_access(member, cdps).is_member and not team_access(member, cdps).manage_members
    assert team_access(admin, cdps).manage_members


def test_site_administrator_may_change_reference_data(cardiff, cdps, admin_user):
    assert organisation_access(admin_user, cardiff).change and team_access(admin_user, cdps).change


def test_a_switched_off_account_has_no_membership_rights(cardiff):
    admin = _user("a@x.org")
    organisation_add_member(user=admin, organisation=cardiff, role=Role.ADMINISTRATOR)
    admin.is_active = False
    admin.save()
    assert not organisation_access(admin, cardiff).manage_members


def test_team_members_are_the_active_people_of_the_teams_each_once(cdps, reference):
    from porth.accounts.permissions import team_members

    wlga = LeadershipTeam.objects.get(slug="wlga-digital-team")
    member, both, gone, other = (_user(f"{name}@example.org") for name in ("member", "both", "gone", "other"))
    for user, teams in [(member, [cdps]), (both, [cdps, wlga]), (gone, [cdps]), (other, [wlga])]:
        for team in teams:
            team_add_member(user=user, team=team)
    gone.is_active = False
    gone.save()
    assert list(team_members([cdps])) == [member, both]
    assert list(team_members([cdps, wlga])) == [member, both, other]
