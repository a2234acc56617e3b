"""Every write in training, tried by each kind of person: only the right ones succeed."""

import datetime

import pytest
from django.utils import timezone

from porth.skills import services
from porth.skills.models import Attendance, Booking, BookingState, Course, Session

from .helpers import COURSE, WHO, book, in_days, login, session_post

pytestmark = pytest.mark.django_db


def allowed_for(*names):
    return [(name, name in names) for name in WHO]


@pytest.mark.parametrize(("name", "allowed"), allowed_for("team_member", "site_staff"))
def test_adding_a_course_for_the_cdps_team(client, who, name, allowed):
    login(client, who, name)
    client.post("/training/courses/new/", COURSE)
    assert Course.objects.filter(title_en="Data for decision makers").exists() is allowed


@pytest.mark.parametrize(("name", "allowed"), allowed_for("team_member", "site_staff"))
def test_changing_a_course(client, who, course, name, allowed):
    login(client, who, name)
    client.post(f"/training/courses/{course.pk}/edit/", {**COURSE, "title_en": "Changed"})
    course.refresh_from_db()
    assert (course.title_en == "Changed") is allowed


def test_an_organisation_administrator_offers_courses_only_for_their_organisation(client, who):
    client.force_login(who["org_admin"])
    client.post("/training/courses/new/", {**COURSE, "provider": "team:cdps"})
    assert not Course.objects.filter(title_en="Data for decision makers").exists()
    client.post("/training/courses/new/", {**COURSE, "provider": "org:W06000015"})
    assert Course.objects.get(title_en="Data for decision makers").provider_organisation.code == "W06000015"


@pytest.mark.parametrize(("name", "allowed"), allowed_for("team_member", "site_staff"))
def test_adding_a_session(client, who, course, name, allowed):
    login(client, who, name)
    client.post(f"/training/courses/{course.pk}/sessions/new/", session_post())
    assert Session.objects.filter(course=course).exists() is allowed


@pytest.mark.parametrize(("name", "allowed"), allowed_for("team_member", "site_staff"))
def test_changing_a_session(client, who, session, name, allowed):
    login(client, who, name)
    client.post(f"/training/sessions/{session.pk}/edit/", session_post(days=14, capacity="30"))
    session.refresh_from_db()
    assert (session.capacity == 30) is allowed


@pytest.mark.parametrize(("name", "allowed"), allowed_for("team_member", "site_staff"))
def test_cancelling_a_session(client, who, session, name, allowed):
    login(client, who, name)
    client.post(f"/training/sessions/{session.pk}/cancel/", {"reason_en": "", "reason_cy": ""})
    session.refresh_from_db()
    assert session.is_cancelled is allowed


# Anyone signed in from an organisation books for themselves; the rest are told they need one (or to sign in).
@pytest.mark.parametrize(
    ("name", "allowed"),
    allowed_for(
        "learner", "colleague", "org_admin", "other_org_admin", "trainer", "team_member", "other_team"
    ),
)
def test_booking_a_place_for_yourself(client, who, session, name, allowed):
    login(client, who, name)
    person = who.get(name)
    organisation = person.organisation_memberships.first().organisation.code if allowed else "W06000015"
    response = client.post(
        f"/training/sessions/{session.pk}/book/",
        {"organisation": organisation, "audience": "staff", "needs": ""},
    )
    assert Booking.objects.filter(session=session).exists() is allowed
    if not allowed:
        assert response.status_code in (302, 403)


@pytest.mark.parametrize(("name", "allowed"), allowed_for("org_admin"))
def test_booking_a_place_for_a_colleague(client, who, session, name, allowed):
    login(client, who, name)
    colleague = who["colleague"]
    client.post(
        f"/training/sessions/{session.pk}/book-for-a-colleague/",
        {"person": colleague.pk, "organisation": "W06000015", "audience": "staff", "needs": ""},
    )
    booking = Booking.objects.filter(session=session, person=colleague).first()
    assert (booking is not None) is allowed
    if allowed:
        assert booking.booked_by == who["org_admin"]


