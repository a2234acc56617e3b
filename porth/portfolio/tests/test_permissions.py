"""Every write to a project, tried by each kind of person: only the right ones succeed."""

import pytest

from porth.portfolio.models import CollaborationRequest, Project, ProjectUpdate
from porth.testing import make_project

pytestmark = pytest.mark.django_db

WHO = ["anonymous", "owner", "colleague", "org_admin", "partner", "team_member", "other_org", "no_org"]


def login(client, people, who):
    if who != "anonymous":
        client.force_login(people[who])


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("anonymous", False),
        ("owner", True),
        ("colleague", False),
        ("org_admin", True),
        ("partner", False),
        ("team_member", False),
        ("other_org", False),
        ("no_org", False),
    ],
)
def test_changing_the_details(client, people, project, who, allowed):
    login(client, people, who)
    response = client.post(
        f"/projects/{project.pk}/edit/",
        {
            "title_en": "Changed",
            "summary_en": "Changed summary.",
            "owner_organisation": "W06000015",
            "phase": "beta",
            "status": "on_track",
            "budget_band": "unknown",
            "collaboration": "open_to_partners",
            "visibility": "public",
        },
    )
    project.refresh_from_db()
    assert (project.title_en == "Changed") is allowed
    if not allowed:
        assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("anonymous", False),
        ("owner", True),
        ("colleague", True),
        ("org_admin", True),
        ("partner", True),
        ("team_member", False),
        ("other_org", False),
        ("no_org", False),
    ],
)
def test_reporting_an_update(client, people, project, who, allowed):
    login(client, people, who)
    client.post(
        f"/projects/{project.pk}/update/", {"status": "at_risk", "what_happened": "Supplier delayed."}
    )
    assert ProjectUpdate.objects.filter(project=project).exists() is allowed


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("anonymous", False),
        ("owner", False),
        ("colleague", False),
        ("partner", False),
        ("team_member", True),
        ("other_org", True),
        ("no_org", False),
    ],
)
def test_asking_to_work_together(client, people, project, who, allowed):
    login(client, people, who)
    organisation = {"team_member": "welsh-local-government-association", "other_org": "W06000011"}.get(
        who, "W06000015"
    )
    client.post(
        f"/projects/{project.pk}/work-together/",
        {"kind": "partner", "organisation": organisation, "message": "We are doing the same."},
    )
    assert CollaborationRequest.objects.filter(project=project).exists() is allowed


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("anonymous", False),
        ("owner", True),
        ("colleague", False),
        ("org_admin", True),
        ("partner", False),
        ("team_member", False),
        ("other_org", False),
        ("no_org", False),
    ],
)
def test_the_owner_and_the_owner_organisations_administrators_decide_on_working_together(
    client, people, project, who, allowed
):
    from porth.directory.models import Organisation
    from porth.portfolio import services

    ask = services.collaboration_ask(
        project=project,
        user=people["other_org"],
        organisation=Organisation.objects.get(code="W06000011"),
        kind="partner",
        message="Hello",
    )
    login(client, people, who)
    client.post(f"/projects/{project.pk}/work-together/{ask.pk}/", {"decision": "accept"})
    ask.refresh_from_db()
    assert (ask.state == "accepted") is allowed


def test_requests_are_not_stuck_when_the_person_who_added_the_project_leaves(client, people, project):
    from porth.directory.models import Organisation
    from porth.portfolio import services

    ask = services.collaboration_ask(
        project=project,
        user=people["other_org"],
        organisation=Organisation.objects.get(code="W06000011"),
        kind="partner",
        message="Hello",
    )
    people["owner"].is_active = False
    people["owner"].save()
    client.force_login(people["org_admin"])
    page = client.get(project.get_absolute_url()).content.decode()
    assert f"/work-together/{ask.pk}/" in page  # the answer form is shown to the administrator
    client.post(f"/projects/{project.pk}/work-together/{ask.pk}/", {"decision": "accept", "reply": "Welcome"})
    ask.refresh_from_db()
    assert ask.state == "accepted" and ask.decided_by == people["org_admin"]
    assert project.partner_organisations.filter(code="W06000011").exists()


def test_a_site_administrator_may_not_decide_for_the_owner(client, people, project, admin_user):
    from porth.directory.models import Organisation
    from porth.portfolio import services

    ask = services.collaboration_ask(
        project=project,
        user=people["other_org"],
        organisation=Organisation.objects.get(code="W06000011"),
        kind="talk",
        message="Hello",
    )
    client.force_login(admin_user)
    assert (
        client.post(f"/projects/{project.pk}/work-together/{ask.pk}/", {"decision": "accept"}).status_code
        == 403
    )


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("anonymous", False),
        ("owner", True),
        ("colleague", False),
        ("org_admin", False),
        ("partner", False),
        ("other_org", False),
    ],
)
def test_handing_over(client, people, project, who, allowed):
    login(client, people, who)
    client.post(f"/projects/{project.pk}/hand-over/", {"email": people["no_org"].email})
    assert project.owners.filter(pk=people["no_org"].pk).exists() is allowed


