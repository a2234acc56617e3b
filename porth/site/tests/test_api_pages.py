"""Every list in the API checks its page number before it reaches the database: a vast page is refused in the
reader's language (the fuzzer found the front door's list answering 500 at page 241,754,845,267,698,976)."""

import pytest

from porth.accounts.services import api_token_create

pytestmark = pytest.mark.django_db

VAST = "241754845267698976"


def _paged_lists(client) -> list[str]:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    return sorted(
        path
        for path, operations in paths.items()
        if "{" not in path
        and any(p["name"] == "page" for p in operations.get("get", {}).get("parameters", []))
    )


def test_every_paged_list_refuses_a_vast_page_in_the_readers_language(client, submitter):
    token = api_token_create(user=submitter, name="Fuzz")[1]
    lists = _paged_lists(client)
    assert "/api/v1/requests" in lists and "/api/v1/projects" in lists and len(lists) >= 6
    for path in lists:
        for language, message in (("en", "Enter a page number"), ("cy", "Rhowch rif tudalen")):
            response = client.get(
                path,
                {"page": VAST, "page_size": "29425250511888"},
                HTTP_AUTHORIZATION=f"Bearer {token}",
                HTTP_ACCEPT_LANGUAGE=language,
            )
            assert response.status_code == 422, (path, response.status_code)
            assert response.json()["detail"][0]["msg"].startswith(message), path
