"""The JSON API: stateless routing, sending a request, reading one's own requests."""

import pytest
from django.test import Client

from porth.accounts.models import User
from porth.accounts.services import api_token_create
from porth.frontdoor.models import HelpRequest
from porth.testing import API_REQUEST

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(submitter):
    return api_token_create(user=submitter, name="Case system")[1]


def post(client, path, data, **headers):
    return client.post(path, data, content_type="application/json", **headers)


def test_route_is_stateless_and_explains_itself(client, reference):
    response = post(
        client,
        "/api/v1/route",
        {"organisation": "w06000015", "with": ["W11000028"], "health_or_social_care": True},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["lead"]["slug"] == "nhs-wales-digital"
    assert "wlga-digital-team" in [t["slug"] for t in body["support"]]
    assert body["fired"][0] == "JOINT_HEALTH_AND_CARE" and body["rule_set_version"] == 2
    assert body["reasons"][0]["reason_cy"].startswith("Digidol GIG Cymru sy'n arwain")
    assert (body["overlap"][0]["team"], body["overlap"][0]["role"]) == ("cdps", "overlap")
    assert "wlga-digital-team" in [o["team"] for o in body["overlap"]]
    assert HelpRequest.objects.count() == 0


def test_route_keeps_owners_and_helpers_apart(client, reference):
    facts = {
        "organisation": "welsh-local-government-association",
        "asker_owns": False,
        "owners": ["W06000015", "W06000011"],
        "helpers": [{"organisation": "welsh-government", "role": "fund"}],
        "work_kind": "shared_service",
    }
    body = post(client, "/api/v1/route", facts).json()
    assert body["lead"]["slug"] == "wlga-digital-team"
    assert [o["team"] for o in body["overlap"]] == ["cdps"]
    assert "welsh-government-digital" not in [t["slug"] for t in body["support"]]


def test_route_says_clearly_when_nobody_owns_the_work(client, reference):
    response = post(client, "/api/v1/route", {"organisation": "W06000015", "asker_owns": False})
    assert response.status_code == 422 and response.json()["detail"][0]["type"] == "no_owner"
    bad_role = post(
        client,
        "/api/v1/route",
        {"organisation": "W06000015", "helpers": [{"organisation": "x", "role": "pay"}]},
    )
    assert bad_role.status_code == 422


def test_route_with_no_rules_in_force_is_a_clear_error(client, reference):
    from porth.routing.models import RuleSet

    RuleSet.objects.update(status=RuleSet.Status.WITHDRAWN)
    response = post(client, "/api/v1/route", {"organisation": "W06000015"}, HTTP_ACCEPT_LANGUAGE="cy")
    assert response.status_code == 503 and "Nid oes gan Porth reolau llwybro" in response.json()["detail"]


def test_a_request_for_an_organisation_the_person_may_not_ask_for_is_refused(client, token):
    response = post(
        client,
        "/api/v1/requests",
        {**API_REQUEST, "organisation": "W06000011"},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 403 and "organisation you work for" in response.json()["detail"]
    assert HelpRequest.objects.count() == 0


def test_route_with_an_unknown_organisation_says_which_in_welsh(client, reference):
    response = post(client, "/api/v1/route", {"organisation": "W99"}, HTTP_ACCEPT_LANGUAGE="cy")
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", "organisation"]
    assert "W99" in problem["msg"] and "Nid oes sefydliad" in problem["msg"]


def test_submit_needs_authentication(client, reference):
    response = post(client, "/api/v1/requests", API_REQUEST)
    assert response.status_code == 401


def test_submit_with_a_token_then_read_it_back(client, token, submitter):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    response = post(client, "/api/v1/requests", API_REQUEST, **auth)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["lead_team"] == "nhs-wales-digital" and body["status"] == "new"
    assert body["decision"]["fired"][0] == "JOINT_HEALTH_AND_CARE" and body["decision"]["overlap"]
    assert HelpRequest.objects.get().submitted_by == submitter
    listing = client.get("/api/v1/requests", **auth).json()
    assert listing["count"] == 1 and listing["items"][0]["reference"] == body["reference"]
    detail = client.get(f"/api/v1/requests/{body['reference']}", **auth).json()
    assert detail["events"][0]["kind"] == "submitted"


def test_another_persons_request_is_not_found(client, token, reference):
    post(client, "/api/v1/requests", API_REQUEST, HTTP_AUTHORIZATION=f"Bearer {token}")
    reference_code = HelpRequest.objects.get().reference
    other = User.objects.create_user("z@example.org", "a long password for z")
    other_token = api_token_create(user=other, name="x")[1]
    assert (
        client.get(
            f"/api/v1/requests/{reference_code}", HTTP_AUTHORIZATION=f"Bearer {other_token}"
        ).status_code
        == 404
    )


def test_a_wrong_token_is_refused(client, reference):
    assert client.get("/api/v1/requests", HTTP_AUTHORIZATION="Bearer porth_nonsense").status_code == 401


def test_validation_errors_are_specific_and_translated(client, token):
    bad = {**API_REQUEST, "title": "", "help_wanted": ["magic"], "phase": "someday"}
    response = post(
        client, "/api/v1/requests", bad, HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ACCEPT_LANGUAGE="cy"
    )
    assert response.status_code == 422
    fields = {
        tuple(p["loc"][-2:]) if p["loc"][-1] == 0 else p["loc"][-1]: p["msg"]
        for p in response.json()["detail"]
    }
    assert any("title" in str(k) for k in fields)
    assert all(msg and "Input should" not in msg for msg in fields.values())
    assert HelpRequest.objects.count() == 0


def test_session_authentication_works_for_signed_in_people(client, submitter):
    client.force_login(submitter)
    assert client.get("/api/v1/requests").status_code == 200


def test_openapi_document_and_docs(client, reference):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert {"/api/v1/route", "/api/v1/requests", "/api/v1/requests/{reference}"} <= set(schema["paths"])
    assert client.get("/api/v1/docs").url == "/developers/api/"
    assert Client(HTTP_ACCEPT_LANGUAGE="cy").get("/api/v1/docs").url == "/cy/developers/api/"
    assert "POST /api/v1/route" in client.get("/developers/api/").content.decode()


@pytest.mark.parametrize(
    "change, field, welsh",
    [
        ({"description": "Help please"}, "description", "Dywedwch ychydig mwy"),
        ({"contact_phone": "call me maybe"}, "contact_phone", "Rhowch rif ffôn"),
    ],
)
def test_the_api_refuses_what_the_journey_refuses_with_the_same_words(client, token, change, field, welsh):
    response = post(
        client,
        "/api/v1/requests",
        {**API_REQUEST, **change},
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_ACCEPT_LANGUAGE="cy",
    )
    assert response.status_code == 422, response.content
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", field] and welsh in problem["msg"]
    assert HelpRequest.objects.count() == 0


@pytest.mark.parametrize("value", [0, 1, "no", "true"])
def test_a_yes_or_no_answer_must_be_true_or_false_not_a_number_or_word(client, token, value):
    response = post(
        client,
        "/api/v1/requests",
        {**API_REQUEST, "health_or_social_care": value},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "health_or_social_care"
    assert HelpRequest.objects.count() == 0
