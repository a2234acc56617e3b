"""The routing engine, tested without Django or a database: a table of scenarios for the seed's division of
work, one test per compile error, round trips, explanations in both languages, and properties for any facts.
"""

import ast
import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from porth.routing import engine
from porth.routing.engine import (
    HELP_CODES,
    HELPER_ROLES,
    ORGANISATION_KINDS,
    SECTORS,
    WORK_KINDS,
    Facts,
    NoAvailableTeam,
    Organisation,
    RuleSetError,
    compile_rule_set,
    route,
)

SHIPPED_PATH = Path(engine.__file__).resolve().parent / "data" / "rule_set_v1.json"
SHIPPED_DATA = json.loads(SHIPPED_PATH.read_text(encoding="utf-8"))
SHIPPED = compile_rule_set(SHIPPED_DATA)

CDPS = "cdps"
WGD = "welsh-government-digital"
WLGA = "wlga-digital-team"
NHS = "nhs-wales-digital"
ALL_TEAMS = frozenset({CDPS, WGD, WLGA, NHS})

# Real bodies from porth/directory/data/organisations.csv, with their kinds and sectors.
CARDIFF = Organisation("W06000015", "local_authority", "local_government")
SWANSEA = Organisation("W06000011", "local_authority", "local_government")
CARDIFF_AND_VALE_UHB = Organisation("W11000029", "health_board", "health_and_care")
VELINDRE = Organisation("velindre-university-nhs-trust", "nhs_trust", "health_and_care")
DHCW = Organisation("digital-health-and-care-wales", "special_health_authority", "health_and_care")
SOCIAL_CARE_WALES = Organisation("social-care-wales", "other_public_body", "health_and_care")
WELSH_GOVERNMENT = Organisation("welsh-government", "welsh_government", "central_government")
CADW = Organisation("cadw", "welsh_government", "central_government")
NORTH_WALES_FIRE = Organisation("north-wales-fire-authority", "fire_rescue", "local_government")
ERYRI = Organisation("W18000003", "national_park", "local_government")
NORTH_WALES_POLICE = Organisation("W15000001", "police", "other")
NRW = Organisation("natural-resources-wales", "other_public_body", "central_government")
TFW = Organisation("transport-for-wales", "other_public_body", "central_government")


def facts(*organisations, care=False, wg_service=False, help=(), available=ALL_TEAMS):
    """Facts as version 1 saw them: the first organisation asks, and all of them own the work."""
    return Facts(
        asking=organisations[0] if organisations else None,
        owners=tuple(organisations),
        helpers=(),
        work_kind="",
        health_or_social_care=care,
        welsh_government_service=wg_service,
        help_wanted=frozenset(help),
        available_teams=frozenset(available),
    )


