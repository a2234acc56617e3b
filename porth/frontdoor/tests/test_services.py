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
from porth.testing import person

pytestmark = pytest.mark.django_db


def rerun(decision: Decision) -> engine.Decision:
    """Route a stored decision's facts again with the rule set version it recorded."""
    return engine.route(engine.Facts.from_dict(decision.facts), decision.rule_set.compiled())


def answers(org="W06000015", others=(), health=False, wg=False, help_wanted=("data",), **extra):
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
        **{"contact_email": "alys@cardiff.example", **extra},
    )


def test_council_social_care_goes_to_wlga_with_nhs_support(submitter):
    request = services.request_submit(user=submitter, answers=answers(health=True), language="en")
    assert request.lead_team.slug == "wlga-digital-team"
    assert list(request.supporting_teams.values_list("slug", flat=True)) == ["nhs-wales-digital"]
    assert request.reference == f"PORTH-{request.pk:06d}"
    assert not request.could_go_either_way


def test_every_decision_stores_its_version_and_reruns_to_the_same_answer(submitter):
    request = services.request_submit(user=submitter, answers=answers(others=["W11000028"]), language="en")
    decision = Decision.objects.get(request=request)
    assert decision.rule_set == RuleSet.objects.in_force() and decision.rule_set.shipped_as == "2"
    assert rerun(decision).to_dict() == decision.result


def test_a_decision_stored_by_version_1_reruns_with_version_1(submitter):
    version_1 = RuleSet.objects.get(shipped_as="1")
    stored = {
        "organisations": [{"code": "W06000015", "kind": "local_authority", "sector": "local_government"}],
        "health_or_social_care": True,
        "welsh_government_service": False,
        "help_wanted": [],
        "available_teams": sorted(routing.available_team_slugs()),
    }
    decision = engine.route(engine.Facts.from_dict(stored), version_1.compiled())
    assert decision.lead == "nhs-wales-digital"  # version 1's reading, kept for the decisions it made


def test_helpers_do_not_count_as_owners(submitter):
    wg, cdps = "welsh-government", "centre-for-digital-public-services"
    request = services.request_submit(
        user=submitter,
        answers=answers(others=[wg, cdps], roles={wg: "fund", cdps: "deliver"}),
        language="en",
    )
    assert request.lead_team.slug == "wlga-digital-team"
    assert list(request.supporting_teams.values_list("slug", flat=True)) == ["cdps"]
    assert request.organisation_roles == {wg: "fund", cdps: "deliver"}
    facts = Decision.objects.get(request=request).facts
    assert [o["code"] for o in facts["owners"]] == ["W06000015"]
    assert {(h["code"], h["role"]) for h in facts["helpers"]} == {(wg, "fund"), (cdps, "deliver")}


def test_an_organisation_asks_for_others_whose_work_it_is(reference):
    wlga_member = person(
        "triage@wlga.example", "welsh-local-government-association", team="wlga-digital-team"
    )
    request = services.request_submit(
        user=wlga_member,
        answers=answers(
            org="welsh-local-government-association", others=["W06000015", "W06000011"], asker_owns=False
        ),
        language="en",
    )
    assert request.lead_team.slug == "wlga-digital-team" and request.could_go_either_way
    assert [r["team"] for r in request.overlap] == ["cdps"]
    assert not request.asker_owns


def test_work_that_is_nobody_s_is_refused(submitter):
    with pytest.raises(services.NoOwner):
        services.request_submit(user=submitter, answers=answers(asker_owns=False), language="en")
    assert not HelpRequest.objects.exists()


def test_a_person_asks_only_for_their_organisation_or_one_their_team_serves(reference):
    cardiff = person("someone@cardiff.example", "W06000015")
    with pytest.raises(services.AskingNotAllowed):
        services.request_submit(user=cardiff, answers=answers(org="W06000011"), language="en")
    nhs = person("triage@nhs.example", team="nhs-wales-digital")
    with pytest.raises(services.AskingNotAllowed):
        services.request_submit(user=nhs, answers=answers(org="W06000011"), language="en")
    request = services.request_submit(user=nhs, answers=answers(org="W11000028"), language="en")
    assert request.acting_for_team.slug == "nhs-wales-digital"
    own = services.request_submit(user=cardiff, answers=answers(), language="en")
    assert own.acting_for_team is None


