"""Every write through the web, for every part someone can play: who may, who may not, and that a refusal
changes nothing. Reads too: who sees a request, a booking, a specialist, the queue and utilisation."""

import pytest

from porth.capability import services
from porth.capability.models import Booking, Engagement, Leave, Specialist, SpecialistRequest
from porth.directory.models import Organisation

from .conftest import friday, week

pytestmark = pytest.mark.django_db

ROLES = [
    "manager",
    "cdps",
    "asker",
    "colleague",
    "org_admin",
    "other_org",
    "nhs",
    "no_org",
    "specialist",
    None,
]


@pytest.fixture
def world(cast, make_specialist, make_request, book, pool):
    catrin = make_specialist(user=cast["specialist"], days="2")
    request = make_request()
    booking = book(catrin, request, days="1", first=1, last=2)
    waiting_request = make_request()
    waiting = book(catrin, waiting_request, days="2", first=1, last=1, wait=True)
    engagement = services.engagement_create(
        user=cast["manager"],
        fields={"title_en": "Bilingual patterns", "pool": pool, "phase": "beta", "starts_on": week(0)},
        organisations=[Organisation.objects.get(code="W06000015")],
        projects=[],
    )
    leave = services.leave_add(specialist=catrin, user=None, starts_on=week(6), ends_on=friday(6))
    return {
        "specialist": catrin,
        "request": request,
        "booking": booking,
        "waiting": waiting,
        "waiting_request": waiting_request,
        "engagement": engagement,
        "leave": leave,
    }


def as_(client, cast, role):
    if role:
        client.force_login(cast[role])
    return client


def refused(response, role):
    """Not allowed: a sign-in page for someone not signed in, else 403, or 404 if they may not even see it."""
    if role is None:
        return response.status_code == 302 and "/sign-in/" in response.url
    return response.status_code in (403, 404)


def outcome(response, role, allowed):
    if role in allowed:
        assert response.status_code in (200, 302), response.status_code
        assert not (response.status_code == 302 and "/sign-in/" in response.url)
    else:
        assert refused(response, role) or response.status_code == 400, response.status_code


ASK = {
    "organisation": "W06000015",
    "pool": "capability-model",
    "role": "content-designer",
    "what_for": "Bilingual pages.",
    "days_per_week": "2",
    "welsh_needed": "yes",
}


def dates(name, n, on_friday=False):
    """A GOV.UK date input's three boxes, for the Monday (or the Friday) n weeks from this one."""
    day = friday(n) if on_friday else week(n)
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


@pytest.mark.parametrize("role", ROLES)
def test_asking_for_a_specialist_for_cardiff(client, cast, world, role):
    before = SpecialistRequest.objects.count()
    response = as_(client, cast, role).post(
        "/specialists/ask/", {**ASK, **dates("starts_on", 1), **dates("ends_on", 3, True)}
    )
    # Cardiff's people, and the WLGA team, which serves councils (and CDPS, which serves every body).
    allowed = {"manager", "cdps", "asker", "colleague", "org_admin"}
    made = SpecialistRequest.objects.count() - before
    assert made == (1 if role in allowed else 0), (role, response.status_code)
    if role not in allowed:
        assert refused(response, role) or response.status_code == 400


@pytest.mark.parametrize("role", ROLES)
def test_changing_a_request(client, cast, world, role):
    request = world["request"]
    # It is booked, so it can no longer be changed: the open one is the subject here.
    request = SpecialistRequest.objects.create(
        pool=request.pool,
        organisation=request.organisation,
        requested_by=cast["asker"],
        role=request.role,
        days_per_week=2,
        starts_on=week(1),
        ends_on=friday(2),
        what_for="Old words.",
        reference="SPEC-999999",
    )
    data = {"role": "user-researcher", "what_for": "New words.", "days_per_week": "3", "welsh_needed": "no"}
    response = as_(client, cast, role).post(
        f"/specialists/requests/{request.reference}/change/",
        {**data, **dates("starts_on", 1), **dates("ends_on", 2, True)},
    )
    allowed = {"asker", "org_admin"}
    outcome(response, role, allowed)
    request.refresh_from_db()
    assert (request.what_for == "New words.") == (role in allowed)


