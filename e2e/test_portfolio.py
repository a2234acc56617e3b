"""Portfolio journeys in a real browser, in both languages, with an accessibility scan on every page."""

import pytest
from playwright.sync_api import expect

from porth.accounts.models import Role, User
from porth.accounts.services import organisation_add_member
from porth.directory.models import LeadershipTeam, Organisation
from porth.portfolio import services
from porth.portfolio.models import Project
from porth.similarity.service import index_forget

from .conftest import PASSWORD

TEXT = {
    "en": {
        "add": "Add a project",
        "title": "Title in English",
        "summary": "Summary in English",
        "owner": "Organisation that owns it",
        "save": "Add the project",
        "report": "Report an update",
        "on_track": "On track",
        "happened": "What has happened since the last update?",
        "send": "Send the update",
        "follow": "Follow",
        "ask": "Ask to work together",
        "partner": "Join as a partner",
        "message": "Your message to the owners",
        "send_ask": "Send the request",
        "accept": "Accept",
        "answer": "Send your answer",
        "sign_in": "Sign in",
        "email": "Email address",
        "password": "Password",
    },
    "cy": {
        "add": "Ychwanegu prosiect",
        "title": "Teitl yn Gymraeg",
        "summary": "Crynodeb yn Gymraeg",
        "owner": "Y sefydliad sy'n berchen arno",
        "save": "Ychwanegu'r prosiect",
        "report": "Rhoi diweddariad",
        "on_track": "Ar y trywydd iawn",
        "happened": "Beth sydd wedi digwydd ers y diweddariad diwethaf?",
        "send": "Anfon y diweddariad",
        "follow": "Dilyn",
        "ask": "Gofyn am gydweithio",
        "partner": "Ymuno fel partner",
        "message": "Eich neges i'r perchnogion",
        "send_ask": "Anfon y cais",
        "accept": "Derbyn",
        "answer": "Anfon eich ateb",
        "sign_in": "Mewngofnodi",
        "email": "Cyfeiriad e-bost",
        "password": "Cyfrinair",
    },
}


def sign_in(page, site, prefix, email, t):
    page.goto(f"{site}{prefix}/sign-in/")
    page.get_by_label(t["email"]).fill(email)
    page.get_by_label(t["password"]).fill(PASSWORD)
    page.locator("main").get_by_role("button", name=t["sign_in"]).click()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_create_update_follow_ask_and_accept(page, site, check_accessible, transactional_db, language):
    t = TEXT[language]
    prefix = "/cy" if language == "cy" else ""
    owner = User.objects.create_user(
        "owner@cardiff.example", PASSWORD, full_name="Alys Morgan", preferred_language=language
    )
    organisation_add_member(user=owner, organisation=Organisation.objects.get(code="W06000015"))
    other = User.objects.create_user(
        "huw@swansea.example", PASSWORD, full_name="Huw Jenkins", preferred_language=language
    )
    organisation_add_member(
        user=other, organisation=Organisation.objects.get(code="W06000011"), role=Role.MEMBER
    )

    # The owner adds a project, writing in the page's language only.
    sign_in(page, site, prefix, owner.email, t)
    page.goto(f"{site}{prefix}/projects/")
    check_accessible(page)
    page.get_by_role("link", name=t["add"]).first.click()
    check_accessible(page)
    page.get_by_label(t["title"]).fill(
        "Booking a recycling slot" if language == "en" else "Trefnu slot ailgylchu"
    )
    page.get_by_label(t["summary"]).fill(
        "Residents book a time online." if language == "en" else "Mae trigolion yn trefnu amser ar-lein."
    )
    page.locator("#id_owner_organisation").select_option("W06000015")
    page.get_by_role("button", name=t["save"]).click()
    expect(page.locator("h1")).to_contain_text("recycling slot" if language == "en" else "slot ailgylchu")
    check_accessible(page)

    # Report once.
    page.get_by_role("link", name=t["report"]).click()
    check_accessible(page)
    page.get_by_label(t["on_track"]).check()
    page.get_by_label(t["happened"]).fill("Tested with 40 residents.")
    page.get_by_role("button", name=t["send"]).click()
    expect(page.locator("main")).to_contain_text("Tested with 40 residents.")
    project_url = page.url

    # Someone from another council follows it and asks to join.
    page.context.clear_cookies()
    sign_in(page, site, prefix, other.email, t)
    page.goto(project_url)
    page.locator("main").get_by_role("button", name=t["follow"]).click()
    check_accessible(page)
    page.get_by_role("link", name=t["ask"]).click()
    check_accessible(page)
    page.get_by_label(t["partner"]).check()
    page.get_by_label(t["message"]).fill("We are doing the same in Swansea.")
    page.get_by_role("button", name=t["send_ask"]).click()
    expect(page.locator(".govuk-notification-banner")).to_be_visible()

    # The owner accepts; Swansea is now a partner.
    page.context.clear_cookies()
    sign_in(page, site, prefix, owner.email, t)
    page.goto(project_url)
    expect(page.locator("main")).to_contain_text("We are doing the same in Swansea.")
    check_accessible(page)
    page.get_by_label(t["accept"], exact=True).check()
    page.get_by_role("button", name=t["answer"]).click()
    expect(page.locator("main")).to_contain_text("Abertawe" if language == "cy" else "Swansea")
    check_accessible(page)
    page.goto(f"{site}{prefix}/organisations/W06000011/")
    expect(page.locator("main")).to_contain_text("recycling slot" if language == "en" else "slot ailgylchu")
    check_accessible(page)


