"""The pool's read API: engagements, and the specialists' public view, in the OpenAPI document."""

import pytest

from porth.capability import services
from porth.directory.models import Organisation
from porth.testing import make_project

from .conftest import week

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagements(pool, cast):
    project = make_project(cast["asker"])
    private = make_project(cast["asker"], visibility="private", title_en="Private work")
    cardiff = Organisation.objects.get(code="W06000015")
    public = services.engagement_create(
        user=None,
        fields={"title_en": "Bilingual patterns", "pool": pool, "phase": "beta", "starts_on": week(-1)},
        organisations=[cardiff],
        projects=[project, private],
    )
    internal = services.engagement_create(
        user=None,
        fields={
            "title_en": "Internal",
            "pool": pool,
            "phase": "alpha",
            "starts_on": week(4),
            "visibility": "public_sector",
        },
        organisations=[cardiff],
        projects=[],
    )
    return {"public": public, "internal": internal, "project": project, "private": private}


def test_engagements_without_signing_in_are_the_public_ones_with_the_projects_anyone_may_see(
    client, engagements
):
    body = client.get("/api/v1/engagements").json()
    assert [e["title_en"] for e in body["items"]] == ["Bilingual patterns"]
    row = body["items"][0]
    assert row["projects"] == [engagements["project"].pk]  # not the private one
    assert (
        row["state"] == "under_way"
        and row["pool"] == "capability-model"
        and row["organisations"] == ["W06000015"]
    )
    assert client.get(f"/api/v1/engagements/{engagements['internal'].pk}").status_code == 404


def test_people_from_public_bodies_see_public_sector_engagements_too(client, engagements, cast):
    client.force_login(cast["other_org"])
    titles = {e["title_en"] for e in client.get("/api/v1/engagements").json()["items"]}
    assert titles == {"Bilingual patterns", "Internal"}
    planned = client.get("/api/v1/engagements?state=planned").json()["items"]
    assert [e["title_en"] for e in planned] == ["Internal"]


def test_engagement_filters_say_what_is_wrong_in_the_reader_s_language(client, engagements):
    response = client.get("/api/v1/engagements?state=soon")
    assert (
        response.status_code == 422 and "planned, under_way, finished" in response.json()["detail"][0]["msg"]
    )
    welsh = client.get("/api/v1/engagements?pool=nowhere", HTTP_ACCEPT_LANGUAGE="cy")
    assert welsh.status_code == 422 and "Nid oes cronfa" in welsh.json()["detail"][0]["msg"]


def test_specialists_are_listed_without_names_unless_you_work_in_the_public_sector(
    client, make_specialist, cast
):
    make_specialist("Catrin Hughes", skills=["sql"], welsh=4)
    make_specialist(
        "Tom Baker", role="accessibility-specialist", welsh=0, left_on=week(-1), joined_on=week(-5)
    )
    anonymous = client.get("/api/v1/specialists").json()["items"]
    assert len(anonymous) == 1  # Tom has left the pool
    assert anonymous[0]["role"] == "user-researcher" and anonymous[0]["skills"] == ["sql"]
    assert anonymous[0]["name"] is None and anonymous[0]["home_organisation"] is None
    client.force_login(cast["other_org"])
    named = client.get("/api/v1/specialists?welsh=true").json()["items"]
    assert [s["name"] for s in named] == ["Catrin Hughes"]
    assert named[0]["home_organisation"] == "welsh-local-government-association"
    assert client.get("/api/v1/specialists?role=wizard").status_code == 422


def test_the_openapi_document_has_the_pool_s_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/engagements", "/api/v1/engagements/{engagement_id}", "/api/v1/specialists"):
        assert path in paths
