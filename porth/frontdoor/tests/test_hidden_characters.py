"""Titles with hidden or right-to-left control characters are refused on the journey and in the API alike."""

import pytest

from porth.accounts.services import api_token_create
from porth.frontdoor.models import HelpRequest
from porth.testing import ANSWERS, API_REQUEST, page_text

pytestmark = pytest.mark.django_db

HIDDEN = "Booking\u202e a visit\u200b"


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("", "Remove the hidden characters U+202E, U+200B"),
        ("/cy", "Tynnwch y nodau cudd U+202E, U+200B"),
    ],
)
def test_the_journey_refuses_a_title_with_hidden_characters(client, submitter, prefix, message):
    client.force_login(submitter)
    for slug, data in ANSWERS.items():
        if slug == "title":
            break
        assert client.post(f"{prefix}/ask/{slug}/", data).status_code == 302
    response = client.post(f"{prefix}/ask/title/", {"title": HIDDEN})
    assert response.status_code == 200
    assert message in page_text(response)


@pytest.mark.parametrize(
    ("language", "message"), [("en", "Remove the hidden"), ("cy", "Tynnwch y nodau cudd")]
)
def test_the_api_refuses_a_title_with_hidden_characters_in_the_callers_language(
    client, submitter, language, message
):
    token = api_token_create(user=submitter, name="Case system")[1]
    response = client.post(
        "/api/v1/requests",
        {**API_REQUEST, "title": HIDDEN},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 422, response.content
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", "title"] and message in problem["msg"]
    assert not HelpRequest.objects.exists()
