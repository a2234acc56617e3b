"""Your work: a signed-in person's team requests, reviews, actions, stale projects and training, one page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from porth.directory.models import Organisation
from porth.frontdoor import services as frontdoor
from porth.portfolio.models import Project
from porth.standards import services as standards
from porth.standards.models import Framework, Standard
from porth.testing import make_project, page_text

pytestmark = pytest.mark.django_db

DSS = "digital-service-standards-wales"


def a_request(submitter, title):
    answers = frontdoor.Answers(
        organisation=Organisation.objects.get(code="W06000015"),
        others=[],
        title=title,
        description="People want to book a library room online.",
        health_or_social_care=False,
        welsh_government_service=False,
        help_wanted=["service_design"],
        phase="discovery",
        timescale="not_sure",
        contact_name="Alys",
        contact_email=submitter.email,
    )
    return frontdoor.request_submit(user=submitter, answers=answers, language="en")


def add_work(people, n, start=0):
    """n of each kind of work for the WLGA team member: requests to the team, a peer review of a Cardiff
    project the team leads, and their own stale project with a self-review in progress and an open action."""
    member, owner = people["team_member"], people["owner"]
    framework = Framework.objects.get(slug=DSS)
    standard = Standard.objects.get(framework=framework, number=1)
    for i in range(start, start + n):
        a_request(owner, f"Library booking {i}")
        sent = standards.review_start(
            project=make_project(owner), framework=framework, phase="alpha", user=owner
        )
        standards.review_submit(review=sent, user=owner)
        mine = make_project(member, title_en=f"Member project {i}")
        draft = standards.review_start(project=mine, framework=framework, phase="alpha", user=member)
        standards.answer_save(
            review=draft,
            standard=standard,
            user=member,
            rating="partly",
            not_applicable_reason="",
            evidence="",
            evidence_links=[],
            actions=[
                {"what": f"Test with screen readers {i}", "who": "Alys", "due_on": datetime.date(2020, 1, 1)}
            ],
        )
    Project.objects.filter(owners=member).update(last_update_at=timezone.now() - datetime.timedelta(days=200))


def test_signing_in_is_needed(client, reference):
    response = client.get("/your-work/")
    assert response.status_code == 302 and "next=/your-work/" in response.url


def test_a_team_member_sees_their_teams_requests_reviews_actions_and_stale_projects(client, people):
    add_work(people, 1)
    client.force_login(people["team_member"])
    home = page_text(client.get("/"))
    assert 'href="/your-work/"' in home and "Your work" in home
    page = page_text(client.get("/your-work/"))
    assert "Library booking 0" in page and "1 open request" in page
    assert "Peer review of Booking a visit to a recycling centre against the" in page
    assert "Self-review of Member project 0" in page
    assert "Test with screen readers 0" in page and "Overdue" in page
    assert "Report an update on Member project 0" in page
    assert "You have no training booked." in page
    welsh = page_text(client.get("/cy/your-work/"))
    assert "Eich gwaith" in welsh and "1 cais agored" in welsh


def test_someone_in_no_team_with_nothing_waiting_sees_an_empty_state_for_each_section(client, people):
    add_work(people, 1)  # the team's work is not theirs
    client.force_login(people["colleague"])
    page = page_text(client.get("/your-work/"))
    assert "Library booking 0" not in page and "Member project 0" not in page
    for empty in (
        "You are not a member of a leadership team, so no front-door requests come to you.",
        "You have no peer reviews waiting and no self-reviews in progress.",
        "No review actions are open on your projects.",
        "All your projects have had an update in the last 90 days.",
        "You have no training booked.",
    ):
        assert empty in page


def test_a_team_member_with_nothing_waiting_is_told_so(client, people):
    client.force_login(people["team_member"])
    page = page_text(client.get("/your-work/"))
    assert "0 open requests" in page and "Your teams have no open requests." in page


def test_the_page_asks_the_database_the_same_number_of_times_for_one_item_or_many(client, people):
    client.force_login(people["team_member"])
    add_work(people, 1)
    with CaptureQueriesContext(connection) as one:
        assert client.get("/your-work/").status_code == 200
    add_work(people, 4, start=1)
    with CaptureQueriesContext(connection) as many:
        page = page_text(client.get("/your-work/"))
    assert "Library booking 4" in page and "Test with screen readers 4" in page
    assert len(many) == len(one), [q["sql"] for q in many.captured_queries]
