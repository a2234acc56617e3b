"""Team queues and triage through the web: who may see and do what."""

import datetime
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from porth.accounts.models import User
from porth.frontdoor.models import HelpRequest
from porth.frontdoor.permissions import help_request_access, help_requests_visible_to
from porth.testing import answer_all, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(client, submitter):
    """A request from Cardiff about adult social care: NHS Wales Digital leads, WLGA and CDPS support."""
    client.force_login(submitter)
    answer_all(client)
    client.post("/ask/check/")
    client.logout()
    return HelpRequest.objects.get()


def test_team_member_sees_the_request_in_the_queue_with_its_age(client, sent, triager):
    client.force_login(triager)
    page = html.unescape(client.get("/teams/nhs-wales-digital/queue/").content.decode())
    assert sent.title in page and "Cardiff" in page and "today" in page and "0 days" not in page


def test_a_request_sent_today_says_today_and_one_sent_yesterday_says_yesterday_in_both_languages(
    client, sent, triager
):
    client.force_login(triager)
    page = client.get(f"/requests/{sent.reference}/").content.decode()
    assert "(today)" in page and "0 days ago" not in page
    assert "(heddiw)" in client.get(f"/cy/requests/{sent.reference}/").content.decode()
    HelpRequest.objects.filter(pk=sent.pk).update(created_at=sent.created_at - datetime.timedelta(days=1))
    assert "(yesterday)" in client.get(f"/requests/{sent.reference}/").content.decode()
    assert "(ddoe)" in client.get(f"/cy/requests/{sent.reference}/").content.decode()


def test_supporting_team_sees_it_under_supported_requests(client, sent, reference):
    member = User.objects.create_user("gareth@wlga.example", "a long password for gareth")
    from porth.accounts.services import team_add_member
    from porth.directory.models import LeadershipTeam

    team_add_member(user=member, team=LeadershipTeam.objects.get(slug="wlga-digital-team"))
    client.force_login(member)
    assert sent.title not in client.get("/teams/wlga-digital-team/queue/").content.decode()
    assert sent.title in client.get("/teams/wlga-digital-team/queue/?role=support").content.decode()
    detail = client.get(sent.get_absolute_url()).content.decode()
    assert "Change the status" not in detail, "a supporting team may read and write, not triage"


def test_the_requests_listed_for_someone_are_the_ones_they_may_open(sent, submitter, triager):
    from django.contrib.auth.models import AnonymousUser, Permission

    supporter = person("gareth@wlga.example", "welsh-local-government-association", team="wlga-digital-team")
    any_team = person("ops@porth.example")
    any_team.user_permissions.add(Permission.objects.get(codename="work_for_any_team"))
    public_servant = person("someone@swansea.example", "W06000011")
    sees = {submitter: True, triager: True, supporter: True, any_team: True, public_servant: False}
    for user, expected in [*sees.items(), (AnonymousUser(), False)]:
        listed = set(help_requests_visible_to(user))
        assert listed == {r for r in HelpRequest.objects.all() if help_request_access(user, r).view}, user
        assert listed == ({sent} if expected else set()), user


def test_queue_is_for_members_only(client, sent, submitter):
    assert client.get("/teams/nhs-wales-digital/queue/").status_code == 302
    client.force_login(submitter)
    assert client.get("/teams/nhs-wales-digital/queue/").status_code == 403


def test_queue_filters_by_status(client, sent, triager):
    client.force_login(triager)
    assert sent.title in client.get("/teams/nhs-wales-digital/queue/?status=new").content.decode()
    assert sent.title not in client.get("/teams/nhs-wales-digital/queue/?status=closed").content.decode()


def test_queue_query_count_does_not_grow_with_requests(client, sent, triager, submitter):
    client.force_login(submitter)
    for _ in range(5):
        answer_all(client)
        client.post("/ask/check/")
    client.force_login(triager)
    with CaptureQueriesContext(connection) as queries:
        client.get("/teams/nhs-wales-digital/queue/")
    assert len(queries) <= 8, [q["sql"] for q in queries]


def test_others_cannot_see_a_request_at_all(client, sent, reference):
    stranger = User.objects.create_user("x@example.org", "a long password for x")
    client.force_login(stranger)
    assert client.get(sent.get_absolute_url()).status_code == 404
    assert client.post(f"/requests/{sent.reference}/status/", {"status": "closed"}).status_code == 404


def test_lead_team_changes_status_and_the_submitter_sees_it_and_the_message(client, sent, triager, submitter):
    client.force_login(triager)
    response = client.post(
        f"/requests/{sent.reference}/status/", {"status": "needs_information", "message": "Which wards?"}
    )
    assert response.status_code == 302
    client.force_login(submitter)
    page = html.unescape(client.get(sent.get_absolute_url()).content.decode())
    assert "Needs more information" in page and "Which wards?" in page
    assert "Change the status" not in page


