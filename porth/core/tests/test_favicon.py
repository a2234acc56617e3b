"""Browsers ask for /favicon.ico whatever the page says: it must be Porth's icon, not a 404."""

import pytest

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_a_real_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    body = b"".join(icon.streaming_content) if icon.streaming else icon.content
    assert body[:4] == b"\x00\x00\x01\x00"  # the ICO signature: reserved 0, type 1 (icon)


def test_pages_name_the_icon(client):
    content = client.get("/").content.decode()
    assert 'rel="icon" href="/static/favicon.ico"' in content
    assert 'rel="icon" href="/static/porth-icon.svg" type="image/svg+xml"' in content