def test_an_old_decision_reruns_with_its_own_version_after_new_rules_are_published(submitter, admin_user):
    request = services.request_submit(user=submitter, answers=answers(), language="en")
    old = Decision.objects.get(request=request)
    draft = routing.rule_set_copy_to_draft(source=old.rule_set, user=admin_user)
    rules = [r for r in draft.rules if r["code"] not in ("COUNCILS_WORK", "COUNCILS_INVOLVED")]
    routing.rule_set_save_rules(
        rule_set=draft, rules=rules, notes_en="No council rule.", notes_cy="Dim rheol."
    )
    routing.rule_set_publish(rule_set=draft, user=admin_user, effective_from=datetime.date.today())
    assert RuleSet.objects.in_force() == draft
    assert rerun(old).lead == old.result["lead"] == "wlga-digital-team"
    newer = services.request_submit(user=submitter, answers=answers(), language="en")
    assert newer.lead_team.slug != "wlga-digital-team"


def test_a_retired_team_gets_no_new_decisions_but_old_ones_still_read(reference):
    ranger = person("ranger@eryri.example", "W18000003")
    old = services.request_submit(user=ranger, answers=answers(org="W18000003"), language="en")
    assert old.lead_team.slug == "cdps"
    cdps = LeadershipTeam.objects.get(slug="cdps")
    cdps.active_to = datetime.date.today() - datetime.timedelta(days=1)
    cdps.name_en = "Centre for Digital Public Services (closed)"
    cdps.save()
    new = services.request_submit(user=ranger, answers=answers(org="W18000003"), language="en")
    assert new.lead_team.slug == "wlga-digital-team"  # the team its other claim names
    assert rerun(Decision.objects.get(request=old)).lead == "cdps"


def test_no_rule_set_in_force_and_no_team_available_are_clear_errors(submitter):
    RuleSet.objects.update(status=RuleSet.Status.WITHDRAWN)
    with pytest.raises(routing.NoRuleSetInForce):
        services.request_submit(user=submitter, answers=answers(), language="en")
    RuleSet.objects.update(status=RuleSet.Status.PUBLISHED)
    LeadershipTeam.objects.update(active_to=datetime.date(2020, 1, 1))
    with pytest.raises(routing.NoTeamAvailable):
        services.request_submit(user=submitter, answers=answers(), language="en")
    assert not HelpRequest.objects.exists()


# E-mails are queued when the data is committed, so these tests commit for real.
@pytest.mark.django_db(transaction=True)
def test_passing_a_request_on_keeps_the_team_as_a_supporter_and_it_arrives_as_new(submitter, triager):
    request = services.request_submit(user=submitter, answers=answers(health=True), language="en")
    colleague = person("gareth@nhs.example", team="nhs-wales-digital")
    mail.outbox.clear()
    wlga = LeadershipTeam.objects.get(slug="wlga-digital-team")
    nhs = LeadershipTeam.objects.get(slug="nhs-wales-digital")
    services.request_redirect(
        request=request, user=triager, from_team=wlga, to_team=nhs, reason="Health first."
    )
    request.refresh_from_db()
    assert request.lead_team == nhs and request.status == HelpRequest.Status.NEW
    assert list(request.supporting_teams.all()) == [wlga]
    latest = request.decisions.first()
    assert latest.rule_set is None and latest.redirect_reason == "Health first."
    assert latest.result["support"] == ["wlga-digital-team"]
    assert request.decisions.count() == 2
    # The person who asked, and the new lead team's members (not the one who passed it on).
    assert sorted(m.to[0] for m in mail.outbox) == ["alys@cardiff.example", colleague.email]
    services.request_redirect(
        request=request, user=triager, from_team=nhs, to_team=wlga, reason="Back.", keep_supporting=False
    )
    request.refresh_from_db()
    assert request.lead_team == wlga and not request.supporting_teams.exists()