# (id stating the behaviour, facts, lead, supporters in order, codes of the rules that fired in order)
SCENARIOS = [
    # The division of work, sentence by sentence.
    ("council_work_goes_to_wlga", facts(CARDIFF), WLGA, (), ("COUNCIL_WORK", "COUNCILS_INVOLVED")),
    (
        "wg_own_service_goes_to_wg_digital",
        facts(WELSH_GOVERNMENT, wg_service=True),
        WGD,
        (),
        ("WG_OWN_SERVICE", "WG_INVOLVED"),
    ),
    (
        "health_and_care_work_goes_to_nhs_whoever_asks",
        facts(NORTH_WALES_POLICE, care=True),
        NHS,
        (),
        ("HEALTH_AND_CARE",),
    ),
    (
        "separate_organisations_working_together_go_to_cdps",
        facts(NRW, TFW),
        CDPS,
        (),
        ("SEVERAL_BODIES",),
    ),
    (
        "organisations_from_different_sectors_go_to_cdps",
        facts(NORTH_WALES_POLICE, NORTH_WALES_FIRE),
        CDPS,
        (),
        ("CROSS_SECTOR", "SEVERAL_BODIES"),
    ),
    # Overlaps: the teams support each other.
    (
        "council_social_care_goes_to_nhs_with_wlga_support",
        facts(CARDIFF, care=True),
        NHS,
        (WLGA,),
        ("HEALTH_AND_CARE", "COUNCIL_WORK", "COUNCILS_INVOLVED"),
    ),
    (
        "council_with_health_board_goes_to_cdps_with_wlga_and_nhs_support",
        facts(CARDIFF, CARDIFF_AND_VALE_UHB),
        CDPS,
        (WLGA, NHS),
        ("CROSS_SECTOR", "COUNCIL_WORK", "SEVERAL_BODIES", "COUNCILS_INVOLVED", "HEALTH_BODIES_INVOLVED"),
    ),
    (
        "council_with_health_board_on_care_goes_to_nhs_with_cdps_and_wlga_support",
        facts(CARDIFF, CARDIFF_AND_VALE_UHB, care=True),
        NHS,
        (CDPS, WLGA),
        (
            "HEALTH_AND_CARE",
            "CROSS_SECTOR",
            "COUNCIL_WORK",
            "SEVERAL_BODIES",
            "COUNCILS_INVOLVED",
            "HEALTH_BODIES_INVOLVED",
        ),
    ),
    (
        "health_board_asking_with_a_council_goes_to_nhs_with_cdps_and_wlga_support",
        facts(CARDIFF_AND_VALE_UHB, CARDIFF),
        NHS,
        (CDPS, WLGA),
        ("HEALTH_BODY", "CROSS_SECTOR", "SEVERAL_BODIES", "COUNCILS_INVOLVED", "HEALTH_BODIES_INVOLVED"),
    ),
    (
        "council_on_a_wg_service_goes_to_wg_digital_with_cdps_and_wlga_support",
        facts(CARDIFF, WELSH_GOVERNMENT, wg_service=True),
        WGD,
        (CDPS, WLGA),
        (
            "WG_OWN_SERVICE",
            "CROSS_SECTOR",
            "COUNCIL_WORK",
            "SEVERAL_BODIES",
            "COUNCILS_INVOLVED",
            "WG_INVOLVED",
        ),
    ),
    (
        "wg_and_council_on_shared_work_go_to_cdps_with_wlga_and_wg_support",
        facts(WELSH_GOVERNMENT, CARDIFF),
        CDPS,
        (WLGA, WGD),
        ("CROSS_SECTOR", "SEVERAL_BODIES", "COUNCILS_INVOLVED", "WG_INVOLVED"),
    ),
    (
        "health_board_asking_for_skills_goes_to_nhs_with_cdps_support",
        facts(CARDIFF_AND_VALE_UHB, help={"skills"}),
        NHS,
        (CDPS,),
        ("HEALTH_BODY", "HEALTH_BODIES_INVOLVED", "SKILLS_AND_STANDARDS"),
    ),
    (
        "two_councils_go_to_wlga_with_cdps_support",
        facts(CARDIFF, SWANSEA),
        WLGA,
        (CDPS,),
        ("COUNCIL_WORK", "SEVERAL_BODIES", "COUNCILS_INVOLVED"),
    ),
    (
        "the_same_council_named_twice_is_one_organisation",
        facts(CARDIFF, CARDIFF),
        WLGA,
        (),
        ("COUNCIL_WORK", "COUNCILS_INVOLVED"),
    ),
    (
        "council_with_nrw_across_sectors_goes_to_cdps_with_wlga_support",
        facts(CARDIFF, NRW),
        CDPS,
        (WLGA,),
        ("CROSS_SECTOR", "COUNCIL_WORK", "SEVERAL_BODIES", "COUNCILS_INVOLVED"),
    ),
    (
        "wg_service_in_health_goes_to_nhs_with_wg_support",
        facts(WELSH_GOVERNMENT, care=True, wg_service=True),
        NHS,
        (WGD,),
        ("HEALTH_AND_CARE", "WG_OWN_SERVICE", "WG_INVOLVED"),
    ),
    (
        "wg_service_with_a_health_board_goes_to_nhs_with_wg_and_cdps_support",
        facts(WELSH_GOVERNMENT, CARDIFF_AND_VALE_UHB, care=True, wg_service=True),
        NHS,
        (WGD, CDPS),
        (
            "HEALTH_AND_CARE",
            "WG_OWN_SERVICE",
            "CROSS_SECTOR",
            "SEVERAL_BODIES",
            "HEALTH_BODIES_INVOLVED",
            "WG_INVOLVED",
        ),
    ),
    # Every kind of organisation, asking alone.
    (
        "health_board_goes_to_nhs",
        facts(CARDIFF_AND_VALE_UHB),
        NHS,
        (),
        ("HEALTH_BODY", "HEALTH_BODIES_INVOLVED"),
    ),
    ("nhs_trust_goes_to_nhs", facts(VELINDRE), NHS, (), ("HEALTH_BODY", "HEALTH_BODIES_INVOLVED")),
    ("special_health_authority_goes_to_nhs", facts(DHCW), NHS, (), ("HEALTH_BODY", "HEALTH_BODIES_INVOLVED")),
    (
        "care_body_of_another_kind_goes_to_nhs",
        facts(SOCIAL_CARE_WALES),
        NHS,
        (),
        ("HEALTH_BODY", "HEALTH_BODIES_INVOLVED"),
    ),
    (
        "wg_body_on_work_that_is_not_its_own_service_goes_to_cdps_with_wg_support",
        facts(CADW),
        CDPS,
        (WGD,),
        ("WG_INVOLVED", "WHOLE_PUBLIC_SECTOR"),
    ),
    ("fire_authority_goes_to_cdps", facts(NORTH_WALES_FIRE), CDPS, (), ("WHOLE_PUBLIC_SECTOR",)),
    ("national_park_alone_goes_to_cdps_and_nothing_else", facts(ERYRI), CDPS, (), ("WHOLE_PUBLIC_SECTOR",)),
    ("police_force_goes_to_cdps", facts(NORTH_WALES_POLICE), CDPS, (), ("WHOLE_PUBLIC_SECTOR",)),
    ("other_public_body_goes_to_cdps", facts(NRW), CDPS, (), ("WHOLE_PUBLIC_SECTOR",)),
    # The programmes: help wanted brings in the team whose programme offers it.
    (
        "council_wanting_specialists_uses_wlga_capability_model",
        facts(CARDIFF, help={"specialists"}),
        WLGA,
        (),
        ("COUNCIL_WORK", "COUNCILS_INVOLVED", "SPECIALISTS_FOR_COUNCILS"),
    ),
    (
        "council_social_care_wanting_specialists_keeps_wlga_supporting",
        facts(CARDIFF, care=True, help={"specialists"}),
        NHS,
        (WLGA,),
        ("HEALTH_AND_CARE", "COUNCIL_WORK", "COUNCILS_INVOLVED", "SPECIALISTS_FOR_COUNCILS"),
    ),
    (
        "health_board_wanting_specialists_gets_the_cdps_squad",
        facts(CARDIFF_AND_VALE_UHB, help={"specialists"}),
        NHS,
        (CDPS,),
        ("HEALTH_BODY", "HEALTH_BODIES_INVOLVED", "SPECIALISTS_SQUAD"),
    ),
    (
        "fire_authority_wanting_specialists_gets_cdps_as_lead_not_supporter",
        facts(NORTH_WALES_FIRE, help={"specialists"}),
        CDPS,
        (),
        ("SPECIALISTS_SQUAD", "WHOLE_PUBLIC_SECTOR"),
    ),
    (
        "council_wanting_connectivity_gets_wg_support",
        facts(CARDIFF, help={"connectivity"}),
        WLGA,
        (WGD,),
        ("COUNCIL_WORK", "COUNCILS_INVOLVED", "CONNECTIVITY_AND_INCLUSION"),
    ),
    (
        "national_park_wanting_inclusion_goes_to_cdps_with_wg_support",
        facts(ERYRI, help={"inclusion"}),
        CDPS,
        (WGD,),
        ("CONNECTIVITY_AND_INCLUSION", "WHOLE_PUBLIC_SECTOR"),
    ),
    (
        "health_work_wanting_technology_stays_with_nhs_for_national_standards",
        facts(CARDIFF_AND_VALE_UHB, care=True, help={"technology"}),
        NHS,
        (),
        ("HEALTH_AND_CARE", "HEALTH_BODY", "HEALTH_BODIES_INVOLVED", "NATIONAL_STANDARDS_HEALTH"),
    ),
    (
        "council_social_care_wanting_assurance_gets_wlga_and_cdps_support",
        facts(CARDIFF, care=True, help={"assurance"}),
        NHS,
        (WLGA, CDPS),
        (
            "HEALTH_AND_CARE",
            "COUNCIL_WORK",
            "COUNCILS_INVOLVED",
            "SKILLS_AND_STANDARDS",
            "NATIONAL_STANDARDS_HEALTH",
        ),
    ),
    (
        "wg_service_wanting_technology_does_not_bring_in_health_standards",
        facts(WELSH_GOVERNMENT, wg_service=True, help={"technology"}),
        WGD,
        (),
        ("WG_OWN_SERVICE", "WG_INVOLVED"),
    ),
    (
        "council_wanting_data_and_design_stays_with_wlga",
        facts(CARDIFF, help={"data", "service_design"}),
        WLGA,
        (),
        ("COUNCIL_WORK", "COUNCILS_INVOLVED"),
    ),
    # Retired teams are skipped; the next applicable rule decides.
    (
        "cdps_retired_cross_sector_work_goes_to_the_next_lead_rule",
        facts(CARDIFF, NRW, available=ALL_TEAMS - {CDPS}),
        WLGA,
        (),
        ("CROSS_SECTOR", "COUNCIL_WORK", "SEVERAL_BODIES", "COUNCILS_INVOLVED"),
    ),
    (
        "cdps_retired_fire_authority_goes_to_wg_oversight",
        facts(NORTH_WALES_FIRE, available=ALL_TEAMS - {CDPS}),
        WGD,
        (),
        ("WHOLE_PUBLIC_SECTOR", "OVERSIGHT"),
    ),
    (
        "cdps_retired_cross_sector_work_without_a_council_goes_to_wg_oversight",
        facts(NRW, NORTH_WALES_POLICE, available=ALL_TEAMS - {CDPS}),
        WGD,
        (),
        ("CROSS_SECTOR", "SEVERAL_BODIES", "WHOLE_PUBLIC_SECTOR", "OVERSIGHT"),
    ),
    (
        "cdps_retired_health_board_wanting_skills_gets_no_supporter",
        facts(CARDIFF_AND_VALE_UHB, help={"skills"}, available=ALL_TEAMS - {CDPS}),
        NHS,
        (),
        ("HEALTH_BODY", "HEALTH_BODIES_INVOLVED", "SKILLS_AND_STANDARDS"),
    ),
    (
        "nhs_retired_council_social_care_goes_to_wlga",
        facts(CARDIFF, care=True, available=ALL_TEAMS - {NHS}),
        WLGA,
        (),
        ("HEALTH_AND_CARE", "COUNCIL_WORK", "COUNCILS_INVOLVED"),
    ),
    (
        "cdps_and_wg_retired_fire_authority_goes_to_first_available_team",
        facts(NORTH_WALES_FIRE, available={WLGA, NHS}),
        WLGA,
        (),
        ("WHOLE_PUBLIC_SECTOR", "OVERSIGHT"),
    ),
    (
        "only_nhs_available_takes_everything",
        facts(NORTH_WALES_FIRE, NRW, help={"skills"}, available={NHS}),
        NHS,
        (),
        ("CROSS_SECTOR", "SEVERAL_BODIES", "SKILLS_AND_STANDARDS", "WHOLE_PUBLIC_SECTOR", "OVERSIGHT"),
    ),
    (
        "a_request_naming_no_organisation_still_gets_a_lead",
        facts(),
        CDPS,
        (),
        ("WHOLE_PUBLIC_SECTOR",),
    ),
]


