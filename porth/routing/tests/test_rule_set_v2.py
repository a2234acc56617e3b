"""Rule set version 2, tested without Django: one table per class of routing error that version 1 made, and
the reading of the division of work that docs/routing.md settles. Each row says who leads, who supports, who
could also lead, and the lead's reason in English and in Welsh."""

import json
from pathlib import Path

import pytest

from porth.core.vocabulary import ORGANISATION_KINDS
from porth.routing import engine
from porth.routing.engine import Facts, Helper, Organisation, compile_rule_set, route

DATA = json.loads((Path(engine.__file__).parent / "data" / "rule_set_v2.json").read_text(encoding="utf-8"))
V2 = compile_rule_set(DATA)
REASONS = {rule["code"]: (rule["reason_en"], rule["reason_cy"]) for rule in DATA["rules"]}

CDPS, WGD, WLGA, NHS = "cdps", "welsh-government-digital", "wlga-digital-team", "nhs-wales-digital"
ALL_TEAMS = frozenset({CDPS, WGD, WLGA, NHS})

CARDIFF = Organisation("W06000015", "local_authority", "local_government")
SWANSEA = Organisation("W06000011", "local_authority", "local_government")
GWYNEDD = Organisation("W06000002", "local_authority", "local_government")
WLGA_BODY = Organisation(
    "welsh-local-government-association", "council_partnership", "local_government", WLGA
)
JOINT_COMMITTEE = Organisation("cjc-south-east", "council_partnership", "local_government")
CAV_UHB = Organisation("W11000029", "health_board", "health_and_care")
ABUHB = Organisation("W11000028", "health_board", "health_and_care")
VELINDRE = Organisation("velindre-university-nhs-trust", "nhs_trust", "health_and_care")
SOCIAL_CARE_WALES = Organisation("social-care-wales", "sponsored_body", "health_and_care")
WELSH_GOVERNMENT = Organisation("welsh-government", "welsh_government", "central_government", WGD)
NRW = Organisation("natural-resources-wales", "sponsored_body", "central_government")
TFW = Organisation("transport-for-wales", "sponsored_body", "central_government")
CDPS_BODY = Organisation("centre-for-digital-public-services", "sponsored_body", "central_government", CDPS)
FIRE = Organisation("north-wales-fire-authority", "fire_rescue", "local_government")
ERYRI = Organisation("W18000003", "national_park", "local_government")
POLICE = Organisation("W15000001", "police", "other")
SUPPLIER = Organisation("a-supplier", "non_public", "other")


def work(asking, *owners, helpers=(), kind="", care=False, wg=False, help=(), available=ALL_TEAMS):
    return Facts(
        asking=asking,
        owners=tuple(owners),
        helpers=tuple(Helper(o, role) for o, role in helpers),
        work_kind=kind,
        health_or_social_care=care,
        welsh_government_service=wg,
        help_wanted=frozenset(help),
        available_teams=frozenset(available),
    )


