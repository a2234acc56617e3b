"""The training read API: courses and the sessions to come with their places left, in the OpenAPI document,
public fields only."""

import pytest

from porth.skills import services

from .helpers import book

pytestmark = pytest.mark.django_db


def test_courses_list_with_filters_and_next_session(client, course, session):
    body = client.get("/api/v1/training/courses").json()
    assert body["count"] == 1
    row = body["items"][0]
    assert row["title_cy"] == "Arweinyddiaeth ddigidol i uwch arweinwyr"
    assert row["provider_team"] == "cdps"
    assert row["audiences"] == ["senior_leaders", "staff"]
    assert row["sessions_to_come"] == 1 and row["next_session_starts_at"]
    assert client.get("/api/v1/training/courses?audience=elected_members").json()["count"] == 0
    assert client.get(f"/api/v1/training/courses/{course.pk}").json()["id"] == course.pk
    assert client.get("/api/v1/training/courses/999999").status_code == 404


def test_a_bad_filter_is_a_422_in_the_readers_language(client, course):
    response = client.get("/api/v1/training/courses?level=wizard", headers={"accept-language": "cy"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Dewiswch un o'r opsiynau yn y rhestr"
    response = client.get("/api/v1/training/sessions?mode=teleport")
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["query", "mode"]


def test_sessions_show_places_left_and_never_the_joining_link(client, who, make_session):
    session = make_session(capacity=2)
    book(session, who["learner"])
    body = client.get("/api/v1/training/sessions").json()
    row = body["items"][0]
    assert row["places_left"] == 1 and row["capacity"] == 2 and row["booking_open"] is True
    assert "online_link" not in row and "meet.example" not in str(body)
    book(session, who["colleague"])
    assert client.get("/api/v1/training/sessions?with_places=true").json()["count"] == 0
    assert client.get(f"/api/v1/training/sessions/{session.pk}").json()["places_left"] == 0


def test_a_cancelled_session_leaves_the_list_but_can_still_be_read(client, who, session):
    services.session_cancel(session=session, user=who["team_member"])
    assert client.get("/api/v1/training/sessions").json()["count"] == 0
    assert client.get(f"/api/v1/training/sessions/{session.pk}").json()["places_left"] == 0


def test_the_openapi_document_describes_the_training_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/training/courses",
        "/api/v1/training/courses/{course_id}",
        "/api/v1/training/sessions",
        "/api/v1/training/sessions/{session_id}",
    ):
        assert "get" in paths[path]
