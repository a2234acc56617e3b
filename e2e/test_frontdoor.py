"""The front-door journey in a real browser, in both languages, with an accessibility scan on every page."""

import pytest
from playwright.sync_api import expect

from porth.accounts.models import Role
from porth.accounts.services import team_add_member
from porth.directory.models import LeadershipTeam

from .conftest import PASSWORD

TEXT = {
    "en": {
        "start": "Start now",
        "continue": "Continue",
        "yes": "Yes",
        "no": "No",
        "send": "Send the request",
        "sign_in_to_send": "Sign in to send the request",
        "sign_in": "Sign in",
        "email": "Email address",
        "password": "Password",
        "sent": "Request sent",
        "leads": "NHS Wales Digital",
        "help": "Service design and user research",
        "phase": "Discovery",
        "timescale": "Not sure yet",
        "full_name": "Full name",
        "error": "There is a problem",
        "their_work": "It is their work too",
        "shared": "A service built or bought once for several organisations",
        "would_help": "Who would help, and why",
        "also_led": "This could also be led by Digital Team for Welsh Local Authorities",
    },
    "cy": {
        "start": "Dechrau nawr",
        "continue": "Parhau",
        "yes": "Ydy",
        "no": "Nac ydy",
        "send": "Anfon y cais",
        "sign_in_to_send": "Mewngofnodi i anfon y cais",
        "sign_in": "Mewngofnodi",
        "email": "Cyfeiriad e-bost",
        "password": "Cyfrinair",
        "sent": "Cais wedi'i anfon",
        "leads": "Digidol GIG Cymru",
        "help": "Dylunio gwasanaethau ac ymchwil defnyddwyr",
        "phase": "Darganfod",
        "timescale": "Ddim yn siŵr eto",
        "full_name": "Enw llawn",
        "error": "Mae problem",
        "their_work": "Eu gwaith nhw ydyw hefyd",
        "shared": "Gwasanaeth sy'n cael ei adeiladu neu ei brynu unwaith ar gyfer sawl sefydliad",
        "would_help": "Pwy fyddai'n helpu, a pham",
        "also_led": "Gallai'r tîm hwn arwain hefyd: Tîm Digidol Awdurdodau Lleol Cymru",
    },
}


@pytest.mark.parametrize("language", ["en", "cy"])
def test_ask_for_help_from_start_to_decision(page, site, person, check_accessible, language):
    """Council and health board together on care: NHS Wales Digital leads, and it could go either way."""
    from porth.accounts.services import organisation_add_member
    from porth.directory.models import Organisation

    organisation_add_member(user=person, organisation=Organisation.objects.get(code="W06000015"))
    t = TEXT[language]
    prefix = "/cy" if language == "cy" else ""
    page.goto(f"{site}{prefix}/ask/")
    check_accessible(page)
    page.get_by_role("button", name=t["start"]).click()

    # Your organisation: the type-ahead (JavaScript is on here) finds Cardiff by its Welsh name too.
    check_accessible(page)
    page.get_by_role("button", name=t["continue"]).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(t["error"])
    check_accessible(page)
    combobox = page.get_by_role("combobox")
    combobox.fill("Caerdy" if language == "cy" else "Cardif")
    page.get_by_role("option", name="Caerdydd" if language == "cy" else "Cardiff", exact=True).click()
    page.get_by_role("button", name=t["continue"]).click()

    page.get_by_label(
        "Cardiff and Vale University Health Board"
        if language == "en"
        else "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro"
    ).check()
    check_accessible(page)
    page.get_by_role("button", name=t["continue"]).click()
    # How the other organisation is involved; whether it is the asker's own work; the kind of work.
    page.get_by_label(t["their_work"]).check()
    check_accessible(page)
    page.get_by_role("button", name=t["continue"]).click()
    page.get_by_label(t["yes"], exact=True).check()
    check_accessible(page)
    page.get_by_role("button", name=t["continue"]).click()
    page.get_by_label(t["shared"]).check()
    check_accessible(page)
    page.get_by_role("button", name=t["continue"]).click()
    page.locator("#id_title").fill("Adult social care front door")
    check_accessible(page)
    page.get_by_role("button", name=t["continue"]).click()
    page.locator("#id_description").fill("People who need care wait weeks to hear back from us.")
    # With JavaScript on, similar projects are looked up as the person types (there are none yet here),
    # and the separate page that shows them is skipped.
    expect(page.locator("[data-similar-results]")).not_to_be_empty()
    check_accessible(page)
    page.get_by_role("button", name=t["continue"]).click()
    page.get_by_label(t["yes"], exact=True).check()
    check_accessible(page)
    page.get_by_role("button", name=t["continue"]).click()
    page.get_by_label(t["no"], exact=True).check()
    page.get_by_role("button", name=t["continue"]).click()
    page.get_by_label(t["help"]).check()
    check_accessible(page)
    page.get_by_role("button", name=t["continue"]).click()
    page.get_by_label(t["phase"], exact=True).check()
    page.get_by_role("button", name=t["continue"]).click()
    page.get_by_label(t["timescale"]).check()
    page.get_by_role("button", name=t["continue"]).click()
    page.get_by_label(t["full_name"]).fill("Ffion Rees")
    page.get_by_label(t["email"]).fill(person.email)
    check_accessible(page)
    page.get_by_role("button", name=t["continue"]).click()

    # Check your answers, with where it would go (before signing in), then sign in: the answers are kept.
    expect(page.locator("main")).to_contain_text(t["would_help"])
    expect(page.locator("[data-overlap]")).to_contain_text(t["also_led"])
    check_accessible(page)
    page.get_by_role("link", name=t["sign_in_to_send"]).click()
    page.get_by_label(t["email"]).fill(person.email)
    page.get_by_label(t["password"]).fill(PASSWORD)
    page.locator("main").get_by_role("button", name=t["sign_in"]).click()
    expect(page.locator("main")).to_contain_text("Adult social care front door")
    page.get_by_role("button", name=t["send"]).click()

    expect(page.locator(".govuk-panel__title")).to_have_text(t["sent"])
    expect(page.locator("main")).to_contain_text(t["leads"])
    expect(page.locator("[data-overlap]")).to_contain_text(t["also_led"])
    expect(page.locator("main")).not_to_contain_text("JOINT_HEALTH_AND_CARE")  # codes are for administrators
    page.locator("main details summary").click()
    check_accessible(page)


