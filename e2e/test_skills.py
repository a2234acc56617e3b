"""Training in a real browser, in both languages, with an accessibility scan on every page: book a place,
cancel it, join a waiting list, accept the place offered, mark attendance, get the certificate."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from porth.accounts.models import Role, User
from porth.accounts.services import organisation_add_member, team_add_member
from porth.directory.models import LeadershipTeam, Organisation
from porth.skills import services
from porth.skills.models import LONDON, Session

from .conftest import PASSWORD

TEXT = {
    "en": {
        "training": "Training",
        "book": "Book a place",
        "staff": "Staff",
        "confirm": "Confirm the booking",
        "have_place": "You have a place",
        "cancel": "Cancel the booking",
        "cancelled": "This booking was cancelled on",
        "join": "Join the waiting list",
        "number_1": "Number 1",
        "accept": "Accept the place",
        "mark": "Mark attendance",
        "present": "Present: Alys Morgan",
        "absent": "Absent: Huw Jenkins",
        "save": "Save attendance",
        "all_present": "Mark everyone present",
        "saved": "Attendance has been saved",
        "certificate": "Get the certificate of attendance",
        "your_training": "Your training",
    },
    "cy": {
        "training": "Hyfforddiant",
        "book": "Archebu lle",
        "staff": "Staff",
        "confirm": "Cadarnhau'r archeb",
        "have_place": "Mae gennych le",
        "cancel": "Canslo'r archeb",
        "cancelled": "Canslwyd yr archeb hon ar",
        "join": "Ymuno â'r rhestr aros",
        "number_1": "Rhif 1",
        "accept": "Derbyn y lle",
        "mark": "Cofnodi presenoldeb",
        "present": "Yn bresennol: Alys Morgan",
        "absent": "Yn absennol: Huw Jenkins",
        "save": "Cadw'r presenoldeb",
        "all_present": "Cofnodi pawb yn bresennol",
        "saved": "Mae'r presenoldeb wedi'i gadw",
        "certificate": "Cael y dystysgrif presenoldeb",
        "your_training": "Eich hyfforddiant",
    },
}


def member(email, name, language, organisation="W06000015"):
    user = User.objects.create_user(email, PASSWORD, full_name=name, preferred_language=language)
    organisation_add_member(user=user, organisation=Organisation.objects.get(code=organisation))
    return user


def sign_in(page, site, prefix, email):
    page.context.clear_cookies()
    page.goto(f"{site}{prefix}/sign-in/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state("load")


def at(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour)).replace(tzinfo=LONDON)


@pytest.fixture
def training(site):
    """A CDPS course for senior leaders and staff, its trainer, and a session in two weeks."""
    trainer = member(
        "nia@cdps.example", "Nia Hughes", "cy", organisation="centre-for-digital-public-services"
    )
    team_add_member(user=trainer, team=LeadershipTeam.objects.get(slug="cdps"))
    course = services.course_create(
        user=trainer,
        fields={
            "title_en": "Service design essentials",
            "title_cy": "Hanfodion dylunio gwasanaethau",
            "summary_en": "Finding out what users need.",
            "summary_cy": "Canfod beth sydd ei angen ar ddefnyddwyr.",
            "provider_team": LeadershipTeam.objects.get(slug="cdps"),
            "level": "working",
            "role_family": "user_centred_design",
        },
        audiences=["senior_leaders", "staff"],
    )

    def session(capacity=10, days=14):
        return services.session_create(
            course=course,
            user=trainer,
            fields={
                "starts_at": at(days, 10),
                "ends_at": at(days, 12),
                "mode": "online",
                "language": "cy",
                "capacity": capacity,
                "booking_closes_at": at(days - 1, 23),
                "trainer": trainer,
                "online_link": "https://meet.example.gov.wales/abc",
            },
        )

    return {"trainer": trainer, "course": course, "session": session}


def book(session, user, **kwargs):
    return services.booking_create(
        session=session,
        person=user,
        booked_by=user,
        organisation=Organisation.objects.get(code="W06000015"),
        audience="staff",
        **kwargs,
    )


@pytest.mark.parametrize("language", ["en", "cy"])
def test_book_a_place_then_cancel_it(page, site, training, check_accessible, language):
    t, prefix = TEXT[language], "/cy" if language == "cy" else ""
    member("alys@cardiff.example", "Alys Morgan", language)
    session = training["session"]()
    sign_in(page, site, prefix, "alys@cardiff.example")
    page.goto(f"{site}{prefix}/training/")
    check_accessible(page)
    page.get_by_role(
        "link", name="Hanfodion dylunio gwasanaethau" if language == "cy" else "Service design essentials"
    ).click()
    check_accessible(page)
    page.locator(f"a[href='{prefix}{session.get_absolute_url()}']").click()
    check_accessible(page)
    page.get_by_role("link", name=t["book"]).click()
    check_accessible(page)
    page.get_by_label(t["staff"], exact=True).check()
    page.get_by_role("button", name=t["confirm"]).click()
    expect(page.locator("h2.govuk-panel__title")).to_have_text(t["have_place"])
    check_accessible(page)
    page.get_by_role("link", name=t["cancel"]).click()
    check_accessible(page)
    page.get_by_role("button", name=t["cancel"]).click()
    expect(page.locator("main")).to_contain_text(t["cancelled"])
    check_accessible(page)
    page.goto(f"{site}{prefix}/training/bookings/")
    expect(page.locator("h1")).to_have_text(t["your_training"])
    check_accessible(page)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_join_the_waiting_list_then_accept_the_place_offered(
    page, site, training, check_accessible, language
):
    t, prefix = TEXT[language], "/cy" if language == "cy" else ""
    first = member("huw@cardiff.example", "Huw Jenkins", "en")
    member("alys@cardiff.example", "Alys Morgan", language)
    session = training["session"](capacity=1)
    taken = book(session, first)
    sign_in(page, site, prefix, "alys@cardiff.example")
    page.goto(f"{site}{prefix}{session.get_absolute_url()}")
    check_accessible(page)
    page.get_by_role("link", name=t["join"]).click()
    check_accessible(page)
    page.get_by_label(t["staff"], exact=True).check()
    page.get_by_role("button", name=t["join"]).click()
    expect(page.locator(".govuk-panel__body")).to_have_text(t["number_1"])
    check_accessible(page)
    # Huw gives up his place: it is offered to Alys, who accepts it.
    services.booking_cancel(booking=taken, user=first)
    page.reload()
    check_accessible(page)
    page.get_by_role("button", name=t["accept"]).click()
    expect(page.locator("h2.govuk-panel__title")).to_have_text(t["have_place"])
    check_accessible(page)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_mark_attendance_then_get_the_certificate(page, site, training, check_accessible, language):
    t, prefix = TEXT[language], "/cy" if language == "cy" else ""
    alys = member("alys@cardiff.example", "Alys Morgan", language)
    huw = member("huw@cardiff.example", "Huw Jenkins", "en")
    session = training["session"]()
    came, missed = book(session, alys), book(session, huw)
    Session.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=30),
        ends_at=timezone.now() + datetime.timedelta(minutes=30),
        booking_closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    sign_in(page, site, prefix, training["trainer"].email)
    page.goto(f"{site}{prefix}{session.get_absolute_url()}")
    check_accessible(page)
    page.get_by_role("link", name=t["mark"]).click()
    check_accessible(page)
    page.get_by_label(t["present"]).check()
    page.get_by_label(t["absent"]).check()
    page.get_by_role("button", name=t["save"]).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(t["saved"])
    check_accessible(page)
    page.get_by_role("button", name=t["all_present"]).click()  # all at once, too
    expect(page.locator(".govuk-notification-banner")).to_contain_text(t["saved"])
    missed.refresh_from_db()
    assert missed.attendance == "present"

    sign_in(page, site, prefix, alys.email)
    page.goto(f"{site}{prefix}{came.get_absolute_url()}")
    check_accessible(page)
    page.get_by_role("link", name=t["certificate"]).click()
    main = page.locator("main")
    expect(main).to_contain_text("Tystysgrif presenoldeb")
    expect(main).to_contain_text("Certificate of attendance")
    expect(main).to_contain_text("Alys Morgan")
    expect(main).to_contain_text("Hanfodion dylunio gwasanaethau")
    check_accessible(page)
    # The page is the certificate: it prints (or saves as a PDF) on its own.
    page.emulate_media(media="print")
    assert page.pdf()[:4] == b"%PDF"


MANAGE = {
    "en": {
        "add_course": "Add a course",
        "title": "Title in English",
        "summary": "Summary in English",
        "save_course": "Add the course",
        "problem": "There is a problem",
        "add_session": "Add a session",
        "welsh": "Welsh",
        "save_session": "Add the session",
        "change": "Change the session",
        "save": "Save the changes",
        "cancel": "Cancel the session",
        "for_colleague": "Book a place for a colleague",
        "confirm": "Confirm the booking",
        "reports": "Training reports",
    },
    "cy": {
        "add_course": "Ychwanegu cwrs",
        "title": "Teitl yn Gymraeg",
        "summary": "Crynodeb yn Gymraeg",
        "save_course": "Ychwanegu'r cwrs",
        "problem": "Mae problem",
        "add_session": "Ychwanegu sesiwn",
        "welsh": "Cymraeg",
        "save_session": "Ychwanegu'r sesiwn",
        "change": "Newid y sesiwn",
        "save": "Cadw'r newidiadau",
        "cancel": "Canslo'r sesiwn",
        "for_colleague": "Archebu lle i gydweithiwr",
        "confirm": "Cadarnhau'r archeb",
        "reports": "Adroddiadau hyfforddiant",
    },
}


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_course_team_adds_a_course_and_a_session_changes_it_and_cancels_it(
    page, site, training, check_accessible, language
):
    t, prefix = MANAGE[language], "/cy" if language == "cy" else ""
    sign_in(page, site, prefix, training["trainer"].email)
    page.goto(f"{site}{prefix}/training/")
    page.get_by_role("link", name=t["add_course"]).click()
    page.get_by_role("button", name=t["save_course"]).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(t["problem"])
    check_accessible(page)
    page.get_by_label(t["title"]).fill("Data i arweinwyr" if language == "cy" else "Data for leaders")
    page.get_by_label(t["summary"]).fill("Defnyddio data." if language == "cy" else "Using data.")
    page.locator("#id_provider").select_option("team:cdps")
    page.get_by_label("Staff", exact=True).check()
    page.get_by_role("button", name=t["save_course"]).click()
    expect(page.locator("h1")).to_have_text("Data i arweinwyr" if language == "cy" else "Data for leaders")
    check_accessible(page)
    page.get_by_role("link", name=t["add_session"]).click()
    check_accessible(page)
    day = timezone.localdate() + datetime.timedelta(days=20)
    closes = day - datetime.timedelta(days=2)
    for box, value in zip(("0", "1", "2"), (day.day, day.month, day.year), strict=True):
        page.locator(f"#id_date_{box}").fill(str(value))
    for box, value in zip(("0", "1", "2"), (closes.day, closes.month, closes.year), strict=True):
        page.locator(f"#id_closes_on_{box}").fill(str(value))
    page.locator("#id_start_time").fill("09:30")
    page.locator("#id_end_time").fill("12:30")
    page.get_by_label(t["welsh"], exact=True).check()
    page.locator("#id_capacity").fill("12")
    page.locator("#id_trainer_email").fill(training["trainer"].email)
    page.get_by_role("button", name=t["save_session"]).click()
    expect(page.locator("h1")).to_contain_text("09:30")
    check_accessible(page)
    page.get_by_role("link", name=t["change"]).click()
    check_accessible(page)
    page.locator("#id_capacity").fill("15")
    page.get_by_role("button", name=t["save"]).click()
    expect(page.locator("main")).to_contain_text("15")
    page.get_by_role("link", name=t["cancel"]).click()
    check_accessible(page)
    page.get_by_role("button", name=t["cancel"]).click()
    expect(page.locator(".govuk-notification-banner")).to_be_visible()
    check_accessible(page)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_an_administrator_books_for_a_colleague_and_reads_the_report(
    page, site, training, check_accessible, language
):
    t, prefix = MANAGE[language], "/cy" if language == "cy" else ""
    admin = User.objects.create_user(
        "rhys@cardiff.example", PASSWORD, full_name="Rhys Price", preferred_language=language
    )
    organisation_add_member(
        user=admin, organisation=Organisation.objects.get(code="W06000015"), role=Role.ADMINISTRATOR
    )
    colleague = member("alys@cardiff.example", "Alys Morgan", "cy")
    session = training["session"]()
    sign_in(page, site, prefix, admin.email)
    page.goto(f"{site}{prefix}{session.get_absolute_url()}")
    page.get_by_role("link", name=t["for_colleague"]).click()
    check_accessible(page)
    page.locator("#id_person").select_option(str(colleague.pk))
    page.get_by_label("Staff", exact=True).check()
    page.get_by_role("button", name=t["confirm"]).click()
    expect(page.locator("main")).to_contain_text("Alys Morgan")
    check_accessible(page)
    page.goto(f"{site}{prefix}/training/reports/")
    expect(page.locator("h1")).to_have_text(t["reports"])
    expect(page.locator("#by-organisation + div table")).to_contain_text("1")
    check_accessible(page)
