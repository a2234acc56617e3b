"""The knowledge hub in a real browser, in both languages: the library, a self-review and a peer review."""

import pytest
from playwright.sync_api import expect

from porth.accounts.models import User
from porth.accounts.services import organisation_add_member, team_add_member
from porth.directory.models import LeadershipTeam, Organisation
from porth.portfolio import services as portfolio
from porth.standards import services
from porth.standards.models import Review

from .conftest import PASSWORD

TEXT = {
    "en": {
        "library": "Standards",
        "search": "Search",
        "start": "Start a review",
        "alpha": "Alpha",
        "partly": "Partly met",
        "evidence": "Evidence",
        "save": "Save and go back to the review",
        "send": "Send for peer review",
        "send_now": "Send the review",
        "met": "Met",
        "comment": "Your comment to the team",
        "finish": "Finish the peer review",
        "finish_now": "Finish and tell the team",
        "summary": "Summary you can print",
        "dss": "Digital Service Standards for Wales",
    },
    "cy": {
        "library": "Safonau",
        "search": "Chwilio",
        "start": "Dechrau adolygiad",
        "alpha": "Alffa",
        "partly": "Wedi'i bodloni'n rhannol",
        "evidence": "Tystiolaeth",
        "save": "Cadw a mynd yn ôl i'r adolygiad",
        "send": "Anfon i gael adolygiad gan gymheiriaid",
        "send_now": "Anfon yr adolygiad",
        "met": "Wedi'i bodloni",
        "comment": "Eich sylw i'r tîm",
        "finish": "Gorffen yr adolygiad gan gymheiriaid",
        "finish_now": "Gorffen a dweud wrth y tîm",
        "summary": "Crynodeb y gallwch ei argraffu",
        "dss": "Safonau Gwasanaeth Digidol Cymru",
    },
}


def sign_in(page, site, prefix, email):
    page.context.clear_cookies()
    page.goto(f"{site}{prefix}/sign-in/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_library_self_review_and_peer_review(page, site, check_accessible, transactional_db, language):
    t, prefix = TEXT[language], ("/cy" if language == "cy" else "")
    owner = User.objects.create_user("owner@cardiff.example", PASSWORD, preferred_language=language)
    organisation_add_member(user=owner, organisation=Organisation.objects.get(code="W06000015"))
    reviewer = User.objects.create_user("reviewer@wlga.example", PASSWORD, preferred_language=language)
    team_add_member(user=reviewer, team=LeadershipTeam.objects.get(slug="wlga-digital-team"))
    project = portfolio.project_create(
        user=owner,
        related={},
        fields={
            "title_en": "Booking a recycling slot",
            "title_cy": "Trefnu slot ailgylchu",
            "summary_en": "Residents book online.",
            "summary_cy": "Mae trigolion yn trefnu ar-lein.",
            "owner_organisation": Organisation.objects.get(code="W06000015"),
            "phase": "alpha",
            "lead_team": LeadershipTeam.objects.get(slug="wlga-digital-team"),
        },
    )

    # The library, and a standard's page.
    page.goto(f"{site}{prefix}/standards/")
    check_accessible(page)
    page.get_by_role("link", name=t["dss"]).click()
    check_accessible(page)
    page.locator("main a[href$='/3/']").first.click()
    check_accessible(page)

    # The owner starts a review and answers the first standard, with an action.
    sign_in(page, site, prefix, owner.email)
    page.goto(f"{site}{prefix}/projects/{project.pk}/reviews/")
    check_accessible(page)
    page.get_by_label(t["dss"]).check()
    page.get_by_label(t["alpha"], exact=True).check()
    page.get_by_role("button", name=t["start"]).click()
    check_accessible(page)
    page.locator("main .govuk-task-list__link").first.click()
    check_accessible(page)
    page.get_by_label(t["partly"]).check()
    page.get_by_label(t["evidence"]).fill("We map each feature to a well-being goal.")
    page.locator("#id_action_1_what").fill("Write a well-being statement")
    page.locator("#id_action_1_who").fill("Service owner")
    page.locator("#id_action_1_due_0").fill("1")
    page.locator("#id_action_1_due_1").fill("3")
    page.locator("#id_action_1_due_2").fill("2030")
    page.get_by_role("button", name=t["save"]).click()
    expect(page.locator(".govuk-task-list__status").first).to_contain_text(t["partly"])

    # The rest was saved earlier (saving as you go); the team sends it.
    review = Review.objects.get()
    for standard in review.framework.standards.exclude(number=1):
        services.answer_save(
            review=review,
            standard=standard,
            user=owner,
            rating="met",
            not_applicable_reason="",
            evidence="Done.",
            evidence_links=[],
            actions=[],
        )
    page.get_by_role("link", name=t["send"]).click()
    check_accessible(page)
    page.get_by_role("button", name=t["send_now"]).click()

    # The lead team peer-reviews it.
    sign_in(page, site, prefix, reviewer.email)
    page.goto(f"{site}{prefix}/reviews/{review.pk}/")
    check_accessible(page)
    page.locator("main .govuk-task-list__link").first.click()
    check_accessible(page)
    page.get_by_label(t["met"], exact=True).check()
    page.get_by_label(t["comment"]).fill("The goals are well covered.")
    page.get_by_role("button", name=t["save"]).click()
    for answer in review.answers.exclude(standard__number=1):
        services.peer_answer_save(
            answer=answer, user=reviewer, reviewer_rating=answer.rating, reviewer_comment="Yes."
        )
    page.get_by_role("link", name=t["finish"]).click()
    check_accessible(page)
    page.get_by_role("button", name=t["finish_now"]).click()

    # The team sees the outcome and its open action on the summary and the project page.
    sign_in(page, site, prefix, owner.email)
    page.goto(f"{site}{prefix}/reviews/{review.pk}/")
    page.get_by_role("link", name=t["summary"]).click()
    expect(page.locator("main")).to_contain_text("The goals are well covered.")
    check_accessible(page)
    page.goto(f"{site}{prefix}/projects/{project.pk}/")
    expect(page.locator("main")).to_contain_text("Write a well-being statement")
    check_accessible(page)