# (behaviour, facts, lead, supporters (any order), teams that could also lead, the rule that chose the lead)
CLASSES = [
    # 1. Councils' work asked for by a body acting for councils is councils' work.
    (
        "wlga_team_asking_for_councils_goes_to_wlga_with_cdps_as_the_other_lead",
        work(WLGA_BODY, CARDIFF, SWANSEA, GWYNEDD),
        WLGA,
        {CDPS},
        {CDPS},
        "COUNCILS_WORK",
    ),
    (
        "joint_committee_asking_for_its_own_work_goes_to_wlga",
        work(JOINT_COMMITTEE),
        WLGA,
        set(),
        set(),
        "COUNCILS_WORK",
    ),
    (
        "consortium_asking_for_one_council_goes_to_wlga",
        work(JOINT_COMMITTEE, CARDIFF),
        WLGA,
        set(),
        set(),
        "COUNCILS_WORK",
    ),
    # 2. A body that only helps is not a party to the work.
    (
        "supplier_cdps_squad_and_wg_funding_do_not_make_council_work_cross_sector",
        work(
            CARDIFF,
            helpers=[(SUPPLIER, "deliver"), (CDPS_BODY, "deliver"), (WELSH_GOVERNMENT, "fund")],
        ),
        WLGA,
        {CDPS},
        set(),
        "COUNCILS_WORK",
    ),
    (
        "wlga_convening_councils_brings_no_other_team",
        work(WLGA_BODY, CARDIFF, helpers=[(WLGA_BODY, "convene")]),
        WLGA,
        set(),
        set(),
        "COUNCILS_WORK",
    ),
    (
        "funding_alone_brings_no_supporting_team",
        work(VELINDRE, helpers=[(WELSH_GOVERNMENT, "fund")], care=True),
        NHS,
        set(),
        set(),
        "JOINT_HEALTH_AND_CARE",
    ),
    # 3. Health and social care: whose service it is decides.
    (
        "council_own_social_care_goes_to_wlga_with_nhs_support",
        work(CARDIFF, care=True),
        WLGA,
        {NHS},
        set(),
        "COUNCILS_WORK",
    ),
    (
        "nhs_body_own_service_goes_to_nhs",
        work(CAV_UHB, care=True),
        NHS,
        set(),
        set(),
        "JOINT_HEALTH_AND_CARE",
    ),
    (
        "nhs_body_own_non_clinical_work_goes_to_nhs",
        work(ABUHB),
        NHS,
        set(),
        set(),
        "NHS_BODIES_WORK",
    ),
    (
        "joint_council_and_health_care_goes_to_nhs_and_could_go_to_wlga",
        work(CAV_UHB, CAV_UHB, CARDIFF, care=True),
        NHS,
        {WLGA, CDPS},
        {WLGA, CDPS},
        "JOINT_HEALTH_AND_CARE",
    ),
    (
        "social_care_wales_own_service_goes_to_nhs",
        work(SOCIAL_CARE_WALES, care=True),
        NHS,
        set(),
        set(),
        "JOINT_HEALTH_AND_CARE",
    ),
    (
        "several_nhs_bodies_go_to_nhs_with_cdps_support_not_as_another_lead",
        work(VELINDRE, VELINDRE, CAV_UHB, care=True),
        NHS,
        {CDPS},
        set(),
        "JOINT_HEALTH_AND_CARE",
    ),
    # 4. A health body asking is not always NHS work.
    (
        "health_board_asking_about_a_wg_service_goes_to_wg",
        work(CAV_UHB, WELSH_GOVERNMENT, wg=True),
        WGD,
        set(),
        set(),
        "WG_OWN_SERVICE",
    ),
    (
        "health_board_asking_about_councils_shared_work_goes_to_wlga",
        work(CAV_UHB, CARDIFF, SWANSEA),
        WLGA,
        {CDPS},
        {CDPS},
        "COUNCILS_WORK",
    ),
    # 5. Welsh Government sponsored bodies, and Welsh Government beyond its own services.
    (
        "sponsored_body_own_service_goes_to_wg",
        work(NRW),
        WGD,
        set(),
        set(),
        "WG_FAMILY_WORK",
    ),
    (
        "several_sponsored_bodies_go_to_wg_with_cdps_support",
        work(TFW, TFW, NRW),
        WGD,
        {CDPS},
        set(),
        "WG_FAMILY_WORK",
    ),
    (
        "wg_national_programme_beyond_its_own_services_goes_to_wg",
        work(WELSH_GOVERNMENT, kind="skills", help=["inclusion"]),
        WGD,
        set(),
        set(),
        "WG_FAMILY_WORK",
    ),
    (
        "wg_own_service_shared_with_councils_goes_to_wg_and_could_go_to_cdps",
        work(WELSH_GOVERNMENT, WELSH_GOVERNMENT, CARDIFF, kind="shared_service", wg=True),
        WGD,
        {WLGA, CDPS},
        {WLGA, CDPS},
        "WG_OWN_SERVICE",
    ),
    (
        "wg_service_in_health_and_care_goes_to_wg_and_could_go_to_nhs",
        work(WELSH_GOVERNMENT, care=True, wg=True),
        WGD,
        {NHS},
        {NHS},
        "WG_OWN_SERVICE",
    ),
    (
        "wg_service_delivered_by_councils_has_wlga_support",
        work(CARDIFF, WELSH_GOVERNMENT, helpers=[(CARDIFF, "deliver")], wg=True),
        WGD,
        {WLGA},
        set(),
        "WG_OWN_SERVICE",
    ),
    # 6. The kind of work: cross-public-sector capability is CDPS's, whoever asks.
    (
        "capability_for_the_public_sector_asked_by_a_council_goes_to_cdps",
        work(CARDIFF, kind="public_sector_capability"),
        CDPS,
        {WLGA},
        {WLGA},
        "PUBLIC_SECTOR_CAPABILITY",
    ),
    (
        "capability_asked_by_a_health_board_for_cdps_goes_to_cdps",
        work(CAV_UHB, CDPS_BODY, kind="public_sector_capability"),
        CDPS,
        set(),
        set(),
        "PUBLIC_SECTOR_CAPABILITY",
    ),
    (
        "health_only_standards_stay_with_nhs",
        work(VELINDRE, kind="public_sector_capability", care=True),
        NHS,
        set(),
        set(),
        "JOINT_HEALTH_AND_CARE",
    ),
    (
        "cdps_own_training_goes_to_cdps_not_wg",
        work(CAV_UHB, CDPS_BODY, kind="skills"),
        CDPS,
        set(),
        set(),
        "CDPS_OWN_WORK",
    ),
    (
        "one_body_own_service_is_not_capability_for_everyone",
        work(CARDIFF, kind="own_service"),
        WLGA,
        set(),
        set(),
        "COUNCILS_WORK",
    ),
    (
        "council_staff_skills_go_to_wlga_and_could_go_to_cdps",
        work(CARDIFF, kind="skills", help=["skills"]),
        WLGA,
        {CDPS},
        {CDPS},
        "COUNCILS_WORK",
    ),
    # Several sectors, and everyone else.
    (
        "council_with_nrw_goes_to_cdps_and_could_go_to_wlga_or_wg",
        work(CARDIFF, CARDIFF, NRW),
        CDPS,
        {WLGA, WGD},
        {WLGA, WGD},
        "CROSS_SECTOR",
    ),
    (
        "police_alone_go_to_cdps",
        work(POLICE),
        CDPS,
        set(),
        set(),
        "OTHER_PUBLIC_BODIES",
    ),
    (
        "fire_alone_goes_to_cdps_and_could_go_to_wlga",
        work(FIRE),
        CDPS,
        {WLGA},
        {WLGA},
        "OTHER_PUBLIC_BODIES",
    ),
    (
        "national_park_alone_goes_to_cdps_and_could_go_to_wlga",
        work(ERYRI),
        CDPS,
        {WLGA},
        {WLGA},
        "OTHER_PUBLIC_BODIES",
    ),
    (
        "nobody_named_falls_back_to_cdps",
        work(None),
        CDPS,
        set(),
        set(),
        "WHOLE_PUBLIC_SECTOR",
    ),
]


