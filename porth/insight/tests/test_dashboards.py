"""Every figure on the dashboards, checked against data built in the test, through the pages themselves."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks import default_task_backend

from porth.capability import services as capability
from porth.capability.models import Booking as SpecialistBooking
from porth.capability.models import DdatRole, Pool, Specialist
from porth.directory.models import LeadershipTeam, Organisation, ProgrammeItem, WellbeingGoal
from porth.frontdoor import services as frontdoor
from porth.frontdoor.models import HelpRequest, RequestEvent
from porth.portfolio.models import Project, ProjectUpdate
from porth.skills import services as skills
from porth.skills.models import Booking, Session
from porth.standards.models import Action, Answer, Framework, Review
from porth.testing import PASSWORD, body_text, make_project, person

pytestmark = pytest.mark.django_db


def chart(response, slug):
    """A chart's figures by code: a number, or "<5" when suppressed."""
    found = response.context["charts"][slug]
    return {row.key: ("<5" if row.shown.suppressed else row.shown.value) for row in found.rows}


def total_on_page(response) -> str:
    """The "Projects" figure as the page shows it (the page body may come from the cache)."""
    found = re.search(
        r'<dt class="govuk-summary-list__key">Projects</dt>'
        r'<dd class="govuk-summary-list__value">([^<]+)</dd>',
        response.content.decode(),
    )
    return found.group(1).strip()


def figure(shown):
    return "<5" if shown.suppressed else shown.value


@pytest.fixture
def wlga(reference):
    return LeadershipTeam.objects.get(slug="wlga-digital-team")


@pytest.fixture
def portfolio(people, wlga):
    """Cardiff's projects: 2 in alpha (one private), 1 in beta at risk, 1 retired, 1 supported by WLGA but
    led by
    CDPS, and 1 of NHS Wales Digital's that WLGA has nothing to do with."""
    owner = people["owner"]
    item = ProgrammeItem.objects.get(programme__team=wlga, number=1)
    cdps = LeadershipTeam.objects.get(slug="cdps")
    nhs = LeadershipTeam.objects.get(slug="nhs-wales-digital")
    made = {
        "alpha": make_project(owner),
        "alpha_private": make_project(owner, visibility="private"),
        "beta": make_project(owner, phase="beta", status="at_risk"),
        "retired": make_project(owner, phase="retired"),
        "supported": make_project(owner, lead_team=cdps),
        "nhs": make_project(owner, lead_team=nhs, phase="live"),
    }
    made["supported"].supporting_teams.add(wlga)
    made["alpha"].programme_items.add(item)
    made["beta"].programme_items.add(item)
    made["beta"].wellbeing_goals.add(WellbeingGoal.objects.get(number=3))
    return made


def test_team_dashboard_counts_its_portfolio_by_phase_status_and_programme_item(
    client, people, portfolio, wlga
):
    client.force_login(people["team_member"])
    response = client.get("/dashboards/teams/wlga-digital-team/")
    assert response.status_code == 200
    assert figure(response.context["portfolio"]["total"]) == 5  # led or supported by WLGA; not NHS's
    phases = chart(response, "phase")
    assert phases["alpha"] == 3 and phases["beta"] == 1 and phases["retired"] == 1 and phases["live"] == 0
    assert chart(response, "status") == {"on_track": 3, "at_risk": 1, "off_track": 0}  # retired left out
    items = chart(response, "items")
    first = str(ProgrammeItem.objects.get(programme__team=wlga, number=1).pk)
    assert items[first] == 2 and sum(items.values()) == 2
    assert "lead-team" not in response.context["charts"]


def test_stale_projects_and_monthly_trends(client, people, portfolio):
    client.force_login(people["team_member"])
    long_ago = timezone.now() - datetime.timedelta(days=200)
    Project.objects.filter(pk=portfolio["beta"].pk).update(last_update_at=long_ago)
    Project.objects.filter(pk=portfolio["retired"].pk).update(
        last_update_at=long_ago
    )  # retired is never stale
    ProjectUpdate.objects.create(
        project=portfolio["alpha"], status="on_track", what_happened="Tested with residents."
    )
    response = client.get("/dashboards/teams/wlga-digital-team/")
    assert figure(response.context["portfolio"]["stale"]) == 1
    this_month = timezone.localdate().strftime("%Y-%m")
    added = chart(response, "added")
    assert added[this_month] == 5 and sum(added.values()) == 5 and len(added) == 12
    assert chart(response, "updates")[this_month] == 1


