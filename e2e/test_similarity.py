"""Typing a description shows a known similar project, in both languages, with accessibility scans."""

import pytest
from playwright.sync_api import expect

from porth.accounts.models import User
from porth.accounts.services import organisation_add_member
from porth.directory.models import LeadershipTeam, Organisation
from porth.portfolio import services
from porth.similarity.service import index_forget

from .conftest import PASSWORD

KNOWN = "Trefnu slot mewn canolfan ailgylchu"


@pytest.fixture
def known_project(site):
    index_forget()
    owner = User.objects.create_user("owner@gwynedd.example", PASSWORD)
    organisation_add_member(user=owner, organisation=Organisation.objects.get(code="W06000002"))
    services.project_create(
        user=owner,
        fields={
            "title_cy": KNOWN,
            "title_en": "Booking a slot at the recycling centre",
            "summary_cy": "Mae trigolion yn trefnu amser i ymweld â'r ganolfan ailgylchu ar-lein, heb giwio.",
            "summary_en": "Residents book a time to visit the recycling centre online, without queueing.",
            "owner_organisation": Organisation.objects.get(code="W06000002"),
            "phase": "live",
            "lead_team": LeadershipTeam.objects.get(slug="wlga-digital-team"),
            "visibility": "public",
        },
        related={},
    )
    yield
    index_forget()


@pytest.mark.parametrize(
    ("prefix", "summary_label", "text", "heading"),
    [
        (
            "",
            "Summary in English",
            "We want residents to book a time slot at our recycling centre online.",
            "Others may already be doing this",
        ),
        (
            "/cy",
            "Crynodeb yn Gymraeg",
            "Rydym am i drigolion drefnu amser yn y ganolfan ailgylchu ar-lein.",
            None,
        ),
    ],
)
def test_typing_a_description_shows_a_known_similar_project(
    page, site, known_project, check_accessible, prefix, summary_label, text, heading
):
    person = User.objects.create_user("writer@cardiff.example", PASSWORD)
    organisation_add_member(user=person, organisation=Organisation.objects.get(code="W06000015"))
    page.goto(f"{site}{prefix}/sign-in/")
    page.locator("#id_username").fill(person.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.goto(f"{site}{prefix}/projects/new/")
    page.get_by_label(summary_label).fill(text)
    results = page.locator("[data-similar-results]")
    expect(results).to_contain_text(KNOWN if prefix else "Booking a slot at the recycling centre")
    if heading:
        expect(results).to_contain_text(heading)
    check_accessible(page)


def test_without_javascript_the_journey_shows_them_on_a_page_of_their_own(browser, site, known_project, axe):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/cy/ask/organisation/")
    page.locator("#id_organisation").select_option("W06000015")
    page.locator("main button[type=submit]").click()
    page.locator("main button[type=submit]").click()  # no other organisations
    page.locator("input[name=asker_owns][value=yes]").check()  # their own work
    page.locator("main button[type=submit]").click()
    page.locator("input[name=work_kind][value=not_sure]").check()
    page.locator("main button[type=submit]").click()
    page.locator("#id_title").fill("Archebu slot ailgylchu")
    page.locator("main button[type=submit]").click()
    page.locator("#id_description").fill("Rydym am i drigolion drefnu amser yn y ganolfan ailgylchu ar-lein.")
    page.locator("main button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Prosiectau tebyg")
    expect(page.locator("main")).to_contain_text(KNOWN)
    # axe runs as JavaScript in the page, so the same page (same session) is scanned in a context with it on.
    scanner = browser.new_context()
    scanner.add_cookies(context.cookies())
    scanned = scanner.new_page()
    scanned.goto(page.url)
    expect(scanned.locator("h1")).to_have_text("Prosiectau tebyg")
    results = axe.run(scanned)
    assert results.violations_count == 0, results.generate_report()
    scanner.close()
    context.close()
