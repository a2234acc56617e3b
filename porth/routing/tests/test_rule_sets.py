"""Administrators copy, edit, try out and publish routing rules in the web interface."""

import datetime
import html
import json

import pytest

from porth.routing.models import RuleSet
from porth.testing import answer_all

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def draft(client, admin_user, reference):
    client.force_login(admin_user)
    response = client.post("/routing/1/copy/")
    assert response.url == "/routing/2/"
    return RuleSet.objects.get(version=2)


def test_rule_sets_are_for_administrators_only(client, submitter):
    assert client.get("/routing/").status_code == 302
    client.force_login(submitter)
    assert client.get("/routing/").status_code == 403
    assert client.post("/routing/1/copy/").status_code == 403


def test_list_and_detail_explain_each_rule(client, admin_user, reference):
    client.force_login(admin_user)
    assert "Version 1 is in force today." in page(client.get("/routing/"))
    detail = page(client.get("/routing/1/"))
    assert "HEALTH_AND_CARE" in detail and "WHOLE_PUBLIC_SECTOR" in detail
    assert "Copy into a new draft" in detail and "Add a rule" not in detail


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
    response = client.post("/routing/2/rules/0/", data)
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
    response = client.post("/routing/2/rules/0/", data)
    assert response.status_code == 200
    summary = page(response).split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
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
    assert client.post("/routing/2/rules/new/", data).status_code == 302
    draft.refresh_from_db()
    last = len(draft.rules) - 1
    assert draft.rules[last]["code"] == "DATA_HELP"
    client.post(f"/routing/2/rules/{last}/move/", {"direction": "up"})
    draft.refresh_from_db()
    assert draft.rules[last - 1]["code"] == "DATA_HELP"
    assert "Remove rule DATA_HELP?" in page(client.get(f"/routing/2/rules/{last - 1}/delete/"))
    client.post(f"/routing/2/rules/{last - 1}/delete/")
    draft.refresh_from_db()
    assert "DATA_HELP" not in [r["code"] for r in draft.rules]


def test_what_if_then_publish(client, draft, submitter, admin_user):
    client.force_login(submitter)
    answer_all(
        client,
        answers={
            "organisation": {"organisation": "W06000015"},
            "others": {},
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
    index = next(i for i, r in enumerate(draft.rules) if r["code"] == "COUNCIL_WORK")
    client.post(f"/routing/2/rules/{index}/delete/")
    what_if = page(client.get("/routing/2/what-if/"))
    assert "Would change lead team" in what_if and "Bins" in what_if
    response = client.post(
        "/routing/2/publish/", {"effective_from_0": "1", "effective_from_1": "1", "effective_from_2": "2020"}
    )
    assert "The date must be today or in the future" in page(response)
    today = datetime.date.today()
    response = client.post(
        "/routing/2/publish/",
        {"effective_from_0": today.day, "effective_from_1": today.month, "effective_from_2": today.year},
    )
    assert response.status_code == 302
    assert RuleSet.objects.in_force().version == 2
    assert RuleSet.objects.get(version=1).status == "retired"