def test_date_range_filters_the_months_and_says_what_is_wrong(client, people, portfolio):
    client.force_login(people["team_member"])
    Project.objects.filter(pk=portfolio["alpha"].pk).update(
        created_at=timezone.make_aware(datetime.datetime(2024, 2, 10))
    )
    query = {"start_0": "1", "start_1": "1", "start_2": "2024", "end_0": "31", "end_1": "3", "end_2": "2024"}
    response = client.get("/dashboards/teams/wlga-digital-team/", query)
    assert chart(response, "added") == {"2024-01": 0, "2024-02": 1, "2024-03": 0}
    assert figure(response.context["portfolio"]["total"]) == 1  # only what existed by the end of March 2024
    wrong = client.get("/cy/dashboards/teams/wlga-digital-team/", {**query, "end_2": "2023"})
    assert "Rhaid i'r dyddiad gorffen fod yr un fath â'r dyddiad dechrau neu ar ei ôl" in html.unescape(
        wrong.content.decode()
    )
    assert len(chart(wrong, "added")) == 12  # the default period, with the error shown


def _request_for(submitter, **changes):
    answers = frontdoor.Answers(
        organisation=Organisation.objects.get(code="W06000015"),
        others=[],
        title="Library booking",
        description="People want to book a library room online.",
        health_or_social_care=False,
        welsh_government_service=False,
        help_wanted=["service_design"],
        phase="discovery",
        timescale="not_sure",
        contact_name="Alys",
        contact_email=submitter.email,
        **changes,
    )
    return frontdoor.request_submit(user=submitter, answers=answers, language="en")


def test_front_door_volumes_ages_first_answers_and_redirects(client, people, wlga):
    member = people["team_member"]
    requests = [_request_for(people["owner"]) for _ in range(6)]
    assert {r.lead_team_id for r in requests} == {wlga.pk}
    now = timezone.now()
    HelpRequest.objects.filter(pk=requests[0].pk).update(created_at=now - datetime.timedelta(days=40))
    for days, request in zip([1, 3, 5], requests[1:4], strict=True):
        frontdoor.request_change_status(request=request, user=member, team=wlga, status="accepted")
        RequestEvent.objects.filter(request=request, kind="status").update(
            created_at=request.created_at + datetime.timedelta(days=days)
        )
    frontdoor.request_redirect(
        request=requests[5],
        user=member,
        from_team=wlga,
        to_team=LeadershipTeam.objects.get(slug="cdps"),
        reason="Shared work.",
    )
    client.force_login(member)
    response = client.get("/dashboards/teams/wlga-digital-team/")
    door = response.context["front_door"]
    assert figure(door["answered"]) == 3  # the redirected request is now CDPS's, so not counted here
    assert door["median_days"] is not None and 2.9 < door["median_days"] < 5.1
    assert figure(door["redirects"]["passed_on"]) == 1 and figure(door["redirects"]["received"]) == 0
    this_month = timezone.localdate().strftime("%Y-%m")
    assert chart(response, "requests")[this_month] == 4  # six sent, one 40 days ago, one now led by CDPS
    ages = chart(response, "request-ages")
    assert ages == {"0-7": 4, "8-30": 0, "31-90": 1, "91+": 0}


def test_front_door_figures_are_suppressed_for_people_outside_the_team(client, people, wlga):
    _request_for(people["owner"])
    _request_for(people["owner"])
    outsider = person("reader@swansea.example", "W06000011")
    client.force_login(outsider)
    response = client.get("/dashboards/teams/wlga-digital-team/")
    this_month = timezone.localdate().strftime("%Y-%m")
    assert chart(response, "requests")[this_month] == "<5"
    assert response.context["front_door"]["median_days"] is None
    assert "fewer than 5" in response.content.decode()


