"""The read API, the weekly digests and the stale-project reminders."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from porth.accounts.services import api_token_create
from porth.portfolio import services
from porth.portfolio.models import DigestSent, Project
from porth.testing import make_project

pytestmark = pytest.mark.django_db


def test_api_lists_public_projects_with_public_fields_for_anyone(client, people, project):
    make_project(people["owner"], visibility="private", title_en="Hidden")
    body = client.get("/api/v1/projects").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["title_cy"] == "Trefnu ymweliad â chanolfan ailgylchu" and item["contacts"] is None


def test_api_uses_the_same_filters_and_visibility_as_the_pages(client, people, project):
    make_project(people["owner"], visibility="private", title_en="Hidden", phase="beta")
    token = api_token_create(user=people["partner"], name="t")[1]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get("/api/v1/projects", {"phase": "beta"}, **auth).json()["count"] == 1
    assert client.get("/api/v1/projects", {"q": "ailgylchu"}, **auth).json()["count"] == 2, "private one too"
    assert client.get("/api/v1/projects", {"q": "ailgylchu", "phase": "alpha"}, **auth).json()["count"] == 1
    one = client.get(f"/api/v1/projects/{project.pk}", **auth).json()
    assert one["partners"] == ["W06000014"] and one["contacts"] == []
    bad = client.get("/api/v1/projects", {"phase": "finished"}, HTTP_ACCEPT_LANGUAGE="cy")
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "phase"]


def test_api_hides_a_private_project_from_strangers(client, people):
    private = make_project(people["owner"], visibility="private")
    assert client.get(f"/api/v1/projects/{private.pk}").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_weekly_digest_goes_once_in_the_followers_language(people, project):
    services.follow_toggle(user=people["partner"], project=project)
    services.project_report(
        project=project,
        user=people["owner"],
        status="on_track",
        status_reason="",
        what_happened="Tested with 40 residents.",
        whats_next="",
        language="en",
    )
    next_monday = services.week_start(timezone.localdate()) + datetime.timedelta(days=7)
    assert services.digests_queue(today=next_monday) == 1
    assert services.digests_queue(today=next_monday) == 0
    (message,) = mail.outbox
    assert message.to == [people["partner"].email]
    assert "Tested with 40 residents." in message.body
    assert "Trefnu ymweliad â chanolfan ailgylchu" in message.body, "the follower reads Welsh"
    assert DigestSent.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_digest_leaves_out_what_the_follower_may_not_see(people):
    private = make_project(people["owner"], visibility="private")
    services.follow_toggle(user=people["other_org"], organisation=private.owner_organisation)
    services.project_report(
        project=private,
        user=people["owner"],
        status="on_track",
        status_reason="",
        what_happened="Secret.",
        whats_next="",
        language="en",
    )
    services.digests_queue(today=services.week_start(timezone.localdate()) + datetime.timedelta(days=7))
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_stale_projects_nudge_their_owners_once_a_month(people, project, capsys):
    Project.objects.filter(pk=project.pk).update(last_update_at=timezone.now() - datetime.timedelta(days=100))
    call_command("nudge_stale_projects")
    call_command("nudge_stale_projects")
    assert [m.to for m in mail.outbox] == [[people["owner"].email]]
    assert "Reminded the owners of 0 stale project(s)." in capsys.readouterr().out
    services.project_report(
        project=project,
        user=people["owner"],
        status="on_track",
        status_reason="",
        what_happened="Back on it.",
        whats_next="",
        language="en",
    )
    project.refresh_from_db()
    assert not project.is_stale and project.nudged_at is None


def test_send_digests_command_says_what_it_did(people, capsys):
    call_command("send_digests")
    assert "Queued 0 digest(s)." in capsys.readouterr().out