def test_team_member_triages_a_request(page, site, person, check_accessible, transactional_db):
    from porth.accounts.services import organisation_add_member
    from porth.directory.models import Organisation
    from porth.frontdoor import services

    organisation_add_member(user=person, organisation=Organisation.objects.get(code="W11000028"))
    request = services.request_submit(
        user=person,
        answers=services.Answers(
            organisation=Organisation.objects.get(code="W11000028"),
            others=[Organisation.objects.get(code="W06000021")],
            title="Outpatient letters",
            description="Letters arrive after the appointment.",
            health_or_social_care=True,
            welsh_government_service=False,
            help_wanted=["technology"],
            phase="alpha",
            timescale="not_sure",
            contact_name="Ffion Rees",
            contact_email=person.email,
        ),
        language="en",
    )
    team_add_member(user=person, team=LeadershipTeam.objects.get(slug="nhs-wales-digital"), role=Role.MEMBER)
    page.goto(f"{site}/sign-in/")
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()
    page.goto(f"{site}/teams/nhs-wales-digital/queue/")
    check_accessible(page)
    page.get_by_role("link", name="Outpatient letters").click()
    check_accessible(page)
    page.get_by_label("Accepted").check()
    page.get_by_role("button", name="Save the status").click()
    expect(page.locator(".govuk-notification-banner")).to_be_visible()
    expect(page.locator("main .govuk-tag").first).to_have_text("Accepted")
    # It could go either way (the health board with Monmouthshire council, on care): keep it, in Welsh.
    page.goto(f"{site}/cy{request.get_absolute_url()}")
    expect(page.locator("#either-way")).to_have_text("Ei gadw, neu ei drosglwyddo")
    check_accessible(page)
    page.get_by_role("button", name="Ei gadw").click()
    expect(page.locator(".govuk-notification-banner")).to_be_visible()
    expect(page.locator("#either-way")).to_have_count(0)
    check_accessible(page)


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_rule_set_pages_and_api_guide_are_accessible(page, site, check_accessible, transactional_db, prefix):
    from porth.accounts.models import User

    User.objects.create_superuser("root@example.org", PASSWORD)
    page.goto(f"{site}{prefix}/sign-in/")
    page.locator("#id_username").fill("root@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    for path in ["/routing/", "/routing/1/", "/developers/api/", "/account/"]:
        page.goto(f"{site}{prefix}{path}")
        check_accessible(page)
    page.goto(f"{site}{prefix}/routing/2/")
    check_accessible(page)
    page.locator("main form button[type=submit]").first.click()
    page.goto(f"{site}{prefix}/routing/3/rules/0/")
    check_accessible(page)
    page.goto(f"{site}{prefix}/routing/3/what-if/")
    check_accessible(page)
    page.goto(f"{site}{prefix}/routing/3/publish/")
    check_accessible(page)