def test_reviews_and_overdue_actions(client, people, portfolio):
    framework = Framework.objects.current()[0]
    review = Review.objects.create(
        project=portfolio["alpha"], framework=framework, phase="alpha", started_by=people["owner"]
    )
    Review.objects.create(project=portfolio["beta"], framework=framework, phase="beta", state="reviewed")
    answer = Answer.objects.create(review=review, standard=framework.standards.first(), rating="partly")
    today = timezone.localdate()
    Action.objects.create(
        answer=answer, what="Test with Welsh speakers", who="Team", due_on=today - datetime.timedelta(days=3)
    )
    Action.objects.create(
        answer=answer, what="Publish the code", who="Team", due_on=today + datetime.timedelta(days=9)
    )
    Action.objects.create(
        answer=answer, what="Map the journey", who="Team", due_on=today, done_at=timezone.now()
    )
    client.force_login(people["team_member"])
    response = client.get("/dashboards/teams/wlga-digital-team/")
    reviews = response.context["reviews"]
    assert figure(reviews["open_actions"]) == 2 and figure(reviews["overdue_actions"]) == 1
    assert figure(reviews["done_actions"]) == 1
    assert chart(response, "reviews") == {"draft": 1, "submitted": 0, "reviewed": 1}


def _course(team_slug: str, user):
    return skills.course_create(
        user=user,
        fields={
            "title_en": "Working in the open",
            "title_cy": "Gweithio yn yr awyr agored",
            "summary_en": "Show the work as it happens.",
            "summary_cy": "Dangos y gwaith wrth iddo ddigwydd.",
            "provider_team": LeadershipTeam.objects.get(slug=team_slug),
        },
        audiences=["staff"],
    )


def _attended(course, user, language: str, learners: list, cancelled: bool = False):
    """A session of the course, in `language`, that began an hour ago with every learner marked present."""
    starts = timezone.now() + datetime.timedelta(days=14)
    session = skills.session_create(
        course=course,
        user=user,
        fields={
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=2),
            "language": language,
            "capacity": max(len(learners), 1),
            "booking_closes_at": starts - datetime.timedelta(days=2),
        },
    )
    cardiff = Organisation.objects.get(code="W06000015")
    for learner in learners:
        skills.booking_create(
            session=session,
            person=learner,
            booked_by=learner,
            organisation=cardiff,
            audience="staff",
            notify=False,
        )
    if cancelled:
        skills.session_cancel(session=session, user=user, notify=False)
        return session
    now = timezone.now()
    Session.objects.filter(pk=session.pk).update(
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=1),
        booking_closes_at=now - datetime.timedelta(days=1),
    )
    skills.attendance_mark_all(session=session, user=user, notify=False)
    return session


@pytest.fixture
def training(people):
    """CDPS's course: 5 people at a session in Welsh, 1 at one in English, and a cancelled bilingual one.
    WLGA's course: 2 people at a bilingual session."""
    cdps_member = person("mared@cdps.example", "centre-for-digital-public-services", team="cdps")
    learners = [person(f"learner{n}@cardiff.example", "W06000015") for n in range(5)]
    course = _course("cdps", cdps_member)
    _attended(course, cdps_member, "cy", learners)
    _attended(course, cdps_member, "en", learners[:1])
    _attended(course, cdps_member, "bilingual", learners[:3], cancelled=True)
    wlga_member = people["team_member"]
    _attended(_course("wlga-digital-team", wlga_member), wlga_member, "bilingual", learners[:2])
    return {"cdps_member": cdps_member}


def test_training_attendance_by_language_counts_the_teams_own_sessions(client, training):
    client.force_login(training["cdps_member"])
    response = client.get("/dashboards/teams/cdps/")
    assert chart(response, "training") == {"en": 1, "cy": 5, "both": 0}  # WLGA's and the cancelled one not
    assert "In English: 1; In Welsh: 5; In both languages: 0." in response.content.decode()
    wales = client.get("/dashboards/wales/")
    # Attendance is never published one by one: outside the team, 1 to 4 is "fewer than 5".
    assert chart(wales, "training") == {"en": "<5", "cy": 5, "both": "<5"}
    client.logout()
    assert chart(client.get("/dashboards/teams/cdps/"), "training") == {"en": "<5", "cy": 5, "both": 0}
    welsh = html.unescape(client.get("/cy/dashboards/teams/cdps/").content.decode())
    assert "Yn Gymraeg: 5" in welsh and "Presenoldeb mewn hyfforddiant" in welsh


