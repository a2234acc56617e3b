"""Training through the web, in both languages: the catalogue, courses, sessions, booking and the waiting
list, attendance, certificates, clear errors with nothing lost."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from porth.directory.models import LeadershipTeam
from porth.skills import services
from porth.skills.models import Attendance, Booking, BookingState, Course, Session
from porth.testing import page_text

from .helpers import COURSE, book, session_post

pytestmark = pytest.mark.django_db


def started(session):
    """Move a session (and its close of booking) into the past, as if it had begun ten minutes ago."""
    Session.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=10),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
        booking_closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    session.refresh_from_db()
    return session


# --------------------------------------------------------------------------------------------- catalogue


@pytest.mark.parametrize(
    ("prefix", "heading"),
    [
        ("", "Training for digital public services"),
        ("/cy", "Hyfforddiant ar gyfer gwasanaethau cyhoeddus digidol"),
    ],
)
def test_the_catalogue_lists_courses_with_their_next_session(client, session, prefix, heading):
    page = page_text(client.get(f"{prefix}/training/"))
    assert heading in page
    title = (
        "Digital leadership for senior leaders" if not prefix else "Arweinyddiaeth ddigidol i uwch arweinwyr"
    )
    assert title in page
    assert ("Next session" if not prefix else "Y sesiwn nesaf") in page


def test_the_catalogue_filters_by_audience_and_language(client, course, make_session, who):
    make_session(language="cy")
    other = services.course_create(
        user=who["team_member"],
        fields={
            "title_en": "Councillors and cyber security",
            "summary_en": "Staying safe.",
            "provider_team": LeadershipTeam.objects.get(slug="cdps"),
            "level": "awareness",
            "role_family": "it_operations",
        },
        audiences=["elected_members"],
    )
    page = page_text(client.get("/training/?audience=elected_members"))
    assert other.title_en in page and course.title_en not in page
    page = page_text(client.get("/training/?language=cy"))
    assert course.title_en in page and other.title_en not in page
    assert "No courses match" in page_text(client.get("/training/?q=nothing+like+this"))


def test_a_filter_not_in_the_list_is_a_clear_error_in_welsh(client, course):
    response = client.get("/cy/training/?level=wizard")
    assert response.status_code == 400
    assert "Dewiswch un o'r opsiynau yn y rhestr" in page_text(response)


def test_the_catalogue_pages_and_its_queries_do_not_grow_with_the_courses(client, who):
    team = LeadershipTeam.objects.get(slug="cdps")
    for n in range(25):
        services.course_create(
            user=who["team_member"],
            fields={
                "title_en": f"Course {n:02d}",
                "summary_en": "S.",
                "provider_team": team,
                "level": "awareness",
            },
            audiences=["staff"],
        )
    with CaptureQueriesContext(connection) as queries:
        first = client.get("/training/")
    assert first.status_code == 200
    assert "Course 00" in page_text(first) and "Course 24" not in page_text(first)
    assert "Course 24" in page_text(client.get("/training/?page=2"))
    assert len(queries) <= 8, [q["sql"] for q in queries]


# ----------------------------------------------------------------------------------------------- courses


def test_a_course_with_missing_answers_says_what_to_fix_and_keeps_what_was_typed(client, who):
    client.force_login(who["team_member"])
    response = client.post(
        "/cy/training/courses/new/", {**COURSE, "title_en": "", "summary_en": "Kept", "audiences": []}
    )
    assert response.status_code == 200
    page = page_text(response)
    assert "Rhowch deitl yn Saesneg neu yn Gymraeg" in page
    assert "Dewiswch o leiaf un gynulleidfa" in page
    assert "Kept" in page
    assert not Course.objects.exists()


def test_a_course_run_elsewhere_shows_its_link_and_no_sessions(client, who):
    client.force_login(who["team_member"])
    client.post(
        "/training/courses/new/",
        {**COURSE, "external_url": "https://academi.gov.wales/", "external_name": "Academi Wales"},
    )
    course = Course.objects.get()
    page = page_text(client.get(course.get_absolute_url()))
    assert "https://academi.gov.wales/" in page and "Academi Wales" in page
    assert "Add a session" not in page
    assert client.get(f"/training/courses/{course.pk}/sessions/new/").status_code == 404


def test_a_course_with_sessions_cannot_move_elsewhere(client, who, session):
    client.force_login(who["team_member"])
    course = session.course
    response = client.post(
        f"/training/courses/{course.pk}/edit/",
        {**COURSE, "title_en": course.title_en, "external_url": "https://academi.gov.wales/"},
    )
    assert "cannot also be run elsewhere" in page_text(response)
    course.refresh_from_db()
    assert course.external_url == ""


# ---------------------------------------------------------------------------------------------- sessions


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start_time": "25:00"}, "Enter a start time on the 24-hour clock, like 09:30 or 14:00"),
        ({"end_time": "09:00"}, "The end time must be after the start time"),
        ({"mode": "in_person"}, "Enter where the session takes place, in English or in Welsh"),
        ({"capacity": "0"}, "A session needs at least 1 place"),
        ({"capacity": "lots"}, "Enter the number of places as a whole number, like 20"),
        ({"trainer_email": "nobody@nowhere.example"}, "There is no Porth account with this email address."),
    ],
)
def test_a_session_with_bad_answers_is_refused_clearly(client, who, course, changes, message):
    client.force_login(who["team_member"])
    response = client.post(f"/training/courses/{course.pk}/sessions/new/", session_post(**changes))
    assert message in page_text(response)
    assert not Session.objects.exists()


def test_a_session_closing_after_it_starts_is_refused_in_welsh(client, who, course):
    client.force_login(who["team_member"])
    data = session_post(days=20)
    later = timezone.localdate() + datetime.timedelta(days=21)
    data.update(closes_on_0=later.day, closes_on_1=later.month, closes_on_2=later.year)
    response = client.post(f"/cy/training/courses/{course.pk}/sessions/new/", data)
    assert "Rhaid i archebu gau ar ddiwrnod y sesiwn neu cyn hynny" in page_text(response)


def test_a_session_is_stored_in_utc_and_shown_on_the_24_hour_clock_in_both_languages(client, who, course):
    client.force_login(who["team_member"])
    client.post(
        f"/training/courses/{course.pk}/sessions/new/", session_post(start_time="14:00", end_time="16:30")
    )
    session = Session.objects.get()
    local = session.starts_at.astimezone(datetime.UTC)
    assert local.hour in (13, 14)  # 14:00 in Wales is 13:00 UTC in summer, 14:00 in winter
    for prefix in ("", "/cy"):
        page = page_text(client.get(f"{prefix}{session.get_absolute_url()}"))
        assert "14:00" in page and "16:30" in page
    assert "y.h." not in page_text(client.get(f"/cy{session.get_absolute_url()}"))


def test_the_session_page_shows_places_left_then_the_waiting_list(client, who, session):
    assert "2 places left of 2" in page_text(client.get(session.get_absolute_url()))
    book(session, who["learner"])
    book(session, who["colleague"])
    client.force_login(who["org_admin"])
    page = page_text(client.get(session.get_absolute_url()))
    assert "Full" in page and "Join the waiting list" in page
    assert "Llawn" in page_text(client.get(f"/cy{session.get_absolute_url()}"))


# -------------------------------------------------------------------------------------------- booking


def test_booking_through_the_pages(client, who, session):
    client.force_login(who["learner"])
    page = page_text(client.get(f"/training/sessions/{session.pk}/book/"))
    assert "Book a place" in page and "Confirm the booking" in page
    response = client.post(
        f"/training/sessions/{session.pk}/book/",
        {"organisation": "W06000015", "audience": "staff", "needs": ""},
    )
    booking = Booking.objects.get()
    assert response.url == booking.get_absolute_url()
    page = page_text(client.get(response.url))
    assert "You have a place" in page and booking.reference in page
    assert "https://meet.example.gov.wales/abc" in page  # the joining link, for people with a place
    # Coming back to the booking page for a session you are on goes to your booking.
    assert client.get(f"/training/sessions/{session.pk}/book/").url == booking.get_absolute_url()


def test_the_joining_link_is_only_for_people_with_a_place(client, who, session):
    assert "meet.example.gov.wales" not in page_text(client.get(session.get_absolute_url()))


def test_a_booking_without_answers_is_refused_in_welsh_and_nothing_is_saved(client, who, session):
    client.force_login(who["learner"])
    response = client.post(f"/cy/training/sessions/{session.pk}/book/", {"needs": "Dolen sain"})
    assert response.status_code == 400
    page = page_text(response)
    assert "Dewiswch y sefydliad rydych yn archebu ar ei ran" in page
    assert "Dewiswch y rôl sy'n disgrifio eich rôl chi orau" in page
    assert "Dolen sain" in page
    assert not Booking.objects.exists()


def test_taking_the_last_place_that_has_just_gone_offers_the_waiting_list(client, who, make_session):
    session = make_session(capacity=1)
    client.force_login(who["learner"])
    client.get(f"/training/sessions/{session.pk}/book/")  # the page said a place was left
    book(session, who["colleague"])  # someone else took it meanwhile
    response = client.post(
        f"/training/sessions/{session.pk}/book/", {"organisation": "W06000015", "audience": "staff"}
    )
    assert response.status_code == 400
    page = page_text(response)
    assert "Someone has just taken the last place. You can join the waiting list instead." in page
    assert 'name="waiting_list" value="yes"' in page
    response = client.post(
        f"/training/sessions/{session.pk}/book/",
        {"organisation": "W06000015", "audience": "staff", "waiting_list": "yes"},
    )
    waiting = Booking.objects.get(person=who["learner"])
    assert waiting.state == BookingState.WAITING
    assert "Number 1" in page_text(client.get(response.url))


def test_accepting_an_offer_through_the_pages_and_too_late(client, who, make_session):
    session = make_session(capacity=1)
    first = book(session, who["colleague"])
    offered = book(session, who["learner"], join_waiting_list=True)
    services.booking_cancel(booking=first, user=who["colleague"])
    client.force_login(who["learner"])
    page = page_text(client.get(offered.get_absolute_url()))
    assert "A place has come free" in page and "Accept the place" in page
    client.post(f"/training/bookings/{offered.pk}/accept/")
    offered.refresh_from_db()
    assert offered.state == BookingState.BOOKED


def test_an_offer_accepted_too_late_says_so_in_welsh(client, who, make_session):
    session = make_session(capacity=1)
    first = book(session, who["colleague"])
    offered = book(session, who["learner"], join_waiting_list=True)
    services.booking_cancel(booking=first, user=who["colleague"])
    Booking.objects.filter(pk=offered.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    client.force_login(who["learner"])
    response = client.post(f"/cy/training/bookings/{offered.pk}/accept/", follow=True)
    assert "daeth yr amser i dderbyn y lle hwn i ben" in page_text(response)
    offered.refresh_from_db()
    assert offered.state == BookingState.EXPIRED


def test_cancelling_asks_first_then_cancels(client, who, session):
    booking = book(session, who["learner"])
    client.force_login(who["learner"])
    page = page_text(client.get(f"/training/bookings/{booking.pk}/cancel/"))
    assert "Cancel the booking" in page and "Keep it" in page
    booking.refresh_from_db()
    assert booking.state == BookingState.BOOKED
    response = client.post(f"/training/bookings/{booking.pk}/cancel/")
    assert response.url == booking.get_absolute_url()
    booking.refresh_from_db()
    assert booking.state == BookingState.CANCELLED
    assert "This booking was cancelled on" in page_text(client.get(booking.get_absolute_url()))


def test_an_administrator_books_for_a_colleague(client, who, session):
    client.force_login(who["org_admin"])
    page = page_text(client.get(f"/training/sessions/{session.pk}/book-for-a-colleague/"))
    assert "Huw Jenkins (huw@cardiff.example)" in page
    assert "admin@swansea.example" not in page
    client.post(
        f"/training/sessions/{session.pk}/book-for-a-colleague/",
        {"person": who["colleague"].pk, "organisation": "W06000015", "audience": "staff"},
    )
    booking = Booking.objects.get()
    assert booking.person == who["colleague"] and booking.booked_by == who["org_admin"]


def test_your_training_lists_offers_places_waiting_lists_and_certificates(client, who, make_session):
    full = make_session(capacity=1)
    book(full, who["colleague"])
    book(full, who["learner"], join_waiting_list=True)
    past = make_session(days=3)
    done = book(past, who["learner"])
    started(past)
    services.attendance_mark_all(session=past, user=who["trainer"])
    client.force_login(who["learner"])
    page = page_text(client.get("/training/bookings/"))
    assert "number 1 on the waiting list" in page
    assert "Training you have done" in page and f"/training/bookings/{done.pk}/certificate/" in page
    client.force_login(who["no_org"])
    assert "You have no sessions booked." in page_text(client.get("/training/bookings/"))


def test_someone_without_an_organisation_is_told_how_to_book(client, who, session):
    client.force_login(who["no_org"])
    response = client.get(f"/training/sessions/{session.pk}/book/")
    assert response.status_code == 403
    assert "Ask an administrator of your organisation" in page_text(response)


# ---------------------------------------------------------------------------------- attendance, certificate


def test_attendance_waits_for_the_session_then_marks_one_by_one(client, who, session):
    a = book(session, who["learner"])
    b = book(session, who["colleague"])
    client.force_login(who["trainer"])
    assert "once the session has started" in page_text(
        client.get(f"/training/sessions/{session.pk}/attendance/")
    )
    started(session)
    page = page_text(client.get(f"/training/sessions/{session.pk}/attendance/"))
    assert "Alys Morgan" in page and "Mark everyone present" in page
    client.post(f"/training/sessions/{session.pk}/attendance/", {f"b{a.pk}": "present", f"b{b.pk}": "absent"})
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.attendance == Attendance.PRESENT and b.attendance == Attendance.ABSENT


def test_the_certificate_is_bilingual_and_only_for_people_marked_present(client, who, session):
    present = book(session, who["learner"])
    absent = book(session, who["colleague"])
    started(session)
    services.attendance_mark(
        session=session, user=who["trainer"], marks={present.pk: "present", absent.pk: "absent"}
    )
    client.force_login(who["learner"])
    page = page_text(client.get(f"/training/bookings/{present.pk}/certificate/"))
    assert "Certificate of attendance" in page and "Tystysgrif presenoldeb" in page
    assert "Alys Morgan" in page
    assert (
        "Digital leadership for senior leaders" in page and "Arweinyddiaeth ddigidol i uwch arweinwyr" in page
    )
    assert "Cardiff" in page and "Caerdydd" in page
    assert 'lang="cy"' in page
    client.force_login(who["colleague"])
    assert client.get(f"/training/bookings/{absent.pk}/certificate/").status_code == 404


# ------------------------------------------------------------------------------------------------ reports


def test_the_report_counts_and_the_welsh_language_figures(client, who, make_session):
    welsh = make_session(language="cy", days=4)
    english = make_session(language="en", days=5)
    book(welsh, who["learner"])
    book(english, who["colleague"])
    book(english, who["org_admin"], audience="senior_leaders")
    for session in (welsh, english):
        started(session)
        services.attendance_mark_all(session=session, user=who["trainer"])
    client.force_login(who["org_admin"])
    page = page_text(client.get("/training/reports/"))
    assert "Welsh Language Standards" in page
    assert "33% (1 of 3)" in page  # one of the three who chose a version chose Welsh
    csv = b"".join(client.get("/training/reports/organisation.csv").streaming_content).decode("utf-8-sig")
    assert csv.splitlines()[0] == "Organisation,Booked,Attended,Did not attend,Waiting,Cancelled"
    assert csv.splitlines()[1] == "Cardiff,3,3,0,0,0"
    welsh_csv = b"".join(client.get("/cy/training/reports/welsh-language.csv").streaming_content).decode(
        "utf-8-sig"
    )
    assert "Cyfran a ddewisodd y Gymraeg" in welsh_csv and "33.3%" in welsh_csv


def test_a_report_period_that_ends_before_it_starts_is_refused(client, who):
    client.force_login(who["org_admin"])
    response = client.get(
        "/training/reports/?starts_0=1&starts_1=4&starts_2=2026&ends_0=1&ends_1=1&ends_2=2026"
    )
    assert response.status_code == 400
    assert "The end of the period must be on or after its start" in page_text(response)


def test_reports_are_not_for_everyone(client, who):
    client.force_login(who["learner"])
    assert client.get("/training/reports/").status_code == 403