@pytest.mark.parametrize(
    ("the_facts", "lead", "support", "alternatives", "rule"),
    [c[1:] for c in CLASSES],
    ids=[c[0] for c in CLASSES],
)
def test_version_2_routes_each_class_by_the_division_of_work(the_facts, lead, support, alternatives, rule):
    decision = route(the_facts, V2)
    assert decision.lead == lead, decision.trace
    assert set(decision.support) == support, decision.trace
    assert {r.team for r in decision.overlap} == alternatives, decision.trace
    (first, *_rest) = decision.reasons
    assert first.code == rule
    assert (first.reason_en, first.reason_cy) == REASONS[rule]


def test_every_overlap_says_why_in_english_and_welsh():
    decision = route(work(CARDIFF, CARDIFF, NRW), V2)
    by_team = {r.team: r for r in decision.overlap}
    assert (
        by_team[WLGA].reason_en
        == "Some of the work is local government's, which the WLGA digital team looks after."
    )
    assert by_team[WLGA].reason_cy.startswith("Mae rhan o'r gwaith yn perthyn i lywodraeth leol")
    assert by_team[WGD].code == "WG_INVOLVED"


# What each kind of body gets, working alone on work that is not health, not a Welsh Government service.
LEAD_BY_KIND = {
    "local_authority": WLGA,
    "council_partnership": WLGA,
    "health_board": NHS,
    "nhs_trust": NHS,
    "special_health_authority": NHS,
    "welsh_government": WGD,
    "sponsored_body": WGD,
    "fire_rescue": CDPS,
    "national_park": CDPS,
    "police": CDPS,
    "other_public_body": CDPS,
    "non_public": CDPS,
}
SECTOR_BY_KIND = {
    "local_authority": "local_government",
    "council_partnership": "local_government",
    "fire_rescue": "local_government",
    "national_park": "local_government",
    "health_board": "health_and_care",
    "nhs_trust": "health_and_care",
    "special_health_authority": "health_and_care",
    "welsh_government": "central_government",
    "sponsored_body": "central_government",
    "police": "other",
    "other_public_body": "other",
    "non_public": "other",
}


@pytest.mark.parametrize("kind", ORGANISATION_KINDS)
def test_every_kind_of_body_working_alone_has_exactly_one_lead(kind):
    body = Organisation(f"a-{kind}", kind, SECTOR_BY_KIND[kind])
    decision = route(work(body), V2)
    assert decision.lead == LEAD_BY_KIND[kind], decision.trace


def test_with_cdps_retired_cross_sector_work_goes_to_a_team_of_its_owners():
    decision = route(work(CARDIFF, CARDIFF, NRW, available={WGD, WLGA, NHS}), V2)
    assert decision.lead == WLGA and set(decision.support) == {WGD}
    assert [r.team for r in decision.overlap] == [WGD]
