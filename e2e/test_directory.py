import re

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize(
    ("prefix", "heading", "team_link", "search", "found"),
    [
        (
            "",
            "Digital leadership for public services in Wales",
            "Welsh Government Digital",
            "Abertawe",
            "Swansea",
        ),
        (
            "/cy",
            "Arweinyddiaeth ddigidol ar gyfer gwasanaethau cyhoeddus yng Nghymru",
            "Digidol Llywodraeth Cymru",
            "Swansea",
            "Abertawe",
        ),
    ],
)
def test_home_team_and_organisation_pages(
    page, site, check_accessible, prefix, heading, team_link, search, found
):
    page.goto(f"{site}{prefix}/")
    expect(page.locator("h1")).to_have_text(heading)
    check_accessible(page)

    page.get_by_role("link", name=team_link, exact=True).first.click()
    expect(page).to_have_url(re.compile(rf"{prefix}/teams/welsh-government-digital/$"))
    expect(page.locator("h1")).to_contain_text(team_link)
    check_accessible(page)

    page.goto(f"{site}{prefix}/organisations/")
    check_accessible(page)
    page.locator("#id_q").fill(search)
    page.locator("form button[type=submit]").click()
    page.get_by_role("link", name=found, exact=True).click()
    expect(page.locator("h1")).to_have_text(found)
    check_accessible(page)


def test_team_page_as_of_2021_and_a_bad_date(page, site, check_accessible):
    page.goto(f"{site}/teams/wlga-digital-team/")
    page.get_by_role("link", name="Show the team in 2021").click()
    expect(page.locator("#as-of")).to_contain_text("30 June 2021")
    check_accessible(page)
    page.locator("#id_as_of_0").fill("31")
    page.locator("#id_as_of_1").fill("2")
    page.locator("#id_as_of_2").fill("2021")
    page.get_by_role("button", name="Show this date").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a real date")
    expect(page.locator("#id_as_of_0")).to_have_value("31")
    check_accessible(page)


def test_language_switch_keeps_the_same_page(page, site, check_accessible):
    page.goto(f"{site}/organisations/?kind=health_board")
    page.get_by_role("link", name="Cymraeg").click()
    expect(page).to_have_url(f"{site}/cy/organisations/?kind=health_board")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("h1")).to_have_text("Sefydliadau")
    check_accessible(page)
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{site}/organisations/?kind=health_board")


def test_skip_link_is_the_first_thing_the_keyboard_reaches(page, site):
    page.goto(f"{site}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/#main-content")


@pytest.mark.parametrize(
    "path",
    [
        "/accessibility/",
        "/cookies/",
        "/privacy/",
        "/no-such-page/",
        "/cy/accessibility/",
        "/cy/cookies/",
        "/cy/privacy/",
        "/cy/no-such-page/",
    ],
)
def test_content_and_error_pages_are_accessible(page, site, check_accessible, path):
    page.goto(f"{site}{path}")
    check_accessible(page)
