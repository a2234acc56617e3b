"""Browser journeys: Playwright drives Debian's Chromium against a live Porth server.

No browser is ever downloaded: the tests use /usr/bin/chromium, which `make test` installs from Debian's
packages when it is missing. Every page visited is scanned with axe and must have no violations.
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from porth.accounts.models import User
from porth.site.reference import reference_load_all

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made from that thread
# (fixtures creating data) are safe here because the live server runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "a long browser test password"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def check_accessible(axe):
    """Scan the page with axe; fail with the report when there is any violation."""

    def check(page):
        # A click that navigates returns before the new page has loaded; scan the loaded page, not the gap.
        page.wait_for_load_state("load")
        results = axe.run(page)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


@pytest.fixture
def site(live_server, transactional_db):
    reference_load_all()
    return live_server.url


@pytest.fixture
def person(transactional_db):
    return User.objects.create_user("ffion@example.org", PASSWORD, full_name="Ffion Rees")
