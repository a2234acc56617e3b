"""Administrators copy, edit, try out and publish routing rules in the web interface."""

import datetime
import json

import pytest

from porth.routing.models import RuleSet
from porth.testing import answer_all, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(client, admin_user, reference):
    """A draft copied from the version in force (version 2, shipped), numbered 3."""
    client.force_login(admin_user)
    response = client.post("/routing/2/copy/")
    assert response.url == "/routing/3/"
    return RuleSet.objects.get(version=3)


def test_rule_sets_are_for_administrators_only(client, submitter):
    assert client.get("/routing/").status_code == 302
    client.force_login(submitter)
    assert client.get("/routing/").status_code == 403
    assert client.post("/routing/1/copy/").status_code == 403


def test_list_and_detail_explain_each_rule(client, admin_user, reference):
    client.force_login(admin_user)
    listing = page_text(client.get("/routing/"))
    assert "Version 2 is in force today." in listing and "Replaced" in listing
    assert "Whose work it is now decides" in listing
    assert "Pwy sydd biau'r gwaith" in page_text(client.get("/cy/routing/")), (
        "the note in Welsh on Welsh pages"
    )
    detail = page_text(client.get("/routing/2/"))
    assert "COUNCILS_WORK" in detail and "WHOLE_PUBLIC_SECTOR" in detail
    assert "Every owner of the work is a local authority or a body of councils." in detail
    assert "Copy into a new draft" in detail and "Add a rule" not in detail
    assert "Mae pob un o berchnogion y gwaith yn awdurdod lleol neu'n gorff o gynghorau." in page_text(
        client.get("/cy/routing/2/")
    )


def test_a_version_replaced_later_shows_until_when_and_a_scheduled_one_can_be_withdrawn(
    client, draft, admin_user
):
    from porth.routing import services

    rules = [r for r in draft.rules if r["code"] != "COUNCIL_SKILLS"]
    services.rule_set_save_rules(
        rule_set=draft, rules=rules, notes_en="Fewer rules.", notes_cy="Llai o reolau."
    )
    later = datetime.date.today() + datetime.timedelta(days=30)
    services.rule_set_publish(rule_set=draft, user=admin_user, effective_from=later)
    listing = page_text(client.get("/routing/"))
    assert "Comes into force later" in listing and "Version 2 is in force today." in listing
    current = page_text(client.get("/routing/2/"))
    assert "until" in current and "Replaced" not in current
    response = client.post("/routing/3/withdraw/", follow=True)
    assert "has been withdrawn" in page_text(response)
    assert RuleSet.objects.get(version=2).retired_on is None
    assert RuleSet.objects.get(version=3).state == "withdrawn"
    assert "Only a version that has not come into force yet" in page_text(
        client.post("/routing/2/withdraw/", follow=True)
    )


def test_a_published_version_cannot_be_edited(client, admin_user, reference):
    client.force_login(admin_user)
    assert client.get("/routing/1/rules/0/").status_code == 403


def test_edit_a_rule_in_a_draft(client, draft):
    rule = draft.rules[0]
    data = {
        **rule,
        "condition": json.dumps(rule["condition"]),
        "lead": rule["lead"],
        "support": rule["support"],
        "reason_en": "Changed reason.",
        "lead_team": "",
    }
    response = client.post("/routing/3/rules/0/", data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.rules[0]["reason_en"] == "Changed reason."


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ("{not json", "The condition must be valid JSON"),
        ('{"fact": "moon_phase", "is": true}', "There is no fact called moon_phase."),
        (
            '{"fact": "organisation_count", "at_least": "two"}',
            'must be a whole number of at least 1, not "two"',
        ),
        ('{"fact": "help_wanted", "includes_any": ["cake"]}', '"cake" is not a code that can be used here'),
    ],
)
def test_a_bad_condition_is_explained_and_nothing_is_saved(client, draft, condition, message):
    rule = draft.rules[0]
    data = {
        "code": rule["code"],
        "kind": "lead",
        "condition": condition,
        "lead": rule["lead"],
        "reason_en": "x",
        "reason_cy": "y",
    }
    response = client.post("/routing/3/rules/0/", data)
    assert response.status_code == 200
    summary = page_text(response).split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    assert message in summary
    draft.refresh_from_db()
    assert draft.rules[0] == rule