def test_training_attendance_downloads_with_small_numbers_suppressed(client, training):
    body = body_text(client.get("/dashboards/teams/cdps/", {"csv": "training"}))
    assert body.splitlines() == [
        "code,label,value,suppressed_below",
        "en,In English,,5",
        "cy,In Welsh,5,",
        "both,In both languages,0,",
    ]


@pytest.fixture
def specialist_booked(people):
    """A specialist in WLGA's pool from this week, four days a week, booked for two days of this week."""
    pool = Pool.objects.get(slug="capability-model")
    specialist = capability.specialist_create(
        user=None,
        fields={
            "pool": pool,
            "full_name": "Catrin Hughes",
            "role": DdatRole.objects.get(slug="user-researcher"),
            "home_organisation": Organisation.objects.get(code="welsh-local-government-association"),
            "working_days": Decimal("4"),
            "joined_on": capability.this_week(),
        },
        skills=[],
    )
    capability.booking_make(
        specialist=specialist,
        user=None,
        target=capability.BookingFor(organisation=Organisation.objects.get(code="W06000015")),
        first_week=capability.this_week(),
        last_week=capability.this_week(),
        days_per_week=Decimal("2"),
    )
    return pool


def test_specialist_utilisation_is_each_pools_booked_days_against_its_days(client, specialist_booked):
    pool, squad = specialist_booked, Pool.objects.get(slug="transformation-squad")
    team = client.get("/dashboards/teams/wlga-digital-team/")
    assert chart(team, "specialists") == {pool.name_en: 50}
    page = team.content.decode()
    assert f"{html.escape(pool.name_en)}: 50" in page and "Catrin Hughes" not in page  # the pool's, not hers
    assert chart(client.get("/dashboards/wales/"), "specialists") == {pool.name_en: 50, squad.name_en: 0}
    welsh = html.unescape(client.get("/cy/dashboards/teams/wlga-digital-team/").content.decode())
    assert f"{pool.name_cy}: 50" in welsh
    nhs = client.get("/dashboards/teams/nhs-wales-digital/").content.decode()
    assert "This team does not run a specialist pool." in nhs
    nhs_cy = html.unescape(client.get("/cy/dashboards/teams/nhs-wales-digital/").content.decode())
    assert "Nid yw'r tîm hwn yn rhedeg cronfa arbenigwyr." in nhs_cy


def test_a_training_or_specialist_write_makes_the_cached_figures_stale(client, training, specialist_booked):
    client.force_login(training["cdps_member"])
    assert chart(client.get("/dashboards/teams/cdps/"), "training")["cy"] == 5
    Booking.objects.filter(session__language="cy").first().delete()
    assert chart(client.get("/dashboards/teams/cdps/"), "training")["cy"] == 4
    assert chart(client.get("/dashboards/wales/"), "specialists")[specialist_booked.name_en] == 50
    SpecialistBooking.objects.update(days_per_week=Decimal("1"))
    Specialist.objects.get().save()  # a queryset update sends no signal; any save makes the figures stale
    assert chart(client.get("/dashboards/wales/"), "specialists")[specialist_booked.name_en] == 25


