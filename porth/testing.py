"""Helpers that tests in every app share: people with memberships, a project, the front-door answers.

Fixtures built on these live in the top-level conftest.py; tests import the plain helpers from here, never
from another app's tests.
"""

import datetime
import html

from porth.accounts.models import Role, User
from porth.accounts.services import organisation_add_member, team_add_member
from porth.directory.models import LeadershipTeam, Organisation, ProgrammeItem
from porth.portfolio import services
from porth.portfolio.models import Follow
from porth.standards import services as standards
from porth.standards.models import Framework, Rating

PASSWORD = "a long porth test password"


def person(email, organisation=None, role=Role.MEMBER, team=None, language="en", full_name=None):
    """A person, optionally a member of an organisation (by code) and of a leadership team (by slug)."""
    user = User.objects.create_user(
        email, PASSWORD, full_name=full_name or email.split("@")[0].title(), preferred_language=language
    )
    if organisation:
        organisation_add_member(
            user=user, organisation=Organisation.objects.get(code=organisation), role=role
        )
    if team:
        team_add_member(user=user, team=LeadershipTeam.objects.get(slug=team))
    return user


# The fields of the form for adding a project, filled in Welsh only (so its page says English is missing), as
# the page's script sends them once it has shown similar projects (the page without JavaScript shows them on a
# page of their own first: portfolio/tests/test_similar_before_saving.py).
NEW_PROJECT = {
    "similar_seen": "on",
    "title_cy": "Cais am fathodyn glas",
    "summary_cy": "Gwneud cais ar-lein am fathodyn glas.",
    "owner_organisation": "W06000015",
    "partner_organisations": ["W06000014"],
    "phase": "discovery",
    "status": "on_track",
    "budget_band": "under_50k",
    "collaboration": "open_to_partners",
    "lead_team": "wlga-digital-team",
    "tags": "blue badge, Parking",
    "visibility": "public",
    "contact_1_name": "Alys Morgan",
    "contact_1_role": "Service owner",
    "contact_1_email": "alys@cardiff.example",
    "link_1_title": "Blog",
    "link_1_url": "https://example.gov.wales/blog",
    "started_on_0": "1",
    "started_on_1": "4",
    "started_on_2": "2026",
}


def make_project(owner, visibility="public", **fields):
    """Cardiff's recycling-centre project (in both languages, with the Vale as a partner), through the
    portfolio's own service."""
    values = {
        "title_en": "Booking a visit to a recycling centre",
        "title_cy": "Trefnu ymweliad â chanolfan ailgylchu",
        "summary_en": "Residents book a time slot online instead of queueing.",
        "summary_cy": "Mae trigolion yn trefnu slot amser ar-lein yn lle ciwio.",
        "owner_organisation": Organisation.objects.get(code="W06000015"),
        "phase": "alpha",
        "status": "on_track",
        "lead_team": LeadershipTeam.objects.get(slug="wlga-digital-team"),
        "visibility": visibility,
        **fields,
    }
    related = {"partner_organisations": [Organisation.objects.get(code="W06000014")]}
    return services.project_create(user=owner, fields=values, related=related, tags_text="booking, waste")


def make_busy_project(owner, n: int):
    """Cardiff's project with `n` of everything a project page lists: programme items, supporting teams,
    updates, followers, and self-reviews (each with an answer and an open action on its first `n` standards),
    so that a test can compare the queries of a page for n=1 and n=3."""
    project = make_project(owner)
    project.programme_items.set(ProgrammeItem.objects.order_by("pk")[:n])
    project.supporting_teams.set(LeadershipTeam.objects.exclude(pk=project.lead_team_id).order_by("pk")[:n])
    framework = Framework.objects.get(slug="digital-service-standards-wales")
    for i in range(n):
        services.project_report(
            project=project,
            user=owner,
            status="on_track",
            status_reason="",
            what_happened=f"Step {i}.",
            whats_next="More.",
            language="en",
        )
        Follow.objects.create(user=person(f"follower{i}.{project.pk}@example.org"), project=project)
        review = standards.review_start(project=project, framework=framework, phase="alpha", user=owner)
        for standard in framework.standards.order_by("number")[:n]:
            standards.answer_save(
                review=review,
                standard=standard,
                user=owner,
                rating=Rating.PARTLY,
                not_applicable_reason="",
                evidence=f"Evidence {i}.",
                evidence_links=[],
                actions=[{"what": f"Do {i}.", "who": "The team", "due_on": datetime.date(2030, 1, 1)}],
            )
    return project


# The answers of the front-door journey, page by page, for Cardiff's adult social care front door.
ANSWERS = {
    "organisation": {"organisation": "W06000015"},
    "others": {"others": ["W11000029"]},
    "roles": {"W11000029": "owner"},
    "own-work": {"asker_owns": "yes"},
    "work-kind": {"work_kind": "shared_service"},
    "title": {"title": "Adult social care front door"},
    "problem": {
        "description": "People who need care wait weeks to hear back; we want one simple way to ask."
    },
    "similar": {"similar_seen": "True"},
    "health": {"health_or_social_care": "yes"},
    "welsh-government": {"welsh_government_service": "no"},
    "help": {"help_wanted": ["service_design", "skills"]},
    "phase": {"phase": "discovery"},
    "timescale": {"timescale": "within_6_months"},
    "contact": {"contact_name": "Alys Morgan", "contact_email": "alys@cardiff.example", "contact_phone": ""},
}


# A request for help as the JSON API takes it (POST /api/v1/requests): Cardiff's adult social care front door.
API_REQUEST = {
    "organisation": "W06000015",
    "with": ["W11000029"],
    "health_or_social_care": True,
    "title": "Adult social care front door",
    "description": "One way to ask for care.",
    "help_wanted": ["service_design"],
    "phase": "discovery",
    "timescale": "not_sure",
    "contact_name": "Alys Morgan",
    "contact_email": "alys@cardiff.example",
}


def answer_all(client, prefix="", answers=None):
    """Answer every page of the journey; return the last response (a redirect to check your answers)."""
    for slug, data in (answers or ANSWERS).items():
        response = client.post(f"{prefix}/ask/{slug}/", data)
        assert response.status_code == 302, (slug, response.content.decode()[:2000])
    return response


def page_text(response) -> str:
    """A page's HTML with its character references read back (`&#x27;` as `'`, `&amp;` as `&`), so that a test
    can look for a sentence as people read it, apostrophes and all."""
    return html.unescape(response.content.decode())


def body_text(response) -> str:
    """A response's text, streamed (downloads) or not, without the byte-order mark CSV files start with."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode().removeprefix("\ufeff")