@pytest.mark.parametrize(
    ("who", "sees_private", "sees_public_sector"),
    [
        ("anonymous", False, False),
        ("owner", True, True),
        ("colleague", True, True),
        ("partner", True, True),
        ("team_member", True, True),
        ("other_org", False, True),
        ("no_org", False, False),
    ],
)
def test_who_sees_private_and_public_sector_projects(client, people, who, sees_private, sees_public_sector):
    private = make_project(people["owner"], visibility="private", title_en="Private one")
    sector = make_project(people["owner"], visibility="public_sector", title_en="Sector one")
    login(client, people, who)
    assert (client.get(private.get_absolute_url()).status_code == 200) is sees_private
    assert (client.get(sector.get_absolute_url()).status_code == 200) is sees_public_sector
    listing = client.get("/projects/").content.decode()
    assert ("Private one" in listing) is sees_private
    assert ("Sector one" in listing) is sees_public_sector


def test_only_people_of_an_organisation_can_add_projects(client, people):
    client.force_login(people["no_org"])
    assert client.get("/projects/new/").status_code == 403
    client.force_login(people["owner"])
    response = client.post(
        "/projects/new/",
        {
            "title_cy": "Prosiect newydd",
            "summary_cy": "Disgrifiad.",
            "owner_organisation": "W06000011",
            "phase": "alpha",
            "status": "on_track",
            "budget_band": "unknown",
            "collaboration": "sharing_ideas",
            "visibility": "public",
        },
    )
    assert response.status_code == 200 and not Project.objects.exists(), "Cardiff people cannot add Swansea's"


def test_seeing_every_private_project_is_a_named_permission_not_being_staff(client, people, project):
    from django.contrib.auth.models import Permission

    from porth.portfolio.permissions import projects_visible_to

    secret = make_project(people["owner"], visibility="private", title_en="Secret")
    staff = people["no_org"]
    staff.is_staff = True
    staff.save()
    assert secret not in projects_visible_to(staff)
    staff.user_permissions.add(Permission.objects.get(codename="see_every_project"))
    staff = type(staff).objects.get(pk=staff.pk)  # permissions are cached on the user object
    assert secret in projects_visible_to(staff)
    client.force_login(staff)
    assert client.get(secret.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "no_org", "other_org", "partner"])
def test_working_details_are_for_public_servants_on_the_page_and_in_the_exports_and_api(client, people, who):
    project = make_project(
        people["owner"],
        status="at_risk",
        status_reason="Waiting for the supplier",
        budget_band="under_50k",
        contacts=[{"name": "Alys Morgan", "role": "", "email": "alys@cardiff.example"}],
    )
    login(client, people, who)
    shown = who in ("other_org", "partner")
    page = client.get(project.get_absolute_url()).content.decode()
    exported = b"".join(client.get("/projects/export.csv").streaming_content).decode()
    api = client.get(f"/api/v1/projects/{project.pk}").content.decode()
    for text in (page, exported, api):
        assert ("alys@cardiff.example" in text) is shown, (who, text[:300])
        assert ("Waiting for the supplier" in text) is shown, who
    assert ("Under £50,000" in page) is shown


@pytest.mark.parametrize(
    ("who", "everywhere", "in_wlga_team", "in_cardiff"),
    [
        ("anonymous", "public", "public", "public"),
        ("no_org", "public", "public", "public"),
        ("other_org", "public_sector", "public_sector", "public_sector"),
        ("owner", "public_sector", "public_sector", "private"),
        ("team_member", "public_sector", "private", "public_sector"),
    ],
)
def test_the_visibilities_someone_sees_all_of_follow_the_project_rule(
    people, who, everywhere, in_wlga_team, in_cardiff
):
    from django.contrib.auth.models import AnonymousUser

    from porth.directory.models import LeadershipTeam, Organisation
    from porth.portfolio.permissions import project_visibilities_seen

    upto = {
        "public": {"public"},
        "public_sector": {"public", "public_sector"},
        "private": {"public", "public_sector", "private"},
    }
    user = AnonymousUser() if who == "anonymous" else people[who]
    wlga = LeadershipTeam.objects.get(slug="wlga-digital-team")
    cardiff = Organisation.objects.get(code="W06000015")
    assert project_visibilities_seen(user) == upto[everywhere]
    assert project_visibilities_seen(user, team=wlga) == upto[in_wlga_team]
    assert project_visibilities_seen(user, organisation=cardiff) == upto[in_cardiff]
