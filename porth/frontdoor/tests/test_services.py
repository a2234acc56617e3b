"""Submitting, routing, redirecting and notifying, through the services."""

import datetime

import pytest
from django.core import mail

from porth.directory.models import LeadershipTeam, Organisation
from porth.frontdoor import services
from porth.frontdoor.models import Decision, HelpRequest, RequestEvent
from porth.routing import engine
from porth.routing import services as routing
from porth.routing.models import RuleSet

pytestmark = pytest.mark.django_db


def rerun(decision: Decision) -> engine.Decision:
    """Route a stored decision's facts again with the rule set version it recorded."""
    return engine.route(engine.Facts.from_dict(decision.facts), decision.rule_set.compiled())


def answers(org="W06000015", others=(), health=False, wg=False, help_wanted=("data",)):
    return services.Answers(
        organisation=Organisation.objects.get(code=org),
        others=list(Organisation.objects.filter(code__in=others)),
        title="A title",
        description="A problem worth solving for residents.",
        health_or_social_care=health,
        welsh_government_service=wg,
        help_wanted=list(help_wanted),
        phase="discovery",
        timescale="not_sure",
        contact_name="Alys Morgan",
        contact_email="alys@cardiff.example",
    )


def test_council_social_care_goes_to_nhs_with_wlga_support(submitter):
    request = services.request_submit(user=submitter, answers=answers(health=True), language="en")
    assert request.lead_team.slug == "nhs-wales-digital"
    assert "wlga-digital-team" in request.supporting_teams.values_list("slug", flat=True)
    assert request.reference == f"PORTH-{request.pk:06d}"


def test_every_decision_stores_its_version_and_reruns_to_the_same_answer(submitter):
    request = services.request_submit(user=submitter, answers=answers(others=["W11000028"]), language="en")
    decision = Decision.objects.get(request=request)
    assert decision.rule_set.version == 1
    again = rerun(decision)
    assert again.to_dict() == decision.result


def test_an_old_decision_reruns_with_its_own_version_after_new_rules_are_published(submitter, admin_user):
    request = services.request_submit(user=submitter, answers=answers(), language="en")
    old = Decision.objects.get(request=request)
    draft = routing.rule_set_copy_to_draft(source=old.rule_set, user=admin_user)
    rules = [r for r in draft.rules if r["code"] != "COUNCIL_WORK"]
    routing.rule_set_save_rules(rule_set=draft, rules=rules)
    routing.rule_set_publish(rule_set=draft, user=admin_user, effective_from=datetime.date.today())
    assert RuleSet.objects.in_force() == draft
    assert rerun(old).lead == old.result["lead"] == "wlga-digital-team"
    newer = services.request_submit(user=submitter, answers=answers(), language="en")
    assert newer.lead_team.slug != "wlga-digital-team"


def test_a_retired_team_gets_no_new_decisions_but_old_ones_still_read(submitter):
    old = services.request_submit(user=submitter, answers=answers(org="W18000001"), language="en")
    assert old.lead_team.slug == "cdps"
    cdps = LeadershipTeam.objects.get(slug="cdps")
    cdps.active_to = datetime.date.today() - datetime.timedelta(days=1)
    cdps.name_en = "Centre for Digital Public Services (closed)"
    cdps.save()
    new = services.request_submit(user=submitter, answers=answers(org="W18000001"), language="en")
    assert new.lead_team.slug == "welsh-government-digital"
    assert rerun(Decision.objects.get(request=old)).lead == "cdps"


# E-mails are queued when the data is committed, so these tests commit for real.
@pytest.mark.django_db(transaction=True)
def test_redirect_records_a_new_decision_and_tells_the_submitter_and_the_new_team(submitter, triager):
    request = services.request_submit(user=submitter, answers=answers(health=True), language="en")
    mail.outbox.clear()
    wlga = LeadershipTeam.objects.get(slug="wlga-digital-team")
    services.request_redirect(
        request=request, user=triager, from_team=request.lead_team, to_team=wlga, reason="A council matter."
    )
    request.refresh_from_db()
    assert request.lead_team == wlga and request.status == HelpRequest.Status.REDIRECTED
    latest = request.decisions.first()
    assert latest.is_redirect and latest.redirect_reason == "A council matter."
    assert request.decisions.count() == 2
    assert [m.to for m in mail.outbox] == [["alys@cardiff.example"]]


