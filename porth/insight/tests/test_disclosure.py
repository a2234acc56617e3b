"""No figure may point to a project or a request that the reader may not see."""

import pytest

from porth.directory.models import Organisation
from porth.insight.disclosure import (
    FULL,
    PUBLIC,
    PUBLIC_SECTOR,
    THRESHOLD,
    average_shown,
    project_count,
    small_count,
)
from porth.testing import make_project, person

COUNTS = {"public": 3, "public_sector": 2, "private": 1}


@pytest.mark.parametrize(
    ("by_visibility", "audience", "shown"),
    [
        (COUNTS, FULL, 6),
        (COUNTS, PUBLIC_SECTOR, 5),  # one private project: left out
        (COUNTS, PUBLIC, 3),  # three hidden: left out
        ({"public": 3, "private": 5}, PUBLIC, 8),  # five hidden: counted
        ({"public_sector": 4, "private": 1}, PUBLIC, 5),  # five hidden between them: counted
        ({"private": 4}, PUBLIC_SECTOR, 0),  # the same as if there were none
        ({}, PUBLIC, 0),
    ],
)
def test_projects_the_reader_cannot_see_count_only_in_fives(by_visibility, audience, shown):
    assert project_count(by_visibility, audience).value == shown


@pytest.mark.parametrize(
    ("count", "exact", "value", "fewer_than"),
    [
        (0, False, 0, None),
        (1, False, None, THRESHOLD),
        (4, False, None, THRESHOLD),
        (5, False, 5, None),
        (3, True, 3, None),
    ],
)
def test_records_never_published_one_by_one_hide_small_counts(count, exact, value, fewer_than):
    shown = small_count(count, exact)
    assert (shown.value, shown.fewer_than) == (value, fewer_than)


def test_averages_of_fewer_than_five_are_not_shown_to_outsiders():
    assert average_shown([1.0, 2.0, 9.0], exact=False) is None
    assert average_shown([1.0, 2.0, 9.0], exact=True) == 2.0
    assert average_shown([1.0, 2.0, 3.0, 4.0, 10.0, 12.0], exact=False) == 3.5


@pytest.mark.django_db
def test_the_public_page_never_reveals_a_private_project(client, people):
    """Ceredigion's private project in beta must not change any public figure until there are five like it."""
    owner = people["owner"]
    make_project(owner, phase="alpha")
    ceredigion = person("someone@ceredigion.example", "W06000008")
    private = {
        "owner_organisation": Organisation.objects.get(code="W06000008"),
        "phase": "beta",
        "visibility": "private",
    }
    make_project(ceredigion, **private)
    before = client.get("/digital-public-services/")
    phases = {row.key: row.shown.value for row in before.context["charts"]["phase"].rows}
    assert phases["beta"] == 0 and phases["alpha"] == 1
    assert before.context["portfolio"]["total"].value == 1
    # Signing in does not change the public page: it shows the public figures only.
    client.force_login(ceredigion)
    signed_in = client.get("/digital-public-services/").content.decode()
    projects = '<dt class="govuk-summary-list__key">Projects</dt><dd class="govuk-summary-list__value">'
    assert projects + "1</dd>" in signed_in
    for _ in range(4):
        make_project(ceredigion, **private)
    after = client.get("/digital-public-services/")
    phases = {row.key: row.shown.value for row in after.context["charts"]["phase"].rows}
    assert phases["beta"] == 5 and after.context["portfolio"]["total"].value == 6


@pytest.mark.django_db
def test_a_team_member_sees_the_teams_private_projects_and_requests_exactly(client, people):
    make_project(people["owner"], visibility="private")
    client.force_login(people["team_member"])
    assert client.get("/dashboards/teams/wlga-digital-team/").context["portfolio"]["total"].value == 1
    client.force_login(people["other_org"])
    assert client.get("/dashboards/teams/wlga-digital-team/").context["portfolio"]["total"].value == 0
