"""The pool's pages: asking, matching, booking, the waiting list, squads; bad input explained without losing
what was typed; both languages; and the parts the project, organisation, team and front-door pages show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from porth.capability import services
from porth.capability.models import Booking, Engagement, SpecialistRequest
from porth.directory.models import Organisation
from porth.frontdoor.models import HelpRequest
from porth.portfolio import services as portfolio
from porth.testing import ANSWERS, answer_all, make_project, page_text

from .conftest import friday, week

pytestmark = pytest.mark.django_db


def boxes(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


ASK = {
    "organisation": "W06000015",
    "pool": "capability-model",
    "role": "user-researcher",
    "skills": ["research-welsh-speakers"],
    "what_for": "Research with residents who book recycling visits.",
    "days_per_week": "2,5",
    "welsh_needed": "yes",
}


def ask(weeks=(1, 4)):
    return {**ASK, **boxes("starts_on", week(weeks[0])), **boxes("ends_on", friday(weeks[1]))}


def test_asking_for_a_specialist_lands_in_the_pool_s_queue(client, cast):
    client.force_login(cast["asker"])
    form = page_text(client.get("/specialists/ask/"))
    assert "Which role do you need?" in form and 'value="W06000015" selected' in form.replace("\n", "")
    response = client.post("/specialists/ask/", ask())
    request = SpecialistRequest.objects.get()
    assert response.url == f"/specialists/requests/{request.reference}/sent/"
    assert str(request.days_per_week) == "2.5" and request.welsh_needed and request.language == "en"
    assert "Request sent" in page_text(client.get(response.url))
    client.force_login(cast["manager"])
    queue = page_text(client.get("/specialists/pools/capability-model/"))
    assert request.reference in queue and "User researcher" in queue


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"role": ""}, "Choose the role"),
        ({"role": "wizard"}, "Choose a role from the list"),
        ({"days_per_week": "two"}, "Enter the days a week as a number from 0.5 to 5, in half days"),
        ({"days_per_week": "2.25"}, "in half days"),
        ({"what_for": ""}, "Say what the work is and what the specialist should do"),
        ({"welsh_needed": ""}, "Select yes if the specialist needs to work in Welsh"),
        (
            {"organisation": "W06000011"},
            "Choose an organisation you work for, or one your leadership team serves",
        ),
        ({"ends_on_0": "31", "ends_on_1": "2"}, "Enter a real date"),
        ({**boxes("ends_on", week(-1))}, "The end must be the same as or after the start"),
        ({**boxes("starts_on", week(-2))}, "The start must be this week or later"),
        ({**boxes("ends_on", week(60))}, "Ask for 52 weeks or fewer at a time"),
        ({"project": "no such thing"}, "Enter the number of a project in the portfolio, or its address"),
    ],
)
def test_bad_answers_are_explained_and_keep_what_was_typed(client, cast, change, message):
    client.force_login(cast["asker"])
    response = client.post("/specialists/ask/", {**ask(), **change})
    page = page_text(response)
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    if "what_for" not in change:
        assert "Research with residents who book recycling visits." in page
    else:
        assert 'value="2,5"' in page  # the days typed are kept as typed
    assert not SpecialistRequest.objects.exists()


def test_a_project_is_named_by_its_number_or_its_address(client, cast):
    project = make_project(cast["asker"])
    client.force_login(cast["asker"])
    client.post("/specialists/ask/", {**ask(), "project": f"http://127.0.0.1:8000/cy/projects/{project.pk}/"})
    assert SpecialistRequest.objects.get().project == project


def test_errors_are_in_welsh_on_welsh_pages(client, cast):
    client.force_login(cast["asker"])
    page = page_text(client.post("/cy/specialists/ask/", {**ask(), "days_per_week": "dau"}))
    assert "Mae problem" in page and "Rhowch nifer y diwrnodau yr wythnos" in page


def test_the_manager_sees_matches_with_reasons_and_books_the_best(
    client, cast, make_specialist, make_request
):
    make_specialist("Catrin Hughes", skills=["research-welsh-speakers"], welsh=5, days="4")
    make_specialist("Tom Baker", role="accessibility-specialist", welsh=0, days="2")
    request = make_request(skills=["research-welsh-speakers"], welsh=True)
    client.force_login(cast["manager"])
    page = page_text(client.get(f"/specialists/requests/{request.reference}/matches/"))
    assert page.index("Catrin Hughes") < page.index("Tom Baker")
    assert "Match: 100 out of 100" in page and "The same role: User researcher" in page
    assert (
        "Can work in Welsh (level 5)" in page
        and "Cannot yet work in Welsh (level 0), and Welsh is needed" in page
    )
    catrin = request.pool.specialists.get(full_name="Catrin Hughes")
    form = page_text(client.get(f"/specialists/requests/{request.reference}/book/{catrin.pk}/"))
    assert f'value="{week(1).day}"' in form
    data = {**boxes("first_week", week(1)), **boxes("last_week", friday(4)), "days_per_week": "2"}
    response = client.post(f"/specialists/requests/{request.reference}/book/{catrin.pk}/", data)
    booking = Booking.objects.get()
    assert response.url == booking.get_absolute_url() and booking.status == Booking.Status.CONFIRMED
    assert "The booking is confirmed." in page_text(client.get(response.url, follow=True))


def test_a_booking_that_does_not_fit_shows_the_short_weeks_and_can_wait(
    client, cast, make_specialist, make_request, book
):
    catrin = make_specialist(days="2")
    book(catrin, make_request(), days="2", first=2, last=2)
    request = make_request()
    client.force_login(cast["manager"])
    data = {**boxes("first_week", week(1)), **boxes("last_week", week(3)), "days_per_week": "1"}
    response = client.post(f"/specialists/requests/{request.reference}/book/{catrin.pk}/", data)
    page = page_text(response)
    assert response.status_code == 400 and "There is a problem" in page
    assert "Catrin Hughes is not free for 1 day a week in 1 of those weeks." in page
    assert week(2).strftime("%Y-%m-%d") in page and "Put it on the waiting list, unconfirmed" in page
    assert Booking.objects.count() == 1
    response = client.post(
        f"/specialists/requests/{request.reference}/book/{catrin.pk}/", {**data, "wait": "1"}
    )
    waiting = Booking.objects.get(request=request)
    assert waiting.status == Booking.Status.WAITING
    assert "on the waiting list, unconfirmed" in page_text(client.get(response.url, follow=True))


def test_the_queue_puts_offers_first_then_the_oldest(client, cast, make_specialist, make_request, book):
    catrin = make_specialist(days="2")
    blocking = book(catrin, make_request(), days="2", first=1, last=1)
    older_open = make_request(what_for="The oldest open request.")
    offered_request = make_request(what_for="Offered.")
    waiting = book(catrin, offered_request, days="2", first=1, last=1, wait=True)
    services.booking_cancel(booking=blocking, user=None, reason="Not needed.")
    client.force_login(cast["manager"])
    page = page_text(client.get("/specialists/pools/capability-model/"))
    assert page.index(offered_request.reference) < page.index(older_open.reference)
    # The asker sees the offer on the request, and takes it up.
    client.force_login(cast["asker"])
    page = page_text(client.get(offered_request.get_absolute_url()))
    assert "Confirm the booking of Catrin Hughes" in page
    client.post(
        f"/specialists/bookings/{waiting.pk}/answer/",
        {"answer": "confirm", "next": offered_request.get_absolute_url()},
    )
    waiting.refresh_from_db()
    assert waiting.status == Booking.Status.CONFIRMED


def test_withdrawing_asks_for_confirmation_first(client, cast, make_request):
    request = make_request()
    client.force_login(cast["asker"])
    page = page_text(client.get(f"/specialists/requests/{request.reference}/withdraw/"))
    assert "Are you sure you want to withdraw the request?" in page
    request.refresh_from_db()
    assert not request.is_closed
    client.post(f"/specialists/requests/{request.reference}/withdraw/", {"reason": "Found someone."})
    request.refresh_from_db()
    assert request.status == SpecialistRequest.Status.WITHDRAWN


def test_declining_without_a_reason_is_explained(client, cast, make_request):
    request = make_request()
    client.force_login(cast["manager"])
    response = client.post(f"/specialists/requests/{request.reference}/decline/", {"reason": ""})
    assert response.status_code == 400
    assert "Say why the pool cannot help, so the organisation knows what to do" in page_text(response)


def test_leave_that_would_overbook_is_explained_on_the_form(
    client, cast, make_specialist, make_request, book
):
    catrin = make_specialist(days="2")
    book(catrin, make_request(), days="2", first=2, last=2)
    client.force_login(cast["manager"])
    data = {**boxes("starts_on", week(2)), **boxes("ends_on", friday(2)), "note": "Holiday"}
    response = client.post(f"/specialists/people/{catrin.pk}/leave/", data)
    page = page_text(response)
    assert response.status_code == 400 and "would then be booked for more days than they are free" in page
    assert 'value="Holiday"' in page


def test_a_specialist_sees_their_own_week_by_week_availability(
    client, cast, make_specialist, make_request, book
):
    catrin = make_specialist(user=cast["specialist"], days="4")
    book(catrin, make_request(), days="2.5", first=0, last=1)
    client.force_login(cast["specialist"])
    response = client.get("/specialists/mine/")
    assert response.url == catrin.get_absolute_url()
    page = page_text(client.get(f"/cy{catrin.get_absolute_url()}"))
    assert "Argaeledd fesul wythnos" in page and "1.5" in page


def test_the_specialist_list_filters_and_paginates(client, cast, make_specialist):
    for n in range(27):
        make_specialist(f"Person {n:02d}", welsh=5 if n % 3 == 0 else 0)
    make_specialist("Dylan Williams", role="data-analyst", welsh=0)
    client.force_login(cast["manager"])
    page = page_text(client.get("/specialists/people/"))
    assert "28 specialists" in page and 'rel="next"' in page
    assert "1 specialist" in page_text(client.get("/specialists/people/?role=data-analyst"))
    assert "9 specialists" in page_text(client.get("/specialists/people/?welsh=on"))
    assert client.get("/specialists/people/?role=wizard").status_code == 400


def test_the_specialist_list_reads_a_page_in_a_fixed_number_of_queries(client, cast, make_specialist):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/specialists/people/").status_code == 200
        return len(captured)

    client.force_login(cast["manager"])
    make_specialist("One")
    few = queries()
    for n in range(10):
        make_specialist(f"More {n}", skills=["sql", "python"])
    assert queries() == few


def test_recording_an_engagement_and_its_progress_through_the_project_s_updates(
    client, cast, make_specialist
):
    project = make_project(cast["asker"])
    client.force_login(cast["manager"])
    form = page_text(client.get(f"/squads/new/?project={project.pk}"))
    assert f'value="{project.pk}"' in form
    data = {
        "title_en": "Bilingual patterns",
        "title_cy": "Patrymau dwyieithog",
        "pool": "capability-model",
        "phase": "beta",
        "visibility": "public",
        "goals_en": "Patterns councils can reuse.",
        "organisation_1": "W06000015",
        "project_1": str(project.pk),
        **boxes("starts_on", week(0)),
    }
    response = client.post("/squads/new/", data)
    engagement = Engagement.objects.get()
    assert response.url == engagement.get_absolute_url()
    portfolio.project_report(
        project=project,
        user=cast["asker"],
        status="on_track",
        status_reason="",
        what_happened="The squad ran its first show and tell.",
        whats_next="",
        language="en",
    )
    page = page_text(client.get(response.url))
    assert "The squad ran its first show and tell." in page and "Goals" in page
    assert "This engagement has not been described in Welsh yet." in page  # the goals are English only
    # The squad: someone from the pool, booked for it.
    rhys = make_specialist("Rhys Thomas")
    client.post(
        f"/squads/{engagement.pk}/book/",
        {
            "specialist": rhys.pk,
            "organisation": "W06000015",
            "days_per_week": "1",
            **boxes("first_week", week(1)),
            **boxes("last_week", week(3)),
        },
    )
    assert "Rhys Thomas" in page_text(client.get(response.url))
    # The project page shows the squad, and offers its people a specialist.
    client.force_login(cast["asker"])
    project_page = page_text(client.get(project.get_absolute_url()))
    assert (
        "Bilingual patterns" in project_page
        and "Ask the pool for a specialist for this project" in project_page
    )


def test_an_engagement_with_no_title_and_no_organisation_is_explained(client, cast):
    client.force_login(cast["manager"])
    response = client.post(
        "/squads/new/",
        {"pool": "capability-model", "phase": "beta", "visibility": "public", "goals_en": "Kept."},
    )
    page = page_text(response)
    assert response.status_code == 400
    for message in (
        "Enter a title in English or in Welsh",
        "Choose at least one organisation",
        "Enter the start date",
    ):
        assert message in page
    assert "Kept." in page


def test_a_public_sector_engagement_is_hidden_from_the_public(client, cast, pool):
    engagement = services.engagement_create(
        user=None,
        fields={
            "title_en": "Internal",
            "pool": pool,
            "phase": "alpha",
            "starts_on": week(0),
            "visibility": "public_sector",
        },
        organisations=[Organisation.objects.get(code="W06000015")],
        projects=[],
    )
    assert client.get(engagement.get_absolute_url()).status_code == 404
    assert "Internal" not in page_text(client.get("/squads/"))
    client.force_login(cast["other_org"])
    assert client.get(engagement.get_absolute_url()).status_code == 200


def test_organisation_and_team_pages_show_the_squads(client, pool):
    engagement = services.engagement_create(
        user=None,
        fields={
            "title_en": "Council tax in Welsh first",
            "pool": pool,
            "phase": "alpha",
            "starts_on": week(0),
        },
        organisations=[Organisation.objects.get(code="W06000002")],
        projects=[],
    )
    organisation_page = page_text(client.get("/organisations/W06000002/"))
    assert "Squads it has worked with" in organisation_page and engagement.title_en in organisation_page
    team_page = page_text(client.get("/teams/wlga-digital-team/"))
    assert "Capability model: specialists for councils" in team_page and engagement.title_en in team_page
    assert "Council tax in Welsh first" not in page_text(client.get("/organisations/W06000015/"))


def test_the_front_door_offers_the_pool_when_specialists_are_asked_for(client, cast):
    client.force_login(cast["asker"])
    answer_all(client, answers={**ANSWERS, "help": {"help_wanted": ["specialists", "service_design"]}})
    response = client.post("/ask/check/")
    confirmation = page_text(client.get(response.url))
    help_request = HelpRequest.objects.get()
    assert "Ask the pool for a specialist" in confirmation
    offer = f"/specialists/ask/?organisation=W06000015&from={help_request.reference}"
    assert offer in confirmation.replace("&amp;", "&")
    client.post(f"/specialists/ask/?from={help_request.reference}", {**ask(), "from": help_request.reference})
    raised = SpecialistRequest.objects.get()
    assert raised.front_door_reference == help_request.reference
    page = page_text(client.get(help_request.get_absolute_url()))
    assert f"{raised.reference}: a specialist, User researcher" in page
    assert f"Front-door request {help_request.reference}" in page_text(client.get(raised.get_absolute_url()))


def test_the_front_door_offers_nothing_when_specialists_are_not_asked_for(client, cast):
    client.force_login(cast["asker"])
    answer_all(client)
    response = client.post("/ask/check/")
    assert "Ask the pool for a specialist" not in page_text(client.get(response.url))


def test_welsh_pages_are_in_welsh(client, cast, make_specialist, make_request):
    make_specialist()
    request = make_request()
    client.force_login(cast["manager"])
    assert "Arbenigwyr a sgwadiau" in page_text(client.get("/cy/specialists/"))
    assert "Pwy sy'n cyfateb" in page_text(
        client.get(f"/cy/specialists/requests/{request.reference}/matches/")
    )
    assert "Defnydd" in page_text(client.get("/cy/specialists/pools/capability-model/utilisation/"))
    assert "Ymgysylltiadau sgwadiau" in page_text(client.get("/cy/squads/"))
