"""The codes Porth's vocabularies are made of, in one place: plain Python, so that the pure routing engine,
the models' choices (which add the labels people read) and the API's schemas all use the same lists.
A test (porth/core/tests/test_vocabulary.py) checks that every user of a list agrees with it."""

ORGANISATION_KINDS = (
    "local_authority",
    "council_partnership",  # the WLGA, a corporate joint committee, a regional consortium of councils
    "health_board",
    "nhs_trust",
    "special_health_authority",
    "welsh_government",
    "sponsored_body",  # a Welsh Government sponsored body or company
    "fire_rescue",
    "national_park",
    "police",
    "other_public_body",
    "non_public",  # suppliers, charities, housing associations: they help, they are rarely the owners
)
SECTORS = ("local_government", "health_and_care", "central_government", "other")

# The help a request can ask for.
HELP_CODES = (
    "service_design",
    "data",
    "skills",
    "specialists",
    "assurance",
    "technology",
    "connectivity",
    "inclusion",
)

# What kind of work it is (docs/routing.md says what each means for routing).
WORK_KINDS = (
    "own_service",
    "shared_service",
    "public_sector_capability",
    "skills",
    "infrastructure",
    "data",
)

# How an organisation that only helps is involved.
HELPER_ROLES = ("deliver", "convene", "fund", "advise")

TIMESCALES = ("within_3_months", "within_6_months", "within_a_year", "over_a_year", "not_sure")

PHASES = ("pre_discovery", "discovery", "alpha", "beta", "live", "retired", "not_using_phases")
# A request for help is about work that is still going on, so it cannot be in the retired phase.
REQUEST_PHASES = tuple(phase for phase in PHASES if phase != "retired")