@pytest.mark.parametrize(
    ("the_facts", "lead", "support", "fired"), [s[1:] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS]
)
def test_shipped_rule_set(the_facts, lead, support, fired):
    decision = route(the_facts, SHIPPED)
    assert (decision.lead, decision.support, decision.fired) == (lead, support, fired)
    assert decision.rule_set_version == "1"


# The kinds added after version 1 was written (routing v2 has its own table for them).
KINDS_AFTER_V1 = {"council_partnership", "sponsored_body", "non_public"}


def test_every_kind_of_organisation_version_1_knew_has_a_scenario_as_asker():
    askers = {s[1].asking.kind for s in SCENARIOS if s[1].asking}
    assert askers == set(ORGANISATION_KINDS) - KINDS_AFTER_V1


# ------------------------------------------------------------------------------------------------------------
# Reasons and the trace


def test_reasons_give_one_per_team_lead_first_in_both_languages():
    decision = route(facts(CARDIFF, care=True, help={"assurance"}), SHIPPED)
    assert [(r.code, r.team, r.role) for r in decision.reasons] == [
        ("HEALTH_AND_CARE", NHS, "lead"),
        ("COUNCIL_WORK", WLGA, "support"),
        ("SKILLS_AND_STANDARDS", CDPS, "support"),
    ]
    assert all(r.reason_en and r.reason_cy and r.reason_en != r.reason_cy for r in decision.reasons)
    assert decision.reasons[0].reason_cy == (
        "Digidol GIG Cymru sy'n gyfrifol am bob datblygiad digidol ym maes iechyd a gofal cymdeithasol."
    )


