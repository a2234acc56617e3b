"""API tokens end when they should and are refused clearly; sign-in is limited before any password is
hashed."""

import datetime

import pytest
from django.contrib.auth.hashers import get_hasher
from django.utils import timezone

from porth.accounts.models import ApiToken, OrganisationMembership
from porth.accounts.services import api_token_create
from porth.testing import PASSWORD, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(reference):
    return person("gwen@cardiff.example", "W06000015")


def _bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_new_password_ends_the_tokens_made_before_it(client, member):
    _, key = api_token_create(user=member, name="Case system")
    assert client.get("/api/v1/projects", **_bearer(key)).status_code == 200
    member.set_password("a brand new long password")
    member.save()
    assert not ApiToken.objects.filter(user=member).exists()
    assert client.get("/api/v1/projects", **_bearer(key)).status_code == 401
    # Saving other details does not end a token made after.
    _, key = api_token_create(user=member, name="New one")
    member.full_name = "Gwen P"
    member.save()
    assert client.get("/api/v1/projects", **_bearer(key)).status_code == 200


def test_leaving_the_organisation_ends_the_tokens(client, member):
    _, key = api_token_create(user=member, name="Case system")
    OrganisationMembership.objects.filter(user=member).delete()
    assert client.get("/api/v1/projects", **_bearer(key)).status_code == 401


def test_an_invalid_token_is_refused_with_401_even_with_a_session_and_on_public_endpoints(client, member):
    client.force_login(member)
    for method, path, body in (
        ("get", "/api/v1/projects", None),  # public: anonymous readers may call it
        ("post", "/api/v1/route", {}),  # a write: a session would need a CSRF token
    ):
        call = getattr(client, method)
        response = call(path, body, content_type="application/json", **_bearer("porth_not-a-real-token"))
        assert response.status_code == 401, (path, response.content)
        assert "not valid" in response.json()["detail"]
        assert response["WWW-Authenticate"].startswith("Bearer")
    response = client.get("/api/v1/projects", HTTP_AUTHORIZATION="Basic abc", HTTP_ACCEPT_LANGUAGE="cy")
    assert response.status_code == 401 and "ddilys" in response.json()["detail"]


def test_last_used_is_written_at_most_once_every_few_minutes(client, member):
    token, key = api_token_create(user=member, name="Case system")
    client.get("/api/v1/projects", **_bearer(key))
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    client.get("/api/v1/projects", **_bearer(key))
    token.refresh_from_db()
    assert token.last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - datetime.timedelta(minutes=6))
    client.get("/api/v1/projects", **_bearer(key))
    token.refresh_from_db()
    assert token.last_used_at > first


def test_sign_in_is_limited_per_address_before_the_password_is_checked(client, member, monkeypatch):
    for _ in range(10):
        response = client.post("/sign-in/", {"username": member.email, "password": "wrong"})
        assert response.status_code == 200
    # Over the limit even the right password is refused, and no password is hashed to find that out.
    hashed = []
    hasher = type(get_hasher())
    original = hasher.verify
    monkeypatch.setattr(hasher, "verify", lambda self, *a: hashed.append(1) or original(self, *a))
    response = client.post("/cy/sign-in/", {"username": member.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Gormod o ymdrechion" in response.content.decode()
    assert response["Retry-After"]
    assert hashed == []
    # Another address from the same client is still let through (until the per-client limit).
    other = person("other@cardiff.example", "W06000015")
    assert client.post("/sign-in/", {"username": other.email, "password": PASSWORD}).status_code == 302


def test_sign_in_is_limited_per_client_across_addresses(client, reference):
    statuses = [
        client.post("/sign-in/", {"username": f"nobody{n}@example.org", "password": "x"}).status_code
        for n in range(31)
    ]
    assert statuses[:30] == [200] * 30 and statuses[30] == 429


def test_the_api_is_rate_limited_per_token_in_json_in_the_callers_language(client, member, settings):
    settings.PORTH_API_RATE = "3/m"
    _, key = api_token_create(user=member, name="Case system")
    codes = [client.get("/api/v1/projects", **_bearer(key)).status_code for _ in range(3)]
    assert codes == [200, 200, 200]
    response = client.get("/api/v1/projects", **_bearer(key), HTTP_ACCEPT_LANGUAGE="cy")
    assert response.status_code == 429 and response["Retry-After"]
    assert "ormod o weithiau" in response.json()["detail"]
    # Another caller has its own count.
    _, other = api_token_create(user=person("b@cardiff.example", "W06000015"), name="Other")
    assert client.get("/api/v1/projects", **_bearer(other)).status_code == 200
