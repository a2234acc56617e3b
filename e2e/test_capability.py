"""The specialist pool and the squads in a real browser, in both languages, with an accessibility scan on
every page: a council asks for a specialist, the pool's manager sees who matches and books them (and puts a
booking that does not fit on the waiting list); the manager records a squad engagement and books someone
onto the squad."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from porth.accounts.models import User
from porth.accounts.services import organisation_add_member, team_add_member
from porth.capability import services
from porth.capability.models import Booking, DdatRole, Engagement, Pool, Skill, SpecialistRequest
from porth.directory.models import LeadershipTeam, Organisation

from .conftest import PASSWORD

TEXT = {
    "en": {
        "ask": "Ask for a specialist",
        "organisation": "Which organisation is it for?",
        "role": "Which role do you need?",
        "skill": "Research with Welsh speakers",
        "what": "What is the work, and what should the specialist do?",
        "days": "How many days a week?",
        "yes": "Yes",
        "send": "Send the request",
        "sent": "Request sent",
        "matches": "See who matches",
        "why": "The same role: User researcher",
        "book_catrin": "Book Catrin Hughes",
        "book": "Book",
        "confirmed": "The booking is confirmed.",
        "book_dylan": "Book Dylan Williams onto the waiting list",
        "wait": "Put it on the waiting list, unconfirmed",
        "waiting": "on the waiting list, unconfirmed",
        "short": "is not free for",
        "record": "Record an engagement",
        "title": "Title in English",
        "goals": "Goals in English",
        "org": "Organisation the squad works with",
        "save": "Record the engagement",
        "recorded": "The engagement has been recorded.",
        "squad_book": "Book someone for the squad",
        "who": "Who from the pool?",
        "squad_booked": "The specialist is booked for the squad.",
        "utilisation": "Utilisation",
    },
    "cy": {
        "ask": "Gofyn am arbenigwr",
        "organisation": "Ar gyfer pa sefydliad mae hyn?",
        "role": "Pa rôl sydd ei hangen arnoch?",
        "skill": "Ymchwil gyda siaradwyr Cymraeg",
        "what": "Beth yw'r gwaith, a beth ddylai'r arbenigwr ei wneud?",
        "days": "Sawl diwrnod yr wythnos?",
        "yes": "Oes",
        "send": "Anfon y cais",
        "sent": "Cais wedi'i anfon",
        "matches": "Gweld pwy sy'n cyfateb",
        "why": "Yr un rôl: Ymchwilydd defnyddwyr",
        "book_catrin": "Archebu Catrin Hughes",
        "book": "Archebu",
        "confirmed": "Mae'r archeb wedi'i chadarnhau.",
        "book_dylan": "Archebu Dylan Williams ar y rhestr aros",
        "wait": "Ei rhoi ar y rhestr aros, heb ei chadarnhau",
        "waiting": "ar y rhestr aros, heb ei chadarnhau",
        "short": "yn rhydd am",
        "record": "Cofnodi ymgysylltiad",
        "title": "Teitl yn Gymraeg",
        "goals": "Nodau yn Gymraeg",
        "org": "Sefydliad y mae'r sgwad yn gweithio gydag ef",
        "save": "Cofnodi'r ymgysylltiad",
        "recorded": "Mae'r ymgysylltiad wedi'i gofnodi.",
        "squad_book": "Archebu rhywun ar gyfer y sgwad",
        "who": "Pwy o'r gronfa?",
        "squad_booked": "Mae'r arbenigwr wedi'i archebu ar gyfer y sgwad.",
        "utilisation": "Defnydd",
    },
}


def sign_in(page, site, prefix, email):
    page.context.clear_cookies()
    page.goto(f"{site}{prefix}/sign-in/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state("load")


def fill_date(page, name, day):
    page.locator(f"#id_{name}_0").fill(str(day.day))
    page.locator(f"#id_{name}_1").fill(str(day.month))
    page.locator(f"#id_{name}_2").fill(str(day.year))


def people(language):
    asker = User.objects.create_user(
        "alys@cardiff.example", PASSWORD, full_name="Alys Morgan", preferred_language=language
    )
    organisation_add_member(user=asker, organisation=Organisation.objects.get(code="W06000015"))
    manager = User.objects.create_user(
        "gareth@wlga.example", PASSWORD, full_name="Gareth Price", preferred_language=language
    )
    team_add_member(user=manager, team=LeadershipTeam.objects.get(slug="wlga-digital-team"))
    pool = Pool.objects.get(slug="capability-model")
    home = Organisation.objects.get(code="welsh-local-government-association")

    def specialist(name, role, days, skills=(), welsh=0):
        fields = {
            "pool": pool,
            "full_name": name,
            "role": DdatRole.objects.get(slug=role),
            "welsh_level": welsh,
            "home_organisation": home,
            "working_days": Decimal(days),
            "joined_on": services.this_week(),
        }
        return services.specialist_create(
            user=None, fields=fields, skills=Skill.objects.filter(slug__in=skills)
        )

    catrin = specialist("Catrin Hughes", "user-researcher", "4", ["research-welsh-speakers"], welsh=5)
    dylan = specialist("Dylan Williams", "data-analyst", "1")
    return asker, manager, catrin, dylan


@pytest.mark.parametrize("language", ["en", "cy"])
def test_ask_for_a_specialist_see_the_matches_and_book(
    page, site, check_accessible, transactional_db, language
):
    t, prefix = TEXT[language], ("/cy" if language == "cy" else "")
    asker, manager, catrin, dylan = people(language)
    start = services.this_week() + datetime.timedelta(weeks=1)
    end = start + datetime.timedelta(weeks=3, days=4)

    # A council officer asks for a user researcher who works in Welsh.
    sign_in(page, site, prefix, asker.email)
    page.goto(f"{site}{prefix}/specialists/")
    check_accessible(page)
    page.locator("main").get_by_role("link", name=t["ask"]).click()
    check_accessible(page)
    page.get_by_role("button", name=t["send"]).click()  # nothing filled in: every error, in this language
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessible(page)
    page.get_by_label(t["role"]).select_option("user-researcher")
    page.get_by_label(t["skill"]).check()
    page.get_by_label(t["what"]).fill(
        "Research with residents who book recycling visits, in Welsh and English."
    )
    page.get_by_label(t["days"]).fill("2")
    fill_date(page, "starts_on", start)
    fill_date(page, "ends_on", end)
    page.locator("#id_welsh_needed_0").check()
    page.locator("#id_pool_0").check()
    page.get_by_role("button", name=t["send"]).click()
    expect(page.locator("h1")).to_contain_text(t["sent"])
    check_accessible(page)
    request = SpecialistRequest.objects.get()
    assert request.organisation.code == "W06000015" and request.welsh_needed

    # The pool's manager sees who matches, and why, and books the best match.
    sign_in(page, site, prefix, manager.email)
    page.goto(f"{site}{prefix}{request.get_absolute_url()}")
    check_accessible(page)
    page.get_by_role("link", name=t["matches"]).click()
    expect(page.locator("main")).to_contain_text(t["why"])
    check_accessible(page)
    page.get_by_role("link", name=t["book_catrin"]).click()
    check_accessible(page)
    page.locator("main").get_by_role("button", name=t["book"], exact=True).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(t["confirmed"])
    check_accessible(page)
    assert Booking.objects.get().status == Booking.Status.CONFIRMED

    # Dylan works one day a week: two days do not fit, so the booking goes on the waiting list.
    page.goto(f"{site}{prefix}/specialists/requests/{request.reference}/matches/")
    page.get_by_role("link", name=t["book_dylan"]).click()
    page.locator("main").get_by_role("button", name=t["book"], exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(t["short"])
    check_accessible(page)
    page.get_by_role("button", name=t["wait"]).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(t["waiting"])
    check_accessible(page)
    assert Booking.objects.get(specialist=dylan).status == Booking.Status.WAITING

    # The queue and the utilisation pages.
    page.goto(f"{site}{prefix}/specialists/pools/capability-model/")
    check_accessible(page)
    page.locator("main").get_by_role("link", name=t["utilisation"], exact=True).click()
    check_accessible(page)
    page.goto(f"{site}{prefix}{catrin.get_absolute_url()}")
    check_accessible(page)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_record_an_engagement_and_book_the_squad(page, site, check_accessible, transactional_db, language):
    t, prefix = TEXT[language], ("/cy" if language == "cy" else "")
    _asker, manager, catrin, _dylan = people(language)
    sign_in(page, site, prefix, manager.email)
    page.goto(f"{site}{prefix}/squads/")
    check_accessible(page)
    page.locator("main").get_by_role("link", name=t["record"]).click()
    check_accessible(page)
    page.get_by_label(t["title"]).fill("Council tax pages in Welsh first")
    page.get_by_label(t["goals"]).fill("Pages that work first in Welsh, with an English version as good.")
    page.locator("#id_pool_0").check()
    page.locator("#id_phase_2").check()
    # The first organisation, with the type-ahead (JavaScript is on here).
    page.locator("#id_organisation_1").fill("Gwyned")
    page.get_by_role("option", name="Gwynedd", exact=True).click()
    fill_date(page, "starts_on", services.this_week())
    page.locator("#id_visibility_0").check()
    page.get_by_role("button", name=t["save"]).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(t["recorded"])
    check_accessible(page)
    engagement = Engagement.objects.get()

    page.get_by_role("link", name=t["squad_book"]).click()
    check_accessible(page)
    page.get_by_label(t["who"]).select_option(str(catrin.pk))
    fill_date(page, "last_week", services.this_week() + datetime.timedelta(weeks=4))
    page.locator("#id_days_per_week").fill("1")
    page.locator("main").get_by_role("button", name=t["book"], exact=True).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(t["squad_booked"])
    expect(page.locator("main")).to_contain_text("Catrin Hughes")
    check_accessible(page)
    assert engagement.bookings.get().specialist == catrin

    # The organisation's page shows the squad.
    page.goto(f"{site}{prefix}/organisations/W06000002/")
    expect(page.locator("main")).to_contain_text("Council tax pages in Welsh first")
    check_accessible(page)