@pytest.mark.parametrize("role", ROLES)
def test_withdrawing_a_request(client, cast, world, role):
    request = world["request"]
    response = as_(client, cast, role).post(
        f"/specialists/requests/{request.reference}/withdraw/", {"reason": ""}
    )
    allowed = {"asker", "org_admin"}
    outcome(response, role, allowed)
    request.refresh_from_db()
    assert request.is_closed == (role in allowed)


@pytest.mark.parametrize("role", ROLES)
def test_declining_a_request(client, cast, world, role):
    request = world["request"]
    response = as_(client, cast, role).post(
        f"/specialists/requests/{request.reference}/decline/", {"reason": "No."}
    )
    outcome(response, role, {"manager"})
    request.refresh_from_db()
    assert request.is_closed == (role == "manager")


@pytest.mark.parametrize("role", ROLES)
def test_booking_someone_for_a_request(client, cast, world, role, make_specialist):
    rhys = make_specialist("Rhys Thomas", days="5")
    request = world["request"]
    data = {**dates("first_week", 3), **dates("last_week", 4), "days_per_week": "1"}
    response = as_(client, cast, role).post(
        f"/specialists/requests/{request.reference}/book/{rhys.pk}/", data
    )
    outcome(response, role, {"manager"})
    assert rhys.bookings.exists() == (role == "manager")


@pytest.mark.parametrize("role", ROLES)
def test_cancelling_a_booking(client, cast, world, role):
    booking = world["booking"]
    response = as_(client, cast, role).post(
        f"/specialists/bookings/{booking.pk}/cancel/", {"reason": "Plans changed."}
    )
    outcome(response, role, {"manager"})
    booking.refresh_from_db()
    assert (booking.status == Booking.Status.CANCELLED) == (role == "manager")


@pytest.mark.parametrize("role", ROLES)
def test_taking_up_an_offer(client, cast, world, role):
    services.booking_cancel(booking=world["booking"], user=None, reason="Not needed.")
    waiting = world["waiting"]
    waiting.refresh_from_db()
    assert waiting.status == Booking.Status.OFFERED
    response = as_(client, cast, role).post(
        f"/specialists/bookings/{waiting.pk}/answer/", {"answer": "confirm"}
    )
    allowed = {"manager", "asker", "org_admin"}
    outcome(response, role, allowed)
    waiting.refresh_from_db()
    assert (waiting.status == Booking.Status.CONFIRMED) == (role in allowed)


SPECIALIST = {
    "pool": "capability-model",
    "full_name": "Gethin Morgan",
    "role": "technical-architect",
    "welsh_level": "3",
    "home_organisation": "W06000018",
    "working_days": "2",
    **{f"joined_on_{n}": v for n, v in enumerate([1, 4, 2026])},
}


@pytest.mark.parametrize("role", ROLES)
def test_adding_a_specialist_to_the_wlga_pool(client, cast, world, role):
    response = as_(client, cast, role).post("/specialists/people/new/", SPECIALIST)
    outcome(response, role, {"manager"})
    assert Specialist.objects.filter(full_name="Gethin Morgan").exists() == (role == "manager")


@pytest.mark.parametrize("role", ROLES)
def test_changing_a_specialist(client, cast, world, role):
    catrin = world["specialist"]
    data = {**SPECIALIST, "full_name": "Catrin Hughes-Jones", "working_days": "3"}
    response = as_(client, cast, role).post(f"/specialists/people/{catrin.pk}/change/", data)
    outcome(response, role, {"manager"})
    catrin.refresh_from_db()
    assert (catrin.full_name == "Catrin Hughes-Jones") == (role == "manager")