def test_item_goal_organisation_and_wales_dashboards_count_their_own_projects(
    client, people, portfolio, wlga
):
    client.force_login(people["owner"])
    item = ProgrammeItem.objects.get(programme__team=wlga, number=1)
    assert figure(client.get(f"/dashboards/programme-items/{item.pk}/").context["portfolio"]["total"]) == 2
    assert figure(client.get("/dashboards/goals/3/").context["portfolio"]["total"]) == 1
    cardiff = client.get("/dashboards/organisations/W06000015/")
    assert figure(cardiff.context["portfolio"]["total"]) == 6  # Cardiff's own people see its private project
    # The Vale is a partner in all six, but its private one is not counted for someone from Cardiff (fewer
    # than 5).
    assert figure(client.get("/dashboards/organisations/W06000014/").context["portfolio"]["total"]) == 5
    assert figure(client.get("/dashboards/organisations/W06000011/").context["portfolio"]["total"]) == 0
    wales = client.get("/dashboards/wales/")
    # The owner sees their own private project one by one, but not in the all-Wales figures (fewer than 5).
    assert figure(wales.context["portfolio"]["total"]) == 5
    teams = {row["team"].slug: row["summary"] for row in wales.context["team_rows"]}
    assert figure(teams["nhs-wales-digital"]["total"]) == 1
    assert chart(wales, "lead-team")[str(wlga.pk)] == 3  # led by WLGA and visible to all signed-in servants


def test_a_write_has_the_kept_figures_worked_out_again(client, people, portfolio):
    """The tests' task backend runs a task at once: the refresh a write asks for is done within the read."""
    client.force_login(people["team_member"])
    url = "/dashboards/teams/wlga-digital-team/"
    assert total_on_page(client.get(url)) == "5"
    with CaptureQueriesContext(connection) as read_again:
        assert total_on_page(client.get(url)) == "5"
    assert not any("portfolio_project" in query["sql"] for query in read_again.captured_queries)  # kept
    make_project(people["owner"], phase="beta")
    assert total_on_page(client.get(url)) == "6"
    Project.objects.get(pk=portfolio["beta"].pk).delete()
    assert total_on_page(client.get(url)) == "5"


def test_after_a_write_readers_get_the_last_figures_until_one_background_refresh_has_run(
    client, people, portfolio, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # queued, not run
    client.force_login(people["team_member"])
    url = "/dashboards/teams/wlga-digital-team/"
    assert total_on_page(client.get(url)) == "5"  # nothing kept yet: worked out now
    make_project(people["owner"], phase="beta")
    for _ in range(3):
        page = client.get(url)
        assert total_on_page(page) == "5"  # no reader waits for the new figures
    assert "worked out again in the background" in page.content.decode()
    queued = default_task_backend.results
    assert [result.task.name for result in queued] == ["figures_refresh"]  # asked for once, not per reader
    queued[0].task.call(*queued[0].args)
    assert total_on_page(client.get(url)) == "6"
    assert len(default_task_backend.results) == 1  # fresh again: nothing more to ask for


def test_each_chart_downloads_as_rfc_4180_csv(client, people, portfolio):
    client.force_login(people["team_member"])
    response = client.get("/dashboards/teams/wlga-digital-team/", {"csv": "phase"})
    assert response["Content-Type"].startswith("text/csv") and "header=present" in response["Content-Type"]
    body = body_text(response)
    assert body.startswith("code,label,value,suppressed_below\r\n")
    assert "alpha,Alpha,3,\r\n" in body
    assert client.get("/dashboards/teams/wlga-digital-team/", {"csv": "nonsense"}).status_code == 404


def test_charts_are_accessible_svg_with_a_table_and_no_script(client, people, portfolio):
    client.force_login(people["team_member"])
    page = client.get("/dashboards/teams/wlga-digital-team/").content.decode()
    assert 'role="img"' in page and 'aria-labelledby="chart-phase-title chart-phase-desc"' in page
    assert '<desc id="chart-phase-desc">' in page and "Alpha: 3" in page
    assert "<script" not in page.split('id="main-content"')[1].split("</main>")[0]
    assert (
        '<caption class="govuk-table__caption govuk-table__caption--s">'
        "Projects by phase: the figures</caption>" in page
    )


def test_pages_exist_in_welsh(client, reference):
    assert (
        "Gwasanaethau cyhoeddus digidol yng Nghymru"
        in client.get("/cy/digital-public-services/").content.decode()
    )
    assert client.get("/cy/dashboards/").status_code == 200


def test_unknown_dashboards_are_not_found(client, reference):
    assert client.get("/dashboards/teams/no-such-team/").status_code == 404
    assert client.get("/dashboards/organisations/XYZ/").status_code == 404
    assert client.get("/dashboards/goals/99/").status_code == 404


__all__ = ["PASSWORD"]