def test_keeping_a_request_that_could_go_either_way_records_it_once(submitter, reference):
    request = services.request_submit(user=submitter, answers=answers(others=["W06000011"]), language="en")
    assert request.could_go_either_way
    wlga = request.lead_team
    assert services.request_keep(request=request, user=submitter, team=wlga).kind == RequestEvent.Kind.KEPT
    assert services.request_keep(request=request, user=submitter, team=wlga) is None
    request.refresh_from_db()
    assert not request.could_go_either_way


# E-mails are queued when the data is committed, so these tests commit for real.
@pytest.mark.django_db(transaction=True)
def test_emails_go_in_each_readers_language_and_tell_supporting_teams_they_support(submitter, triager):
    services.request_submit(user=submitter, answers=answers(health=True), language="cy")
    to_submitter = next(m for m in mail.outbox if m.to == ["alys@cardiff.example"])
    to_team = next(m for m in mail.outbox if m.to == [triager.email])
    assert to_submitter.subject.startswith("Mae gennym eich cais")
    assert "/cy/requests/" in to_submitter.body
    assert to_team.subject.startswith("Gofynnwyd i'ch tîm gefnogi")
    assert "gofynnir i'ch tîm gefnogi'r tîm arweiniol" in to_team.body.lower()


# E-mails are queued when the data is committed, so these tests commit for real.
@pytest.mark.django_db(transaction=True)
def test_status_change_emails_the_submitter_with_the_message_and_an_unchanged_one_sends_nothing(
    submitter, triager
):
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
    again = services.request_change_status(
        request=request, user=triager, team=request.lead_team, status="needs_information"
    )
    assert again is None and len(mail.outbox) == 1
    assert RequestEvent.objects.filter(request=request, kind="status").count() == 1


def test_what_if_lists_requests_whose_lead_would_change(submitter, admin_user):
    services.request_submit(user=submitter, answers=answers(), language="en")
    services.request_submit(user=submitter, answers=answers(health=True), language="en")
    draft = routing.rule_set_copy_to_draft(source=RuleSet.objects.in_force(), user=admin_user)
    routing.rule_set_save_rules(
        rule_set=draft,
        rules=[r for r in draft.rules if r["code"] not in ("COUNCILS_WORK", "COUNCILS_INVOLVED")],
    )
    result = services.rule_set_what_if(rule_set=draft)
    assert result.total == 2
    assert [c.lead_before for c in result.lead_changes] == ["wlga-digital-team", "wlga-digital-team"]


def test_a_draft_cannot_be_saved_with_an_unknown_fact(admin_user, reference):
    draft = routing.rule_set_copy_to_draft(source=RuleSet.objects.in_force(), user=admin_user)
    rules = draft.rules
    rules[0] = {**rules[0], "condition": {"fact": "moon_phase", "is": True}}
    with pytest.raises(engine.RuleSetError):
        routing.rule_set_save_rules(rule_set=draft, rules=rules)
    draft.refresh_from_db()
    assert draft.rules[0]["condition"] != {"fact": "moon_phase", "is": True}


# What each kind of body in the reference data gets when it asks alone about its own work that is not health,
# not a Welsh Government service.
EXPECTED_LEAD_BY_KIND = {
    "local_authority": "wlga-digital-team",
    "council_partnership": "wlga-digital-team",
    "health_board": "nhs-wales-digital",
    "nhs_trust": "nhs-wales-digital",
    "special_health_authority": "nhs-wales-digital",
    "welsh_government": "welsh-government-digital",
    "fire_rescue": "cdps",
    "national_park": "cdps",
    "police": "cdps",
}


def test_every_organisation_in_the_reference_data_gets_exactly_one_lead(reference):
    for organisation in Organisation.objects.all():
        facts = routing.facts_build(routing.WorkFacts(asking=organisation))
        decision, _ = routing.route(facts)
        expected = EXPECTED_LEAD_BY_KIND.get(organisation.kind)
        if organisation.code == "centre-for-digital-public-services":
            expected = "cdps"  # its own work
        elif expected is None:  # sponsored and other bodies: by their sector
            expected = {
                "health_and_care": "nhs-wales-digital",
                "central_government": "welsh-government-digital",
            }.get(organisation.sector, "cdps")
        assert decision.lead == expected, (organisation.code, decision.trace)
        assert decision.lead not in decision.support