@pytest.mark.parametrize("role", ROLES)
def test_recording_and_removing_leave(client, cast, world, role):
    catrin = world["specialist"]
    client = as_(client, cast, role)
    response = client.post(
        f"/specialists/people/{catrin.pk}/leave/",
        {**dates("starts_on", 8), **dates("ends_on", 8, True), "note": ""},
    )
    outcome(response, role, {"manager"})
    assert Leave.objects.filter(starts_on=week(8)).exists() == (role == "manager")
    response = client.post(f"/specialists/people/{catrin.pk}/leave/{world['leave'].pk}/remove/")
    outcome(response, role, {"manager"})
    assert Leave.objects.filter(pk=world["leave"].pk).exists() == (role != "manager")


ENGAGEMENT = {
    "title_en": "Council tax in Welsh first",
    "pool": "capability-model",
    "phase": "alpha",
    "visibility": "public",
    "organisation_1": "W06000002",
    **{f"starts_on_{n}": v for n, v in enumerate([1, 4, 2026])},
}


@pytest.mark.parametrize("role", ROLES)
def test_recording_an_engagement_for_the_wlga_pool(client, cast, world, role):
    response = as_(client, cast, role).post("/squads/new/", ENGAGEMENT)
    outcome(response, role, {"manager"})
    assert Engagement.objects.filter(title_en=ENGAGEMENT["title_en"]).exists() == (role == "manager")


@pytest.mark.parametrize("role", ROLES)
def test_changing_an_engagement(client, cast, world, role):
    engagement = world["engagement"]
    response = as_(client, cast, role).post(
        f"/squads/{engagement.pk}/change/", {**ENGAGEMENT, "title_en": "Renamed"}
    )
    outcome(response, role, {"manager"})
    engagement.refresh_from_db()
    assert (engagement.title_en == "Renamed") == (role == "manager")


@pytest.mark.parametrize("role", ROLES)
def test_booking_someone_for_a_squad(client, cast, world, role, make_specialist):
    rhys = make_specialist("Rhys Thomas", days="5")
    engagement = world["engagement"]
    data = {
        "specialist": rhys.pk,
        "organisation": "W06000015",
        "days_per_week": "1",
        **dates("first_week", 2),
        **dates("last_week", 3),
    }
    response = as_(client, cast, role).post(f"/squads/{engagement.pk}/book/", data)
    outcome(response, role, {"manager"})
    assert rhys.bookings.filter(engagement=engagement).exists() == (role == "manager")


READS = [
    # (what, allowed to see)
    ("request", {"manager", "asker", "colleague", "org_admin"}),
    ("booking", {"manager", "asker", "colleague", "org_admin", "specialist"}),
    ("specialist", {"manager", "cdps", "asker", "colleague", "org_admin", "other_org", "nhs", "specialist"}),
    ("queue", {"manager"}),
    ("utilisation", {"manager"}),
    ("utilisation.csv", {"manager"}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("what", "allowed"), READS)
def test_who_sees_what(client, cast, world, role, what, allowed):
    paths = {
        "request": world["request"].get_absolute_url(),
        "booking": world["booking"].get_absolute_url(),
        "specialist": world["specialist"].get_absolute_url(),
        "queue": "/specialists/pools/capability-model/",
        "utilisation": "/specialists/pools/capability-model/utilisation/",
        "utilisation.csv": "/specialists/pools/capability-model/utilisation.csv",
    }
    response = as_(client, cast, role).get(paths[what])
    if role in allowed:
        assert response.status_code == 200
    else:
        assert refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_availability_and_bookings_are_for_the_specialist_and_the_pool_s_managers(client, cast, world, role):
    page = as_(client, cast, role).get(world["specialist"].get_absolute_url())
    if page.status_code == 200:
        assert ("Availability by week" in page.content.decode()) == (role in {"manager", "specialist"})
