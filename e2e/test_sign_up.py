"""Getting in, in the browser and in both languages: registering with a work address, single sign-on
through a real OpenID Connect provider on 127.0.0.1, and the page a flood of sign-ins meets."""

import copy
import http.client
import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from config.sso import providers_from_env
from porth.accounts.models import OrganisationMembership, User

BASE = Path(__file__).resolve().parent.parent
PROVIDER_PASSWORD = "provider test password"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, path: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the test OpenID Connect provider did not start")


@pytest.fixture
def oidc_provider(site, settings, tmp_path):
    """A real OpenID Connect provider (django-oauth-toolkit) in its own process, trusted for
    cardiff.gov.uk."""
    port, client_id, secret = _free_port(), "porth-test-client", "a provider test secret"
    callback = f"{site}/auth/oidc/test-council/login/callback/"
    log = (tmp_path / "provider.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "e2e.oidc_provider.serve", str(port), callback, client_id, secret],
        cwd=BASE,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(port, "/o/.well-known/openid-configuration")
        sso = providers_from_env(
            json.dumps(
                [
                    {
                        "id": "test-council",
                        "name": "Test council",
                        "server_url": f"http://127.0.0.1:{port}/o",
                        "client_id": client_id,
                        "secret": secret,
                        "domains": ["cardiff.gov.uk"],
                    }
                ]
            )
        )
        settings.SSO = sso
        settings.SOCIALACCOUNT_PROVIDERS = {
            "openid_connect": {"APPS": sso.allauth_apps, "OAUTH_PKCE_ENABLED": True}
        }
        policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
        policy["DIRECTIVES"]["form-action"] = [*policy["DIRECTIVES"]["form-action"], *sso.origins]
        settings.CONTENT_SECURITY_POLICY = policy
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def _provider_sign_in(page, username):
    expect(page.locator("h1")).to_have_text("Test council sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PROVIDER_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_single_sign_on_makes_a_member_of_the_council_and_links_an_existing_account(
    page, site, oidc_provider, check_accessible
):
    page.goto(f"{site}/sign-in/")
    check_accessible(page)
    page.get_by_role("button", name="Sign in with Test council").click()
    _provider_sign_in(page, "gwen")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    check_accessible(page)
    user = User.objects.get(email="gwen.price@cardiff.gov.uk")
    assert user.full_name == "Gwen Price" and not user.has_usable_password()
    assert OrganisationMembership.objects.get(user=user).organisation.code == "W06000015"
    page.goto(f"{site}/account/")
    expect(page.locator("main")).to_contain_text("Cardiff")
    # Signing in again reaches the same account.
    page.get_by_role("button", name="Sign out").click()
    page.goto(f"{site}/sign-in/")
    page.get_by_role("button", name="Sign in with Test council").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()  # the provider remembers the person
    assert User.objects.filter(email__iexact="gwen.price@cardiff.gov.uk").count() == 1


def test_single_sign_on_in_welsh_refuses_an_address_the_provider_is_not_trusted_for(
    page, site, oidc_provider, check_accessible
):
    page.goto(f"{site}/cy/sign-in/")
    page.get_by_role("button", name="Mewngofnodi gyda chyfrif Test council").click()
    _provider_sign_in(page, "stranger")
    expect(page.locator("h1")).to_have_text("Ni all y gwasanaeth mewngofnodi hwn eich mewngofnodi i Porth")
    expect(page.locator("main")).to_contain_text("cardiff.gov.uk")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    check_accessible(page)
    assert not User.objects.filter(email="stranger@example.org").exists()


@pytest.mark.parametrize(
    ("prefix", "labels"),
    [
        (
            "",
            {
                "create": "Create an account",
                "email": "Your work email address",
                "send": "Send me the link",
                "name": "Your full name",
                "password": "Choose a password",
                "again": "Enter the password again",
                "finish": "Create my account",
                "done": "Your account is ready",
            },
        ),
        (
            "/cy",
            {
                "create": "Creu cyfrif",
                "email": "Eich cyfeiriad e-bost gwaith",
                "send": "Anfon y ddolen ataf",
                "name": "Eich enw llawn",
                "password": "Dewiswch gyfrinair",
                "again": "Rhowch y cyfrinair eto",
                "finish": "Creu fy nghyfrif",
                "done": "Mae eich cyfrif yn barod",
            },
        ),
    ],
)
def test_registering_with_a_work_address(page, site, check_accessible, prefix, labels):
    page.goto(f"{site}{prefix}/sign-in/")
    page.get_by_role("link", name=labels["create"]).click()
    check_accessible(page)
    page.get_by_role("button", name=labels["send"]).click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessible(page)
    page.get_by_label(labels["email"]).fill("gwen.price@cardiff.gov.uk")
    page.get_by_role("button", name=labels["send"]).click()
    expect(page.locator("main")).to_contain_text("gwen.price@cardiff.gov.uk")
    check_accessible(page)
    link = re.search(r"http://\S+", mail.outbox[-1].body).group(0)
    page.goto(site + link.split("/", 3)[3].join(["/", ""]))
    check_accessible(page)
    page.get_by_label(labels["name"]).fill("Gwen Price")
    page.get_by_label(labels["password"]).fill("five unrelated words together")
    page.get_by_label(labels["again"]).fill("five unrelated words different")
    page.get_by_role("button", name=labels["finish"]).click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessible(page)
    page.get_by_label(labels["password"]).fill("five unrelated words together")
    page.get_by_label(labels["again"]).fill("five unrelated words together")
    page.get_by_role("button", name=labels["finish"]).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(labels["done"])
    check_accessible(page)
    assert (
        OrganisationMembership.objects.get(user__email="gwen.price@cardiff.gov.uk").organisation.code
        == "W06000015"
    )


@pytest.mark.parametrize(("prefix", "heading"), [("", "Too many attempts"), ("/cy", "Gormod o ymdrechion")])
def test_a_flood_of_sign_ins_meets_a_clear_page(page, site, person, check_accessible, prefix, heading):
    for _ in range(11):
        page.goto(f"{site}{prefix}/sign-in/")
        page.locator("#id_username").fill(person.email)
        page.locator("#id_password").fill("not the password")
        page.locator("form[method=post] button[type=submit]").last.click()
        page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text(heading)
    check_accessible(page)