def test_asking_for_more_information_needs_a_message(client, sent, triager):
    client.force_login(triager)
    response = client.post(
        f"/requests/{sent.reference}/status/", {"status": "needs_information", "message": ""}
    )
    assert response.status_code == 400
    assert "Say what more information you need" in html.unescape(response.content.decode())
    sent.refresh_from_db()
    assert sent.status == "new"


def test_submitter_cannot_change_the_status(client, sent, submitter):
    client.force_login(submitter)
    assert client.post(f"/requests/{sent.reference}/status/", {"status": "closed"}).status_code == 403


def test_redirect_needs_a_team_and_a_reason_then_moves_the_request(client, sent, triager):
    client.force_login(triager)
    response = client.post(f"/requests/{sent.reference}/redirect/", {"team": "", "reason": ""})
    page = html.unescape(response.content.decode())
    assert "Choose the team to pass it to" in page and "Say why this team should lead" in page
    response = client.post(
        f"/requests/{sent.reference}/redirect/",
        {"team": "wlga-digital-team", "reason": "Council-led.", "keep_supporting": "on"},
    )
    assert response.url == "/teams/nhs-wales-digital/queue/"
    sent.refresh_from_db()
    assert sent.lead_team.slug == "wlga-digital-team" and sent.status == "new"
    assert "nhs-wales-digital" in sent.supporting_teams.values_list("slug", flat=True)


def test_saving_an_unchanged_status_records_and_sends_nothing(client, sent, triager):
    client.force_login(triager)
    response = client.post(f"/requests/{sent.reference}/status/", {"status": "new"}, follow=True)
    assert "nothing has changed" in html.unescape(response.content.decode())
    assert not sent.events.filter(kind="status").exists()


def test_a_request_that_could_go_either_way_is_kept_or_passed_in_one_step(client, sent, triager):
    assert sent.could_go_either_way and "wlga-digital-team" in [o["team"] for o in sent.overlap]
    client.force_login(triager)
    queue = html.unescape(client.get("/teams/nhs-wales-digital/queue/?either_way=1").content.decode())
    assert sent.title in queue and "Could go either way" in queue
    page = html.unescape(client.get(sent.get_absolute_url()).content.decode())
    assert "Keep it, or pass it on" in page and "Pass it to: WLGA digital team" in page
    response = client.post(f"/requests/{sent.reference}/pass/", {"team": "cdps-not-an-option"})
    sent.refresh_from_db()
    assert sent.lead_team.slug == "nhs-wales-digital"
    response = client.post(f"/requests/{sent.reference}/pass/", {"team": "wlga-digital-team"})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.lead_team.slug == "wlga-digital-team" and sent.status == "new"
    assert "nhs-wales-digital" in sent.supporting_teams.values_list("slug", flat=True)
    assert sent.decisions.first().redirect_reason.startswith("Some of the work is local government's")
    assert not sent.could_go_either_way


def test_keeping_it_takes_it_off_the_either_way_filter(client, sent, triager):
    client.force_login(triager)
    client.post(f"/requests/{sent.reference}/keep/")
    sent.refresh_from_db()
    assert not sent.could_go_either_way and sent.events.filter(kind="kept").exists()
    queue = html.unescape(client.get("/teams/nhs-wales-digital/queue/?either_way=1").content.decode())
    assert sent.title not in queue


def test_redirect_to_a_retired_team_is_refused(client, sent, triager, team):
    import datetime

    wg = team("welsh-government-digital")
    wg.active_to = datetime.date(2020, 1, 1)
    wg.save()
    client.force_login(triager)
    response = client.post(
        f"/requests/{sent.reference}/redirect/", {"team": "welsh-government-digital", "reason": "x"}
    )
    assert response.status_code == 400
    sent.refresh_from_db()
    assert sent.lead_team.slug == "nhs-wales-digital"


def test_submitter_and_team_write_to_each_other(client, sent, submitter, triager):
    client.force_login(submitter)
    client.post(f"/requests/{sent.reference}/message/", {"message": "We also run a phone line."})
    client.force_login(triager)
    assert "We also run a phone line." in client.get(sent.get_absolute_url()).content.decode()
    response = client.post(f"/requests/{sent.reference}/message/", {"message": ""})
    assert "Enter a message" in html.unescape(response.content.decode())


def test_my_requests_lists_only_my_own(client, sent, submitter, reference):
    client.force_login(submitter)
    assert sent.title in client.get("/requests/").content.decode()
    other = User.objects.create_user("y@example.org", "a long password for y")
    client.force_login(other)
    assert "You have not sent any requests yet." in client.get("/requests/").content.decode()