def test_trace_has_a_line_for_every_rule_in_order():
    decision = route(facts(CARDIFF, care=True), SHIPPED)
    assert len(decision.trace) == len(SHIPPED.rules)
    assert [line.split(" ")[1] for line in decision.trace] == [rule.code for rule in SHIPPED.rules]
    assert decision.trace[0] == "1. HEALTH_AND_CARE (lead rule): held; nhs-wales-digital leads."
    assert decision.trace[1] == "2. HEALTH_BODY (lead rule): did not hold."


def test_trace_says_a_later_lead_rule_supports_because_the_lead_is_already_set():
    decision = route(facts(CARDIFF, care=True), SHIPPED)
    assert decision.trace[4] == (
        "5. COUNCIL_WORK (lead rule): held; the lead is already set by HEALTH_AND_CARE, "
        "so wlga-digital-team supports instead."
    )
    assert (
        decision.trace[6] == "7. COUNCILS_INVOLVED (support rule): held; wlga-digital-team already supports."
    )
    assert decision.trace[14] == (
        "15. WHOLE_PUBLIC_SECTOR (fallback rule): not considered, "
        "because the lead is already set by HEALTH_AND_CARE."
    )


def test_trace_says_a_retired_team_was_skipped():
    decision = route(facts(CARDIFF, NRW, available=ALL_TEAMS - {CDPS}), SHIPPED)
    assert decision.trace[3] == "4. CROSS_SECTOR (lead rule): held; cdps: team retired, skipped."
    assert decision.trace[4] == "5. COUNCIL_WORK (lead rule): held; wlga-digital-team leads."
    assert CDPS not in (decision.lead, *decision.support)


