"""The API guide (/developers/api/) names every call the API answers, so no part of it is a secret."""

import html

import pytest

pytestmark = pytest.mark.django_db


def _calls(client) -> list[str]:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    return [f"{method.upper()} {path}" for path, operations in paths.items() for method in operations]


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_every_call_in_the_openapi_document_is_in_the_guide(client, prefix):
    guide = html.unescape(client.get(f"{prefix}/developers/api/").content.decode())
    calls = _calls(client)
    assert "GET /api/v1/projects" in calls and "GET /api/v1/projects/{project_id}" in calls
    missing = [call for call in calls if f"<code>{call}</code>" not in guide]
    assert missing == []