# E-mails are queued when the data is committed, so these tests commit for real.
@pytest.mark.django_db(transaction=True)
def test_emails_go_in_each_readers_language(submitter, triager):
    services.request_submit(user=submitter, answers=answers(health=True), language="cy")
    to_submitter = next(m for m in mail.outbox if m.to == ["alys@cardiff.example"])
    to_team = next(m for m in mail.outbox if m.to == [triager.email])
    assert to_submitter.subject.startswith("Mae gennym eich cais")
    assert "/cy/requests/" in to_submitter.body
    assert to_team.subject.startswith("Cais newydd")


# E-mails are queued when the data is committed, so these tests commit for real.
@pytest.mark.django_db(transaction=True)
def test_status_change_emails_the_submitter_with_the_message(submitter, triager):
    request = services.request_submit(user=submitter, answers=answers(health=True), language="en")
    mail.outbox.clear()
    services.request_change_status(
        request=request,
        user=triager,
        team=request.lead_team,
        status="needs_information",
        message="Which wards?",
    )
    (message,) = mail.outbox
    assert "Which wards?" in message.body and "Needs more information" in message.body
    assert RequestEvent.objects.filter(request=request, kind="status").count() == 1


def test_what_if_lists_requests_whose_lead_would_change(submitter, admin_user):
    services.request_submit(user=submitter, answers=answers(), language="en")
    services.request_submit(user=submitter, answers=answers(health=True), language="en")
    draft = routing.rule_set_copy_to_draft(source=RuleSet.objects.get(version=1), user=admin_user)
    routing.rule_set_save_rules(rule_set=draft, rules=[r for r in draft.rules if r["code"] != "COUNCIL_WORK"])
    result = services.rule_set_what_if(rule_set=draft)
    assert result.total == 2
    assert [c.lead_before for c in result.lead_changes] == ["wlga-digital-team"]


def test_a_draft_cannot_be_saved_with_an_unknown_fact(admin_user, reference):
    draft = routing.rule_set_copy_to_draft(source=RuleSet.objects.get(version=1), user=admin_user)
    rules = draft.rules
    rules[0] = {**rules[0], "condition": {"fact": "moon_phase", "is": True}}
    with pytest.raises(engine.RuleSetError):
        routing.rule_set_save_rules(rule_set=draft, rules=rules)
    draft.refresh_from_db()
    assert draft.rules[0]["condition"] != {"fact": "moon_phase", "is": True}


# What each kind of body in the reference data gets when it asks alone about work that is not health, not a
# Welsh Government service, and involves nobody else.
EXPECTED_LEAD_BY_KIND = {
    "local_authority": "wlga-digital-team",
    "health_board": "nhs-wales-digital",
    "nhs_trust": "nhs-wales-digital",
    "special_health_authority": "nhs-wales-digital",
    "welsh_government": "cdps",
    "fire_rescue": "cdps",
    "national_park": "cdps",
    "police": "cdps",
    "other_public_body": None,  # depends on its sector: health bodies go to NHS Wales Digital, others to CDPS
}


def test_every_organisation_in_the_reference_data_gets_exactly_one_lead(reference):
    for organisation in Organisation.objects.all():
        facts = routing.facts_build(
            organisation=organisation,
            others=[],
            health_or_social_care=False,
            welsh_government_service=False,
            help_wanted=[],
        )
        decision, _ = routing.route(facts)
        expected = EXPECTED_LEAD_BY_KIND[organisation.kind]
        if expected is None:
            expected = "nhs-wales-digital" if organisation.sector == "health_and_care" else "cdps"
        assert decision.lead == expected, (organisation.code, decision.trace)
        assert decision.lead not in decision.support