def test_trace_says_a_supporter_that_takes_the_lead_no_longer_supports():
    decision = route(facts(NORTH_WALES_FIRE, help={"specialists"}), SHIPPED)
    assert decision.trace[11] == "12. SPECIALISTS_SQUAD (support rule): held; cdps supports."
    assert (
        decision.trace[14]
        == "15. WHOLE_PUBLIC_SECTOR (fallback rule): held; cdps leads, and no longer supports."
    )
    assert [(r.team, r.role) for r in decision.reasons] == [(CDPS, "lead")]


def test_last_resort_is_traced_and_leaves_its_wording_to_the_interface():
    decision = route(facts(NORTH_WALES_FIRE, available={WLGA, NHS}), SHIPPED)
    assert decision.trace[-1] == (
        "No rule set a lead, so wlga-digital-team leads as the first available team in the rule set's order."
    )
    assert (
        decision.trace[-2]
        == "16. OVERSIGHT (fallback rule): held; welsh-government-digital: team retired, skipped."
    )
    (reason,) = decision.reasons
    assert (reason.code, reason.team, reason.role) == (engine.LAST_RESORT_CODE, WLGA, "lead")
    assert reason.reason_en == reason.reason_cy == ""  # worded by porth.routing.explain.reason_text


def test_no_available_team_is_an_error():
    with pytest.raises(NoAvailableTeam):
        route(facts(CARDIFF, available=set()), SHIPPED)
    with pytest.raises(NoAvailableTeam):
        route(facts(CARDIFF, available={"a-team-no-rule-set-names"}), SHIPPED)


def small_rule_set(**changes):
    data = {
        "version": "test",
        "teams": ["alpha", "beta", "gamma"],
        "rules": [
            {
                "code": "FIRST",
                "kind": "lead",
                "condition": {"fact": "organisation_count", "at_least": 1},
                "lead": "alpha",
                "support": [],
                "reason_en": "Alpha comes first.",
                "reason_cy": "Alpha sy'n dod gyntaf.",
            },
            {
                "code": "SECOND",
                "kind": "lead",
                "condition": {"fact": "asking_kind", "in": ["fire_rescue"]},
                "lead": "beta",
                "support": ["gamma"],
                "reason_en": "Beta looks after fire authorities.",
                "reason_cy": "Beta sy'n gofalu am awdurdodau tân.",
            },
            {
                "code": "ANYONE",
                "kind": "fallback",
                "condition": {"always": True},
                "lead": "gamma",
                "support": [],
                "reason_en": "Gamma takes the rest.",
                "reason_cy": "Gamma sy'n cymryd y gweddill.",
            },
        ],
    }
    data.update(changes)
    return compile_rule_set(data)


def test_when_the_first_lead_rules_team_is_retired_a_later_lead_rule_leads():
    decision = route(facts(NORTH_WALES_FIRE, available={"beta", "gamma"}), small_rule_set())
    assert (decision.lead, decision.support, decision.fired) == ("beta", ("gamma",), ("FIRST", "SECOND"))
    assert decision.trace[0] == "1. FIRST (lead rule): held; alpha: team retired, skipped."
    assert decision.trace[1] == "2. SECOND (lead rule): held; beta leads; gamma supports."
    assert (
        decision.trace[2]
        == "3. ANYONE (fallback rule): not considered, because the lead is already set by SECOND."
    )


def test_with_every_team_available_the_first_lead_rule_wins_and_the_later_one_supports():
    decision = route(facts(NORTH_WALES_FIRE, available={"alpha", "beta", "gamma"}), small_rule_set())
    assert (decision.lead, decision.support) == ("alpha", ("beta", "gamma"))


# ------------------------------------------------------------------------------------------------------------
# Compiling rule sets: one test per kind of problem


