from playwright.sync_api import expect

from .conftest import PASSWORD


def test_sign_in_with_mistakes_then_sign_out(page, site, person, check_accessible):
    page.goto(f"{site}/")
    page.get_by_role("link", name="Sign in", exact=True).click()
    check_accessible(page)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")
    check_accessible(page)
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The email address or password is not right")
    expect(page.get_by_label("Email address")).to_have_value(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Your account").click()
    expect(page.locator("h1")).to_have_text("Your account")
    check_accessible(page)
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have signed out.")
    check_accessible(page)


def test_sign_in_in_welsh(page, site, person, check_accessible):
    page.goto(f"{site}/cy/sign-in/")
    expect(page.locator("h1")).to_have_text("Mewngofnodi i Porth")
    page.get_by_label("Cyfeiriad e-bost").fill(person.email)
    page.get_by_label("Cyfrinair").fill(PASSWORD)
    page.get_by_role("button", name="Mewngofnodi").click()
    expect(page.get_by_role("button", name="Allgofnodi")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    check_accessible(page)


def test_password_reset_pages(page, site, check_accessible):
    page.goto(f"{site}/cy/password-reset/")
    check_accessible(page)
    page.get_by_label("Cyfeiriad e-bost").fill("not-an-address")
    page.get_by_role("button").filter(has_text="Anfon").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Rhowch gyfeiriad e-bost yn y fformat cywir")
    check_accessible(page)