def test_an_administrator_cannot_book_someone_from_another_organisation(client, who, session):
    client.force_login(who["other_org_admin"])
    response = client.post(
        f"/training/sessions/{session.pk}/book-for-a-colleague/",
        {"person": who["learner"].pk, "organisation": "W06000011", "audience": "staff", "needs": ""},
    )
    assert response.status_code == 400
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    ("name", "allowed"), allowed_for("learner", "org_admin", "team_member", "site_staff")
)
def test_cancelling_a_booking(client, who, session, name, allowed):
    booking = book(session, who["learner"])
    login(client, who, name)
    client.post(f"/training/bookings/{booking.pk}/cancel/")
    booking.refresh_from_db()
    assert (booking.state == BookingState.CANCELLED) is allowed


def test_whoever_booked_for_a_colleague_may_cancel_it(client, who, session):
    booking = book(session, who["colleague"], booked_by=who["org_admin"])
    client.force_login(who["org_admin"])
    client.post(f"/training/bookings/{booking.pk}/cancel/")
    booking.refresh_from_db()
    assert booking.state == BookingState.CANCELLED


@pytest.mark.parametrize(("name", "allowed"), allowed_for("learner"))
def test_accepting_a_place_offered(client, who, make_session, name, allowed):
    session = make_session(capacity=1)
    first = book(session, who["other_team"])
    offered = book(session, who["learner"], join_waiting_list=True)
    services.booking_cancel(booking=first, user=who["other_team"])
    login(client, who, name)
    client.post(f"/training/bookings/{offered.pk}/accept/")
    offered.refresh_from_db()
    assert (offered.state == BookingState.BOOKED) is allowed


@pytest.mark.parametrize(("name", "allowed"), allowed_for("trainer", "team_member", "site_staff"))
def test_marking_attendance(client, who, session, name, allowed):
    booking = book(session, who["learner"])
    Session.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=10), booking_closes_at=in_days(-1)
    )
    login(client, who, name)
    client.post(f"/training/sessions/{session.pk}/attendance/", {f"b{booking.pk}": "present"})
    booking.refresh_from_db()
    assert (booking.attendance == Attendance.PRESENT) is allowed


@pytest.mark.parametrize(("name", "allowed"), allowed_for("trainer", "team_member", "site_staff"))
def test_marking_everyone_present(client, who, session, name, allowed):
    booking = book(session, who["learner"])
    Session.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=10), booking_closes_at=in_days(-1)
    )
    login(client, who, name)
    client.post(f"/training/sessions/{session.pk}/attendance/", {"all": "1"})
    booking.refresh_from_db()
    assert (booking.attendance == Attendance.PRESENT) is allowed


@pytest.mark.parametrize(
    ("name", "allowed"), allowed_for("learner", "org_admin", "trainer", "team_member", "site_staff")
)
def test_seeing_a_certificate(client, who, session, name, allowed):
    booking = book(session, who["learner"])
    Booking.objects.filter(pk=booking.pk).update(
        attendance=Attendance.PRESENT, attendance_marked_at=timezone.now()
    )
    login(client, who, name)
    response = client.get(f"/training/bookings/{booking.pk}/certificate/")
    assert (response.status_code == 200) is allowed


@pytest.mark.parametrize(
    ("name", "sees"),
    [
        ("anonymous", None),
        ("learner", None),
        ("colleague", None),
        ("org_admin", {"alys@cardiff.example"}),
        ("other_org_admin", {"admin@swansea.example"}),  # their own organisation's booking
        ("trainer", None),
        ("team_member", {"alys@cardiff.example", "admin@swansea.example"}),
        ("other_team", set()),
        ("site_staff", {"alys@cardiff.example", "admin@swansea.example"}),
        ("no_org", None),
    ],
)
def test_who_sees_which_bookings_in_the_reports(client, who, session, name, sees):
    book(session, who["learner"])
    book(session, who["other_org_admin"])
    login(client, who, name)
    response = client.get("/training/reports/bookings.csv")
    if sees is None:
        assert response.status_code in (302, 403)
        return
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    found = {email for email in ("alys@cardiff.example", "admin@swansea.example") if email in content}
    assert found == sees


@pytest.mark.parametrize(
    ("name", "allowed"), allowed_for("learner", "org_admin", "team_member", "site_staff")
)
def test_declining_a_place_offered(client, who, make_session, name, allowed):
    session = make_session(capacity=1)
    first = book(session, who["other_team"])
    offered = book(session, who["learner"], join_waiting_list=True)
    services.booking_cancel(booking=first, user=who["other_team"])
    login(client, who, name)
    client.post(f"/training/bookings/{offered.pk}/cancel/")
    offered.refresh_from_db()
    assert (offered.state == BookingState.CANCELLED) is allowed