def _set(path, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(path):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def _no_fallbacks(data):
    data["rules"] = [rule for rule in data["rules"] if rule["kind"] != "fallback"]


INVALID = [
    (
        "unknown_fact",
        _set(["rules", 3, "condition"], {"fact": "budget", "at_least": 2}),
        "rules[3].condition.fact",
        "Unknown fact 'budget'",
    ),
    (
        "unknown_operator_in_a_nested_condition",
        _set(["rules", 10, "condition", "all", 1], {"fact": "help_wanted", "equals": ["specialists"]}),
        "rules[10].condition.all[1]",
        "Unknown operator 'equals' for the fact help_wanted; use includes_any.",
    ),
    (
        "operator_that_the_fact_does_not_take",
        _set(["rules", 0, "condition"], {"fact": "health_or_social_care", "at_least": 1}),
        "rules[0].condition",
        "Unknown operator 'at_least' for the fact health_or_social_care; use is.",
    ),
    (
        "two_operators_on_one_fact",
        _set(["rules", 3, "condition"], {"fact": "sector_count", "at_least": 2, "at_most": 3}),
        "rules[3].condition",
        "needs exactly one operator",
    ),
    (
        "unknown_combinator",
        _set(["rules", 11, "condition"], {"every": [{"always": True}]}),
        "rules[11].condition",
        "Unknown condition 'every'",
    ),
    (
        "boolean_fact_given_text",
        _set(["rules", 0, "condition", "is"], "yes"),
        "rules[0].condition.is",
        'must be true or false, not "yes"',
    ),
    (
        "count_given_text",
        _set(["rules", 3, "condition", "at_least"], "2"),
        "rules[3].condition.at_least",
        "must be a whole number of at least 1",
    ),
    (
        "count_given_a_boolean",
        _set(["rules", 5, "condition", "at_least"], True),
        "rules[5].condition.at_least",
        "must be a whole number",
    ),
    (
        "list_operator_given_a_single_code",
        _set(["rules", 4, "condition", "in"], "local_authority"),
        "rules[4].condition.in",
        "must be a non-empty list of codes",
    ),
    (
        "unknown_organisation_kind",
        _set(["rules", 4, "condition", "in"], ["council"]),
        "rules[4].condition.in[0]",
        'Unknown code "council"',
    ),
    (
        "unknown_sector",
        _set(["rules", 7, "condition", "includes_any"], ["health_and_care", "nhs"]),
        "rules[7].condition.includes_any[1]",
        'Unknown code "nhs"',
    ),
    (
        "unknown_help_code",
        _set(["rules", 9, "condition", "includes_any"], ["training"]),
        "rules[9].condition.includes_any[0]",
        'Unknown code "training"',
    ),
    (
        "empty_list_of_conditions",
        _set(["rules", 10, "condition", "all"], []),
        "rules[10].condition.all",
        "non-empty list of conditions",
    ),
    (
        "always_that_is_not_true",
        _set(["rules", 14, "condition", "always"], False),
        "rules[14].condition.always",
        '"always" must be true',
    ),
    (
        "condition_that_is_not_an_object",
        _set(["rules", 0, "condition"], "health_or_social_care"),
        "rules[0].condition",
        "A condition must be an object",
    ),
    (
        "missing_condition",
        _delete(["rules", 2, "condition"]),
        "rules[2].condition",
        "The rule WG_OWN_SERVICE needs a condition.",
    ),
    (
        "unknown_rule_kind",
        _set(["rules", 0, "kind"], "primary"),
        "rules[0].kind",
        "Unknown rule kind 'primary'; use lead, support or fallback.",
    ),
    (
        "duplicate_code",
        _set(["rules", 1, "code"], "HEALTH_AND_CARE"),
        "rules[1].code",
        "The code HEALTH_AND_CARE is used by an earlier rule.",
    ),
    (
        "code_not_in_capitals",
        _set(["rules", 1, "code"], "health body"),
        "rules[1].code",
        "needs a code in capitals",
    ),
    (
        "reserved_code",
        _set(["rules", 1, "code"], "LAST_RESORT"),
        "rules[1].code",
        "reserved",
    ),
    (
        "missing_english_reason",
        _delete(["rules", 2, "reason_en"]),
        "rules[2].reason_en",
        "The rule WG_OWN_SERVICE needs an English reason (reason_en).",
    ),
    (
        "missing_welsh_reason",
        _set(["rules", 2, "reason_cy"], "  "),
        "rules[2].reason_cy",
        "The rule WG_OWN_SERVICE needs a Welsh reason (reason_cy).",
    ),
    (
        "lead_rule_without_a_lead",
        _delete(["rules", 0, "lead"]),
        "rules[0].lead",
        "The lead rule HEALTH_AND_CARE needs a lead team.",
    ),
    (
        "fallback_rule_without_a_lead",
        _delete(["rules", 15, "lead"]),
        "rules[15].lead",
        "The fallback rule OVERSIGHT needs a lead team.",
    ),
    (
        "support_rule_with_a_lead",
        _set(["rules", 6, "lead"], "cdps"),
        "rules[6].lead",
        "The support rule COUNCILS_INVOLVED cannot name a lead team.",
    ),
    (
        "support_rule_supporting_nobody",
        _set(["rules", 6, "support"], []),
        "rules[6].support",
        "needs at least one supporting team",
    ),
    (
        "unknown_lead_team",
        _set(["rules", 0, "lead"], "nhs-wales"),
        "rules[0].lead",
        'Unknown team "nhs-wales"',
    ),
    (
        "unknown_supporting_team",
        _set(["rules", 6, "support"], ["wlga"]),
        "rules[6].support[0]",
        'Unknown team "wlga"',
    ),
    (
        "lead_team_also_named_as_supporter",
        _set(["rules", 0, "support"], ["nhs-wales-digital"]),
        "rules[0].support[0]",
        "named twice",
    ),
    (
        "no_fallback_rule",
        _no_fallbacks,
        "rules",
        "at least one fallback rule",
    ),
    (
        "unknown_field_in_a_rule",
        _set(["rules", 0, "reason"], "Because."),
        "rules[0].reason",
        "Unknown field 'reason'",
    ),
    (
        "rule_that_is_not_an_object",
        _set(["rules", 0], "HEALTH_AND_CARE"),
        "rules[0]",
        "A rule must be a JSON object.",
    ),
    ("missing_version", _delete(["version"]), "version", "needs a version"),
    ("no_teams", _set(["teams"], []), "teams", "non-empty list of team slugs"),
    ("team_listed_twice", _set(["teams", 3], "cdps"), "teams[3]", "The team cdps is listed twice."),
    ("no_rules", _set(["rules"], []), "rules", "non-empty list of rules"),
]


@pytest.mark.parametrize(("change", "path", "message"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_compile_rejects(change, path, message):
    data = copy.deepcopy(SHIPPED_DATA)
    change(data)
    with pytest.raises(RuleSetError) as caught:
        compile_rule_set(data)
    assert caught.value.path == path
    assert message in caught.value.message
    assert str(caught.value) == f"{path}: {caught.value.message}"


def test_compile_rejects_something_that_is_not_a_rule_set():
    with pytest.raises(RuleSetError, match="A rule set must be a JSON object"):
        compile_rule_set(["HEALTH_AND_CARE"])


def test_shipped_rule_set_encodes_the_division_of_work():
    assert SHIPPED.version == "1"
    assert SHIPPED.teams == (CDPS, WGD, WLGA, NHS)
    assert [rule.code for rule in SHIPPED.rules] == [
        "HEALTH_AND_CARE",
        "HEALTH_BODY",
        "WG_OWN_SERVICE",
        "CROSS_SECTOR",
        "COUNCIL_WORK",
        "SEVERAL_BODIES",
        "COUNCILS_INVOLVED",
        "HEALTH_BODIES_INVOLVED",
        "WG_INVOLVED",
        "SKILLS_AND_STANDARDS",
        "SPECIALISTS_FOR_COUNCILS",
        "SPECIALISTS_SQUAD",
        "CONNECTIVITY_AND_INCLUSION",
        "NATIONAL_STANDARDS_HEALTH",
        "WHOLE_PUBLIC_SECTOR",
        "OVERSIGHT",
    ]
    assert all(rule.reason_en.endswith(".") and rule.reason_cy.endswith(".") for rule in SHIPPED.rules)


# ------------------------------------------------------------------------------------------------------------
# Round trips


@pytest.mark.parametrize("the_facts", [s[1] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_round_trips_keep_facts_and_decisions(the_facts):
    copied = compile_rule_set(copy.deepcopy(SHIPPED_DATA))
    assert route(the_facts, copied) == route(the_facts, SHIPPED)
    assert Facts.from_dict(json.loads(json.dumps(the_facts.to_dict()))) == the_facts
    as_json = json.dumps(route(the_facts, SHIPPED).to_dict())
    assert json.loads(as_json)["lead"] == route(the_facts, SHIPPED).lead


def test_decision_to_dict_holds_everything():
    result = route(facts(CARDIFF, care=True), SHIPPED).to_dict()
    assert result["lead"] == NHS
    assert result["support"] == [WLGA]
    assert result["fired"] == ["HEALTH_AND_CARE", "COUNCIL_WORK", "COUNCILS_INVOLVED"]
    assert result["reasons"][1]["team"] == WLGA
    assert result["reasons"][1]["role"] == "support"
    assert [(r["team"], r["code"]) for r in result["overlap"]] == [(WLGA, "COUNCIL_WORK")]
    assert len(result["trace"]) == 16
    assert result["rule_set_version"] == "1"


@pytest.mark.parametrize(
    "data",
    [
        {"organisations": [], "health_or_social_care": "no", "welsh_government_service": False},
        {"organisations": [{"code": "x", "kind": 3, "sector": "other"}]},
        {"organisations": "W06000015"},
    ],
    ids=["flag_that_is_not_a_boolean", "organisation_with_a_number_for_kind", "organisations_not_a_list"],
)
def test_facts_from_dict_rejects_malformed_data(data):
    base = facts(CARDIFF).to_dict()
    with pytest.raises((ValueError, KeyError)):
        Facts.from_dict({**base, **data})


# ------------------------------------------------------------------------------------------------------------
# The engine stays pure


def test_engine_imports_only_the_standard_library():
    tree = ast.parse(Path(engine.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= {
        "__future__",
        "json",
        "collections.abc",
        "dataclasses",
        "functools",
        "typing",
        "porth.core.vocabulary",
    }


# ------------------------------------------------------------------------------------------------------------
# Properties that hold for any facts

organisations = st.builds(
    Organisation,
    code=st.text(min_size=1, max_size=12),
    kind=st.sampled_from(ORGANISATION_KINDS),
    sector=st.sampled_from(SECTORS),
    team=st.sampled_from(["", *sorted(ALL_TEAMS)]),
)
helpers = st.builds(engine.Helper, organisation=organisations, role=st.sampled_from(HELPER_ROLES))
any_facts = st.builds(
    Facts,
    asking=st.one_of(st.none(), organisations),
    owners=st.lists(organisations, max_size=5).map(tuple),
    helpers=st.lists(helpers, max_size=3).map(tuple),
    work_kind=st.sampled_from(["", *WORK_KINDS]),
    health_or_social_care=st.booleans(),
    welsh_government_service=st.booleans(),
    help_wanted=st.frozensets(st.sampled_from(HELP_CODES)),
    available_teams=st.frozensets(st.sampled_from(sorted(ALL_TEAMS)), min_size=1),
)


V2 = compile_rule_set(json.loads((SHIPPED_PATH.parent / "rule_set_v2.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("rule_set", [SHIPPED, V2], ids=["version_1", "version_2"])
@settings(max_examples=300, deadline=None)
@given(the_facts=any_facts)
def test_every_decision_has_one_available_lead_and_unique_available_supporters(rule_set, the_facts):
    decision = route(the_facts, rule_set)
    assert decision.lead in the_facts.available_teams
    assert set(decision.support) <= the_facts.available_teams
    assert len(set(decision.support)) == len(decision.support)
    assert decision.lead not in decision.support
    assert [r.team for r in decision.reasons] == [decision.lead, *decision.support]
    assert [r.role for r in decision.reasons] == ["lead"] + ["support"] * len(decision.support)
    assert set(decision.fired) <= {rule.code for rule in rule_set.rules}
    # A team that could also lead is named once, is not the lead, and supports.
    overlap = [r.team for r in decision.overlap]
    assert len(set(overlap)) == len(overlap) and decision.lead not in overlap
    assert set(overlap) <= set(decision.support)
    assert all(r.role == "overlap" and r.code in decision.fired for r in decision.overlap)


@pytest.mark.parametrize("rule_set", [SHIPPED, V2], ids=["version_1", "version_2"])
@settings(max_examples=300, deadline=None)
@given(the_facts=any_facts)
def test_routing_is_deterministic_and_survives_a_facts_round_trip(rule_set, the_facts):
    decision = route(the_facts, rule_set)
    assert route(the_facts, rule_set) == decision
    copied = Facts.from_dict(json.loads(json.dumps(the_facts.to_dict())))
    assert copied == the_facts
    assert route(copied, rule_set) == decision
    assert json.loads(json.dumps(decision.to_dict())) == decision.to_dict()


def test_facts_stored_by_version_1_read_as_owners_all_of_them():
    stored = {
        "organisations": [
            {"code": "W06000015", "kind": "local_authority", "sector": "local_government"},
            {"code": "W11000029", "kind": "health_board", "sector": "health_and_care"},
        ],
        "health_or_social_care": True,
        "welsh_government_service": False,
        "help_wanted": ["data"],
        "available_teams": sorted(ALL_TEAMS),
    }
    read = Facts.from_dict(stored)
    assert read.asking == CARDIFF and read.owners == (CARDIFF, CARDIFF_AND_VALE_UHB)
    assert read.helpers == () and read.work_kind == ""
    assert route(read, SHIPPED) == route(
        facts(CARDIFF, CARDIFF_AND_VALE_UHB, care=True, help=["data"]), SHIPPED
    )


def test_a_condition_nested_too_deep_is_refused_with_a_clear_error():
    condition = {"always": True}
    for _ in range(5000):
        condition = {"not": condition}
    with pytest.raises(RuleSetError) as caught:
        engine.compile_condition(condition)
    assert caught.value.kind == "too_deep" and caught.value.params == {"depth": engine.MAX_DEPTH}
    shallow = {"not": {"not": {"always": True}}}
    assert engine.compile_condition(shallow).test(())


@pytest.mark.parametrize("rule_set", [SHIPPED, V2], ids=["version_1", "version_2"])
@settings(max_examples=300, deadline=None)
@given(the_facts=any_facts)
def test_the_compiled_conditions_agree_with_each_rules_own_condition(rule_set, the_facts):
    """route() tests every condition at once with source generated from the rule set (for speed); each
    condition's own compiled test is the reference it must agree with."""
    view = engine._derive(the_facts)
    expected = [n for n, rule in enumerate(rule_set.rules) if rule.condition.test(view)]
    assert rule_set._held(view) == expected


@pytest.mark.parametrize("rule_set", [SHIPPED, V2], ids=["version_1", "version_2"])
@settings(max_examples=200, deadline=None)
@given(the_facts=any_facts)
def test_the_trace_has_a_line_for_every_rule_saying_whether_it_held(rule_set, the_facts):
    decision = route(the_facts, rule_set)
    trace = decision.trace
    assert len(trace) in (
        len(rule_set.rules),
        len(rule_set.rules) + 1,
    )  # and the last resort, if it came to it
    for number, (rule, line) in enumerate(zip(rule_set.rules, trace, strict=False), 1):
        assert line.startswith(f"{number}. {rule.code} ({rule.kind} rule): "), line
        assert (": held; " in line) == (rule.code in decision.fired), line