def test_add_move_and_remove_a_rule(client, draft):
    data = {
        "code": "DATA_HELP",
        "kind": "support",
        "condition": '{"fact": "help_wanted", "includes_any": ["data"]}',
        "support": ["wlga-digital-team"],
        "reason_en": "Data help.",
        "reason_cy": "Help gyda data.",
    }
    assert client.post("/routing/3/rules/new/", data).status_code == 302
    draft.refresh_from_db()
    last = len(draft.rules) - 1
    assert draft.rules[last]["code"] == "DATA_HELP"
    client.post(f"/routing/3/rules/{last}/move/", {"direction": "up"})
    draft.refresh_from_db()
    assert draft.rules[last - 1]["code"] == "DATA_HELP"
    assert "Remove rule DATA_HELP?" in page_text(client.get(f"/routing/3/rules/{last - 1}/delete/"))
    client.post(f"/routing/3/rules/{last - 1}/delete/")
    draft.refresh_from_db()
    assert "DATA_HELP" not in [r["code"] for r in draft.rules]


def test_what_if_then_publish(client, draft, submitter, admin_user):
    client.force_login(submitter)
    answer_all(
        client,
        answers={
            "organisation": {"organisation": "W06000015"},
            "others": {},
            "own-work": {"asker_owns": "yes"},
            "work-kind": {"work_kind": "own_service"},
            "title": {"title": "Bins"},
            "problem": {"description": "Residents cannot book a bulky waste collection online."},
            "similar": {"similar_seen": "True"},
            "health": {"health_or_social_care": "no"},
            "welsh-government": {"welsh_government_service": "no"},
            "help": {"help_wanted": ["data"]},
            "phase": {"phase": "alpha"},
            "timescale": {"timescale": "not_sure"},
            "contact": {"contact_name": "A", "contact_email": "a@cardiff.example"},
        },
    )
    client.post("/ask/check/")
    client.force_login(admin_user)
    today = datetime.date.today()
    on_today = {
        "effective_from_0": today.day,
        "effective_from_1": today.month,
        "effective_from_2": today.year,
    }
    client.post("/routing/3/", {"notes_en": "Nothing yet.", "notes_cy": "Dim eto."})
    assert "same rules as version 2" in page_text(client.post("/routing/3/publish/", on_today))
    for code in ("COUNCILS_WORK", "COUNCILS_INVOLVED"):
        draft.refresh_from_db()
        index = next(i for i, r in enumerate(draft.rules) if r["code"] == code)
        client.post(f"/routing/3/rules/{index}/delete/")
    what_if = page_text(client.get("/routing/3/what-if/"))
    assert "Would change lead team" in what_if and "Bins" in what_if
    client.post("/routing/3/", {"notes_en": "", "notes_cy": ""})
    assert "in English and in Welsh, before publishing" in page_text(
        client.post("/routing/3/publish/", on_today)
    )
    client.post("/routing/3/", {"notes_en": "No council rules.", "notes_cy": "Dim rheolau cynghorau."})
    response = client.post(
        "/routing/3/publish/", {"effective_from_0": "1", "effective_from_1": "1", "effective_from_2": "2020"}
    )
    assert "The date must be today or in the future" in page_text(response)
    response = client.post("/routing/3/publish/", on_today)
    assert response.status_code == 302, page_text(response).split("govuk-error-summary__list", 1)[-1][:400]
    assert RuleSet.objects.in_force().version == 3
    assert RuleSet.objects.get(version=2).state == "replaced"


def test_a_condition_nested_too_deep_is_refused_with_a_clear_error(client, draft):
    rule = draft.rules[0]
    nine_deep = {"always": True}
    for _ in range(8):
        nine_deep = {"not": nine_deep}
    for condition, message in [
        (json.dumps(nine_deep), "at most 8 deep"),
        ("[" * 5000 + "]" * 5000, "The condition must be valid JSON"),
    ]:
        data = {**rule, "condition": condition, "reason_en": "x", "reason_cy": "y", "lead": rule["lead"]}
        response = client.post("/routing/3/rules/0/", data)
        assert response.status_code == 200 and message in page_text(response)
