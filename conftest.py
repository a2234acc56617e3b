import time
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.utils import translation
from django_ratelimit import core as ratelimit_core

from porth.accounts.models import Role, User
from porth.accounts.services import team_add_member
from porth.directory.models import LeadershipTeam
from porth.similarity import service as similarity
from porth.site.reference import reference_load_all
from porth.testing import PASSWORD, make_project, person


@pytest.fixture
def reference(db):
    """The shipped reference facts (organisations, teams, standards, well-being goals) and the shipped
    routing rules, loaded for real."""
    return reference_load_all()


@pytest.fixture(autouse=True)
def no_rate_limit_counts(monkeypatch):
    """Each test starts with no requests counted against the rate limits (porth.core.limits), and within one
    window of them: django-ratelimit counts in fixed windows, and a slow run crossing the end of one would
    start a new count half-way through a test, so its clock stands still."""
    caches["limits"].clear()
    stopped = time.time()
    monkeypatch.setattr(ratelimit_core, "time", SimpleNamespace(time=lambda: stopped))


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a Welsh page in an earlier test must not leave Welsh switched on."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def private_var_dir(settings, tmp_path):
    """VAR_DIR in a folder of the test's own, for the commands that keep files there (the local password the
    demo people share, backups), so that a test never reads or overwrites what a developer's runs left in
    var/."""
    settings.VAR_DIR = tmp_path
    return tmp_path


@pytest.fixture
def fresh_index():
    """No similar-project snapshot open before or after the test: a process keeps the one it opened (for a
    second at least), so a test could otherwise be answered from one built before its projects existed, or
    leave its own to the next test."""
    similarity.index_forget()
    yield
    similarity.index_forget()


@pytest.fixture
def submitter(reference):
    """Someone who works for Cardiff council, so may ask the front door for it."""
    return person("alys@cardiff.example", "W06000015", full_name="Alys Morgan")


@pytest.fixture
def team(reference):
    return lambda slug: LeadershipTeam.objects.get(slug=slug)


@pytest.fixture
def triager(reference):
    """A member of the NHS Wales Digital team, who triages its queue."""
    user = User.objects.create_user(
        "sian@nhs.example", PASSWORD, full_name="Siân Davies", preferred_language="cy"
    )
    team_add_member(user=user, team=LeadershipTeam.objects.get(slug="nhs-wales-digital"), role=Role.MEMBER)
    return user


@pytest.fixture
def people(reference):
    """One person for each relationship a user can have with Cardiff's project."""
    return {
        "owner": person("owner@cardiff.example", "W06000015"),
        "colleague": person("colleague@cardiff.example", "W06000015"),
        "org_admin": person("admin@cardiff.example", "W06000015", role=Role.ADMINISTRATOR),
        "partner": person("partner@vale.example", "W06000014", language="cy"),
        "team_member": person(
            "triage@wlga.example", "welsh-local-government-association", team="wlga-digital-team"
        ),
        "other_org": person("someone@swansea.example", "W06000011"),
        "no_org": person("nobody@example.org"),
    }


@pytest.fixture
def project(people):
    return make_project(people["owner"])