def test_without_javascript_similar_projects_are_shown_before_the_project_is_saved(browser, site, axe):
    index_forget()
    gwynedd = User.objects.create_user("owner@gwynedd.example", PASSWORD)
    organisation_add_member(user=gwynedd, organisation=Organisation.objects.get(code="W06000002"))
    services.project_create(
        user=gwynedd,
        fields={
            "title_cy": "Trefnu slot mewn canolfan ailgylchu",
            "summary_cy": "Mae trigolion yn trefnu amser i ymweld â'r ganolfan ailgylchu ar-lein, heb giwio.",
            "owner_organisation": Organisation.objects.get(code="W06000002"),
            "phase": "live",
            "lead_team": LeadershipTeam.objects.get(slug="wlga-digital-team"),
            "visibility": "public",
        },
        related={},
    )
    owner = User.objects.create_user("owner@cardiff.example", PASSWORD, preferred_language="cy")
    organisation_add_member(user=owner, organisation=Organisation.objects.get(code="W06000015"))
    t = TEXT["cy"]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, site, "/cy", owner.email, t)
    page.goto(f"{site}/cy/projects/new/")
    page.get_by_label(t["title"]).fill("Archebu slot ailgylchu")
    page.get_by_label(t["summary"]).fill("Rydym am i drigolion drefnu amser yn y ganolfan ailgylchu ar-lein.")
    page.locator("#id_owner_organisation").select_option("W06000015")
    page.get_by_role("button", name=t["save"]).click()
    expect(page.locator("h1")).to_have_text("Prosiectau tebyg")
    expect(page.locator("main")).to_contain_text("Trefnu slot mewn canolfan ailgylchu")
    assert not Project.objects.filter(owner_organisation__code="W06000015").exists()
    # axe runs as JavaScript in the page, so the same page (same session) is scanned in a context with it on.
    scanner = browser.new_context()
    scanner.add_cookies(context.cookies())
    scanned = scanner.new_page()
    scanned.goto(page.url)
    expect(scanned.locator("h1")).to_have_text("Prosiectau tebyg")
    results = axe.run(scanned)
    assert results.violations_count == 0, results.generate_report()
    scanner.close()

    # Back to the form, the answers are still there; sent again, the similar projects are shown again.
    page.get_by_role("button", name="Mynd yn ôl i'w newid").click()
    expect(page.get_by_label(t["title"])).to_have_value("Archebu slot ailgylchu")
    page.get_by_role("button", name=t["save"]).click()
    page.get_by_role("button", name="Cadw'r prosiect beth bynnag").click()
    expect(page.locator("h1")).to_contain_text("Archebu slot ailgylchu")
    assert Project.objects.filter(owner_organisation__code="W06000015").count() == 1
    context.close()
    index_forget()
