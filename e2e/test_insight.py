"""Insight journeys in a real browser, in English and Welsh, each page scanned with axe: the team dashboard,
the
page across all four teams, the public page, the structure in 2021 and now, the open data page and search."""

import pytest
from playwright.sync_api import expect

from porth.accounts.models import User
from porth.accounts.services import organisation_add_member, team_add_member
from porth.directory.models import LeadershipTeam, Organisation
from porth.testing import make_project

from .conftest import PASSWORD

TEXT = {
    "en": {
        "dashboard": "Dashboard: Digital Team for Welsh Local Authorities",
        "phase": "Projects by phase",
        "show": "Show these dates",
        "error": "The end date must be the same as or after the start date",
        "wales": "Digital work across Wales: the four leadership teams",
        "public": "Digital public services in Wales",
        "structure": "The structure in 2021 and now",
        "not_known": "Not known: no source Porth holds says who led the team on this date.",
        "open_data": "Open data",
        "licence": "Open Government Licence v3.0",
        "search": "Search Porth",
        "search_button": "Search",
        "query": "ailgylchu",
        "found": "Booking a visit to a recycling centre",
        "nav": "Dashboards and data",
        "see_dashboard": "See this team's dashboard",
    },
    "cy": {
        "dashboard": "Dangosfwrdd: Tîm Digidol Awdurdodau Lleol Cymru",
        "phase": "Prosiectau fesul cam",
        "show": "Dangos y dyddiadau hyn",
        "error": "Rhaid i'r dyddiad gorffen fod yr un fath â'r dyddiad dechrau neu ar ei ôl",
        "wales": "Gwaith digidol ledled Cymru: y pedwar tîm arweinyddiaeth",
        "public": "Gwasanaethau cyhoeddus digidol yng Nghymru",
        "structure": "Y strwythur yn 2021 a nawr",
        "not_known": (
            "Nid yw'n hysbys: nid oes ffynhonnell sydd gan Porth yn dweud pwy oedd yn arwain y tîm ar y "
            "dyddiad hwn."
        ),
        "open_data": "Data agored",
        "licence": "Drwydded Llywodraeth Agored v3.0",
        "search": "Chwilio Porth",
        "search_button": "Chwilio",
        "query": "recycling",
        "found": "Trefnu ymweliad â chanolfan ailgylchu",
        "nav": "Dangosfyrddau a data",
        "see_dashboard": "Gweld dangosfwrdd y tîm hwn",
    },
}


@pytest.fixture
def data(site):
    owner = User.objects.create_user("owner@cardiff.example", PASSWORD, full_name="Owain Price")
    organisation_add_member(user=owner, organisation=Organisation.objects.get(code="W06000015"))
    make_project(owner)
    make_project(owner, phase="beta", visibility="private")
    member = User.objects.create_user("lead@wlga.example", PASSWORD, full_name="Lowri Evans")
    team_add_member(user=member, team=LeadershipTeam.objects.get(slug="wlga-digital-team"))
    return {"member": member}


SIGN_IN = {
    "en": ("Email address", "Password", "Sign in"),
    "cy": ("Cyfeiriad e-bost", "Cyfrinair", "Mewngofnodi"),
}


def sign_in(page, site, language, email):
    email_label, password_label, button = SIGN_IN[language]
    page.goto(f"{site}{'/cy' if language == 'cy' else ''}/sign-in/")
    page.get_by_label(email_label).fill(email)
    page.get_by_label(password_label).fill(PASSWORD)
    page.locator("main").get_by_role("button", name=button).click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("language", ["en", "cy"])
def test_team_dashboard_with_dates_and_a_bad_date(page, site, data, check_accessible, language):
    t, prefix = TEXT[language], "/cy" if language == "cy" else ""
    sign_in(page, site, language, "lead@wlga.example")
    page.goto(f"{site}{prefix}/teams/wlga-digital-team/")
    page.get_by_role("link", name=t["see_dashboard"]).click()
    expect(page.locator("h1")).to_have_text(t["dashboard"])
    expect(page.locator("#figure-phase table")).to_contain_text(t["phase"])
    check_accessible(page)
    page.locator("#id_start_0").fill("1")
    page.locator("#id_start_1").fill("6")
    page.locator("#id_start_2").fill("2025")
    page.locator("#id_end_0").fill("1")
    page.locator("#id_end_1").fill("1")
    page.locator("#id_end_2").fill("2025")
    page.get_by_role("button", name=t["show"]).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(t["error"])
    expect(page.locator("#id_end_2")).to_have_value("2025")
    check_accessible(page)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_all_wales_public_and_structure_pages(page, site, data, check_accessible, language):
    t, prefix = TEXT[language], "/cy" if language == "cy" else ""
    page.goto(f"{site}{prefix}/")
    page.get_by_role("link", name=t["nav"]).click()
    page.get_by_role("link", name=t["public"]).click()
    expect(page.locator("h1")).to_have_text(t["public"])
    check_accessible(page)
    page.goto(f"{site}{prefix}/dashboards/wales/")
    expect(page.locator("h1")).to_have_text(t["wales"])
    check_accessible(page)
    page.goto(f"{site}{prefix}/structure/")
    expect(page.locator("h1")).to_have_text(t["structure"])
    expect(page.locator("main")).to_contain_text(t["not_known"])
    check_accessible(page)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_open_data_and_search(page, site, data, check_accessible, language):
    t, prefix = TEXT[language], "/cy" if language == "cy" else ""
    page.goto(f"{site}{prefix}/open-data/")
    expect(page.locator("h1")).to_have_text(t["open_data"])
    expect(page.locator("main")).to_contain_text(t["licence"])
    check_accessible(page)
    page.goto(f"{site}{prefix}/search/")
    expect(page.locator("h1")).to_have_text(t["search"])
    check_accessible(page)
    page.locator("#id_q").fill(t["query"])
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#projects + ul")).to_contain_text(t["found"])
    check_accessible(page)
    # The box stops typing at 200 characters; a longer search in the address still gets a clear error.
    page.goto(f"{site}{prefix}/search/?q={'x' * 201}")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessible(page)
