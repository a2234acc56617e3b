"""The routing engine: which leadership team leads a piece of work, which teams support it, and why.

Pure on purpose: no Django, no I/O. A rule set is data (see `compile_rule_set`); it is validated and compiled
once into small closures, so `route()` only evaluates them and assembles preformatted strings. The same facts
and the same rule set always give the same decision, which is what lets a stored decision be re-evaluated
later and lets a what-if run over past requests show exactly what a new rule set would move.

The precedence is written down, with its reasons, in docs/routing.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

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
ORGANISATION_KINDS = (
    "local_authority",
    "health_board",
    "nhs_trust",
    "special_health_authority",
    "welsh_government",
    "fire_rescue",
    "national_park",
    "police",
    "other_public_body",
)
SECTORS = ("local_government", "health_and_care", "central_government", "other")
RULE_KINDS = ("lead", "support", "fallback")
FACT_NAMES = (
    "health_or_social_care",
    "welsh_government_service",
    "organisation_count",
    "sector_count",
    "asking_kind",
    "asking_sector",
    "organisation_kinds",
    "organisation_sectors",
    "help_wanted",
)
# The code on the reason given when no rule chose a lead and the teams' own order decided; no rule may use it.
LAST_RESORT_CODE = "LAST_RESORT"


class RuleSetError(ValueError):
    """A rule set (or one condition) that cannot be used, with where the problem is, as a JSON path."""

    def __init__(self, message: str, path: str, kind: str = "", params: dict | None = None):
        super().__init__(f"{path}: {message}" if path else message)
        self.message = message
        self.path = path
        # `kind` names the problem and `params` its details, so that an interface can word it in any language.
        self.kind = kind
        self.params = params or {}


class NoAvailableTeam(LookupError):
    """None of the rule set's teams may receive new work, so nobody can lead."""


# ------------------------------------------------------------------------------------------------------------
# Facts


@dataclass(frozen=True)
class Organisation:
    code: str
    kind: str
    sector: str


@dataclass(frozen=True)
class Facts:
    """What routing may know about a request. The first organisation is the one asking."""

    organisations: tuple[Organisation, ...]
    health_or_social_care: bool
    welsh_government_service: bool
    help_wanted: frozenset[str]
    available_teams: frozenset[str]

    def to_dict(self) -> dict:
        # Sets are stored sorted so the same facts always serialise to the same JSON.
        return {
            "organisations": [
                {"code": o.code, "kind": o.kind, "sector": o.sector} for o in self.organisations
            ],
            "health_or_social_care": self.health_or_social_care,
            "welsh_government_service": self.welsh_government_service,
            "help_wanted": sorted(self.help_wanted),
            "available_teams": sorted(self.available_teams),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Facts:
        return cls(
            organisations=tuple(_organisation(item) for item in _list_of(data, "organisations", dict)),
            health_or_social_care=_boolean(data, "health_or_social_care"),
            welsh_government_service=_boolean(data, "welsh_government_service"),
            help_wanted=frozenset(_list_of(data, "help_wanted", str)),
            available_teams=frozenset(_list_of(data, "available_teams", str)),
        )


def _organisation(data: dict) -> Organisation:
    values = [data.get(key) for key in ("code", "kind", "sector")]
    if not all(isinstance(value, str) for value in values):
        raise ValueError(f"An organisation needs a code, a kind and a sector, as text: {data!r}.")
    return Organisation(*values)


def _boolean(data: dict, key: str) -> bool:
    value = data[key]
    if not isinstance(value, bool):
        raise ValueError(f"The fact {key} must be true or false, not {value!r}.")
    return value


def _list_of(data: dict, key: str, item_type: type) -> list:
    value = data[key]
    if not isinstance(value, list | tuple) or not all(isinstance(item, item_type) for item in value):
        raise ValueError(f"The fact {key} must be a list of {item_type.__name__} values.")
    return list(value)


class _Spec(NamedTuple):
    """How a condition may use one fact: its place in the derived view, its operators, its allowed values."""

    index: int
    operators: tuple[str, ...]
    vocabulary: tuple[str, ...] = ()


_FACT_SPECS = {
    "health_or_social_care": _Spec(0, ("is",)),
    "welsh_government_service": _Spec(1, ("is",)),
    "organisation_count": _Spec(2, ("at_least", "at_most")),
    "sector_count": _Spec(3, ("at_least", "at_most")),
    "asking_kind": _Spec(4, ("in",), ORGANISATION_KINDS),
    "asking_sector": _Spec(5, ("in",), SECTORS),
    "organisation_kinds": _Spec(6, ("includes_any", "only"), ORGANISATION_KINDS),
    "organisation_sectors": _Spec(7, ("includes_any", "only"), SECTORS),
    "help_wanted": _Spec(8, ("includes_any",), HELP_CODES),
}
assert tuple(_FACT_SPECS) == FACT_NAMES


def _derive(facts: Facts) -> tuple:
    """The facts conditions read, computed once per decision, in the order of _FACT_SPECS' indexes."""
    organisations = facts.organisations
    sectors = {o.sector for o in organisations}
    asking = organisations[0] if organisations else None
    return (
        facts.health_or_social_care,
        facts.welsh_government_service,
        len({o.code for o in organisations}),
        len(sectors),
        asking.kind if asking else None,
        asking.sector if asking else None,
        {o.kind for o in organisations},
        sectors,
        facts.help_wanted,
    )


# ------------------------------------------------------------------------------------------------------------
# Conditions: validated data compiled into closures over the derived view

Test = Callable[[tuple], bool]


class Condition:
    """A compiled condition. Equal when their data is equal; `data` gives back a fresh copy of that data."""

    __slots__ = ("_json", "test")

    def __init__(self, data: Any, test: Test):
        self._json = json.dumps(data, sort_keys=True, ensure_ascii=False)
        self.test = test

    @property
    def data(self) -> dict:
        return json.loads(self._json)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Condition) and self._json == other._json

    def __hash__(self) -> int:
        return hash(self._json)

    def __repr__(self) -> str:
        return f"Condition({self._json})"


def compile_condition(data: Any, path: str = "condition") -> Condition:
    """Validate one condition and compile it; raises RuleSetError naming the JSON path of any problem."""
    return Condition(data, _compile_node(data, path))


def _compile_node(node: Any, path: str) -> Test:
    if not isinstance(node, dict) or not node:
        raise RuleSetError(
            'A condition must be an object: {"fact": ..., operator: value}, {"all": [...]}, {"any": [...]}, '
            '{"not": ...} or {"always": true}.',
            path,
            "condition_shape",
        )
    if "fact" in node:
        return _compile_fact(node, path)
    key = next(iter(node))
    if len(node) != 1 or key not in _COMBINATORS:
        names = ", ".join(repr(k) for k in node)
        raise RuleSetError(
            f"Unknown condition {names}; use one of all, any, not, always, or fact with an operator.",
            path,
            "unknown_combinator",
            {"names": names},
        )
    return _COMBINATORS[key](node[key], f"{path}.{key}")


def _compile_all(items: Any, path: str) -> Test:
    tests = _compile_children(items, path)
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda view: first(view) and second(view)
    return lambda view: all(child(view) for child in tests)


def _compile_any(items: Any, path: str) -> Test:
    tests = _compile_children(items, path)
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda view: first(view) or second(view)
    return lambda view: any(child(view) for child in tests)


def _compile_children(items: Any, path: str) -> tuple[Test, ...]:
    if not isinstance(items, list) or not items:
        raise RuleSetError("This must be a non-empty list of conditions.", path, "empty_conditions")
    return tuple(_compile_node(item, f"{path}[{i}]") for i, item in enumerate(items))


def _compile_not(item: Any, path: str) -> Test:
    child = _compile_node(item, path)
    return lambda view: not child(view)


def _compile_always(value: Any, path: str) -> Test:
    if value is not True:
        raise RuleSetError(f'"always" must be true, not {json.dumps(value)}.', path, "always_true")
    return lambda view: True


_COMBINATORS: dict[str, Callable[[Any, str], Test]] = {
    "all": _compile_all,
    "any": _compile_any,
    "not": _compile_not,
    "always": _compile_always,
}


def _compile_fact(node: dict, path: str) -> Test:
    name = node["fact"]
    spec = _FACT_SPECS.get(name) if isinstance(name, str) else None
    if spec is None:
        raise RuleSetError(
            f"Unknown fact {name!r}; the facts are {', '.join(FACT_NAMES)}.",
            f"{path}.fact",
            "unknown_fact",
            {"fact": name, "facts": ", ".join(FACT_NAMES)},
        )
    operators = [key for key in node if key != "fact"]
    allowed = " or ".join(spec.operators)
    if len(operators) != 1:
        raise RuleSetError(
            f"The fact {name} needs exactly one operator: {allowed}.",
            path,
            "operator_count",
            {"fact": name, "operators": ", ".join(spec.operators)},
        )
    operator = operators[0]
    if operator not in spec.operators:
        raise RuleSetError(
            f"Unknown operator {operator!r} for the fact {name}; use {allowed}.",
            path,
            "unknown_operator",
            {"operator": operator, "fact": name, "operators": ", ".join(spec.operators)},
        )
    value = _check_value(spec, operator, node[operator], f"{path}.{operator}")
    return _OPERATORS[operator](spec.index, value)


def _check_value(spec: _Spec, operator: str, value: Any, path: str) -> Any:
    if operator == "is":
        if not isinstance(value, bool):
            raise RuleSetError(
                f"The value of {operator} must be true or false, not {json.dumps(value)}.",
                path,
                "not_boolean",
                {"operator": operator, "value": json.dumps(value)},
            )
        return value
    if operator in ("at_least", "at_most"):
        lowest = 1 if operator == "at_least" else 0
        if not isinstance(value, int) or isinstance(value, bool) or value < lowest:
            number = f"a whole number of at least {lowest}"
            raise RuleSetError(
                f"The value of {operator} must be {number}, not {json.dumps(value)}.",
                path,
                "not_whole_number",
                {"operator": operator, "lowest": lowest, "value": json.dumps(value)},
            )
        return value
    return _check_words(spec, operator, value, path)


def _check_words(spec: _Spec, operator: str, value: Any, path: str) -> frozenset[str]:
    if not isinstance(value, list) or not value:
        raise RuleSetError(
            f"The value of {operator} must be a non-empty list of codes.",
            path,
            "empty_codes",
            {"operator": operator},
        )
    for i, word in enumerate(value):
        if not isinstance(word, str) or word not in spec.vocabulary:
            raise RuleSetError(
                f"Unknown code {json.dumps(word)}; use one of {', '.join(spec.vocabulary)}.",
                f"{path}[{i}]",
                "unknown_code",
                {"code": json.dumps(word), "codes": ", ".join(spec.vocabulary)},
            )
    if len(set(value)) != len(value):
        raise RuleSetError("The list names the same code twice.", path, "repeated_code")
    return frozenset(value)


def _op_is(index: int, value: bool) -> Test:
    return lambda view: view[index] is value


def _op_at_least(index: int, value: int) -> Test:
    return lambda view: view[index] >= value


def _op_at_most(index: int, value: int) -> Test:
    return lambda view: view[index] <= value


def _op_in(index: int, value: frozenset[str]) -> Test:
    return lambda view: view[index] in value


def _op_includes_any(index: int, value: frozenset[str]) -> Test:
    return lambda view: not value.isdisjoint(view[index])


def _op_only(index: int, value: frozenset[str]) -> Test:
    return lambda view: view[index] <= value


_OPERATORS: dict[str, Callable[[int, Any], Test]] = {
    "is": _op_is,
    "at_least": _op_at_least,
    "at_most": _op_at_most,
    "in": _op_in,
    "includes_any": _op_includes_any,
    "only": _op_only,
}


# ------------------------------------------------------------------------------------------------------------
# Rule sets


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str
    condition: Condition
    lead: str | None
    support: tuple[str, ...]
    reason_en: str
    reason_cy: str


@dataclass(frozen=True)
class Reason:
    code: str
    team: str
    role: str
    reason_en: str
    reason_cy: str

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "team": self.team,
            "role": self.role,
            "reason_en": self.reason_en,
            "reason_cy": self.reason_cy,
        }


@dataclass(frozen=True)
class RuleSet:
    version: str
    teams: tuple[str, ...]
    rules: tuple[Rule, ...]
    # Everything route() needs, precomputed once: tests, reasons and the pieces of every trace line.
    _plan: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_plan", tuple(_plan_rule(n, rule) for n, rule in enumerate(self.rules, 1)))


_TOP_KEYS = ("version", "teams", "rules")
_RULE_KEYS = ("code", "kind", "condition", "lead", "support", "reason_en", "reason_cy")


def compile_rule_set(data: Any) -> RuleSet:
    """Validate rule-set data and compile it; raises RuleSetError with a plain message and the JSON path."""
    _check_object(data, _TOP_KEYS, "", "A rule set")
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise RuleSetError("The rule set needs a version, as text.", "version")
    teams = _compile_teams(data.get("teams"))
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        raise RuleSetError("The rule set needs a non-empty list of rules.", "rules")
    compiled = tuple(_compile_rule(item, f"rules[{i}]", teams) for i, item in enumerate(rules))
    _check_codes_unique(compiled)
    if not any(rule.kind == "fallback" for rule in compiled):
        raise RuleSetError(
            "The rule set needs at least one fallback rule, so every request gets a lead.",
            "rules",
            "no_fallback",
        )
    return RuleSet(version=version, teams=teams, rules=compiled)


def _check_object(data: Any, keys: tuple[str, ...], path: str, what: str) -> None:
    if not isinstance(data, dict):
        raise RuleSetError(f"{what} must be a JSON object.", path)
    for key in data:
        if key not in keys:
            where = f"{path}.{key}" if path else str(key)
            raise RuleSetError(f"Unknown field {key!r}; the fields are {', '.join(keys)}.", where)


def _compile_teams(teams: Any) -> tuple[str, ...]:
    if not isinstance(teams, list) or not teams:
        raise RuleSetError(
            "The rule set needs a non-empty list of team slugs, in last-resort order.", "teams"
        )
    for i, slug in enumerate(teams):
        if not isinstance(slug, str) or not slug.strip():
            raise RuleSetError("A team must be given by its slug, as text.", f"teams[{i}]")
        if slug in teams[:i]:
            raise RuleSetError(f"The team {slug} is listed twice.", f"teams[{i}]")
    return tuple(teams)


def _compile_rule(item: Any, path: str, teams: tuple[str, ...]) -> Rule:
    _check_object(item, _RULE_KEYS, path, "A rule")
    code = item.get("code")
    if not isinstance(code, str) or not code.isidentifier() or not code.isupper():
        raise RuleSetError("A rule needs a code in capitals, such as HEALTH_AND_CARE.", f"{path}.code")
    if code == LAST_RESORT_CODE:
        raise RuleSetError(
            f"The code {LAST_RESORT_CODE} is reserved for the engine's last resort.", f"{path}.code"
        )
    kind = item.get("kind")
    if kind not in RULE_KINDS:
        raise RuleSetError(f"Unknown rule kind {kind!r}; use lead, support or fallback.", f"{path}.kind")
    if "condition" not in item:
        raise RuleSetError(f"The rule {code} needs a condition.", f"{path}.condition")
    return Rule(
        code=code,
        kind=kind,
        condition=compile_condition(item["condition"], f"{path}.condition"),
        lead=_rule_lead(item, code, kind, path, teams),
        support=_rule_support(item, code, kind, path, teams),
        reason_en=_reason(item, code, "reason_en", "an English", path),
        reason_cy=_reason(item, code, "reason_cy", "a Welsh", path),
    )


def _rule_lead(item: dict, code: str, kind: str, path: str, teams: tuple[str, ...]) -> str | None:
    lead = item.get("lead")
    if kind == "support":
        if lead is not None:
            raise RuleSetError(f"The support rule {code} cannot name a lead team.", f"{path}.lead")
        return None
    if lead is None:
        raise RuleSetError(f"The {kind} rule {code} needs a lead team.", f"{path}.lead")
    _check_team(lead, teams, f"{path}.lead")
    return lead


def _rule_support(item: dict, code: str, kind: str, path: str, teams: tuple[str, ...]) -> tuple[str, ...]:
    support = item.get("support", [])
    if not isinstance(support, list):
        raise RuleSetError("The supporting teams must be a list of team slugs.", f"{path}.support")
    for i, slug in enumerate(support):
        _check_team(slug, teams, f"{path}.support[{i}]")
        if slug in support[:i] or slug == item.get("lead"):
            raise RuleSetError(
                f"The team {slug} is named twice in the rule {code}.",
                f"{path}.support[{i}]",
                "team_twice",
                {"team": slug, "code": code},
            )
    if kind == "support" and not support:
        raise RuleSetError(f"The support rule {code} needs at least one supporting team.", f"{path}.support")
    return tuple(support)


def _check_team(slug: Any, teams: tuple[str, ...], path: str) -> None:
    if slug not in teams:
        raise RuleSetError(
            f"Unknown team {json.dumps(slug)}; the rule set's teams are {', '.join(teams)}.",
            path,
            "unknown_team",
            {"team": json.dumps(slug)},
        )


def _reason(item: dict, code: str, key: str, language: str, path: str) -> str:
    text = item.get(key)
    if not isinstance(text, str) or not text.strip():
        raise RuleSetError(f"The rule {code} needs {language} reason ({key}).", f"{path}.{key}")
    return text


def _check_codes_unique(rules: tuple[Rule, ...]) -> None:
    seen: set[str] = set()
    for i, rule in enumerate(rules):
        if rule.code in seen:
            raise RuleSetError(
                f"The code {rule.code} is used by an earlier rule.",
                f"rules[{i}].code",
                "duplicate_code",
                {"code": rule.code},
            )
        seen.add(rule.code)


def rule_set_to_data(rule_set: RuleSet) -> dict:
    """The data that compiles back to this rule set (for copying a set into a draft, or saving it)."""
    return {
        "version": rule_set.version,
        "teams": list(rule_set.teams),
        "rules": [
            {
                "code": rule.code,
                "kind": rule.kind,
                "condition": rule.condition.data,
                **({"lead": rule.lead} if rule.lead is not None else {}),
                "support": list(rule.support),
                "reason_en": rule.reason_en,
                "reason_cy": rule.reason_cy,
            }
            for rule in rule_set.rules
        ],
    }


# ------------------------------------------------------------------------------------------------------------
# Routing


@dataclass(frozen=True)
class Decision:
    lead: str
    support: tuple[str, ...]
    fired: tuple[str, ...]
    reasons: tuple[Reason, ...]
    trace: tuple[str, ...]
    rule_set_version: str

    def to_dict(self) -> dict:
        return {
            "lead": self.lead,
            "support": list(self.support),
            "fired": list(self.fired),
            "reasons": [reason.to_dict() for reason in self.reasons],
            "trace": list(self.trace),
            "rule_set_version": self.rule_set_version,
        }


class _Team(NamedTuple):
    """One team a rule names, with its reasons and every phrase the trace may need about it."""

    slug: str
    as_lead: Reason | None
    as_support: Reason
    leads: str
    leads_not_supports: str
    supports: str
    already_supports: str
    already_leads: str
    retired: str


class _Planned(NamedTuple):
    code: str
    kind: str
    test: Test
    lead: _Team | None
    support: tuple[_Team, ...]
    held: str
    not_held: str
    not_considered: str


def _plan_team(rule: Rule, slug: str) -> _Team:
    def reason(role: str) -> Reason:
        return Reason(rule.code, slug, role, rule.reason_en, rule.reason_cy)

    return _Team(
        slug=slug,
        as_lead=reason("lead") if slug == rule.lead else None,
        as_support=reason("support"),
        leads=f"{slug} leads",
        leads_not_supports=f"{slug} leads, and no longer supports",
        supports=f"{slug} supports",
        already_supports=f"{slug} already supports",
        already_leads=f"{slug} already leads",
        retired=f"{slug}: team retired, skipped",
    )


def _plan_rule(number: int, rule: Rule) -> _Planned:
    name = f"{number}. {rule.code} ({rule.kind} rule)"
    return _Planned(
        code=rule.code,
        kind=rule.kind,
        test=rule.condition.test,
        lead=_plan_team(rule, rule.lead) if rule.lead is not None else None,
        support=tuple(_plan_team(rule, slug) for slug in rule.support),
        held=f"{name}: held; ",
        not_held=f"{name}: did not hold.",
        not_considered=f"{name}: not considered, because the lead is already set by ",
    )


class _Run:
    """The decision being assembled. Supporters live in a dict, so they stay unique and in the order added."""

    __slots__ = ("available", "lead", "lead_code", "lead_reason", "supporters")

    def __init__(self, available: frozenset[str]):
        self.available = available
        self.lead: str | None = None
        self.lead_code = ""
        self.lead_reason: Reason | None = None
        self.supporters: dict[str, Reason] = {}

    def take_lead(self, team: _Team, code: str) -> str:
        self.lead = team.slug
        self.lead_code = code
        self.lead_reason = team.as_lead
        # A team that was supporting and now leads is only the lead: the lead is never also a supporter.
        if self.supporters.pop(team.slug, None) is not None:
            return team.leads_not_supports
        return team.leads

    def add_supporter(self, team: _Team) -> str:
        if team.slug not in self.available:
            return team.retired
        if team.slug == self.lead:
            return team.already_leads
        if team.slug in self.supporters:
            return team.already_supports
        self.supporters[team.slug] = team.as_support
        return team.supports


def _apply_lead(rule: _Planned, run: _Run) -> list[str]:
    team = rule.lead
    if team.slug not in run.available:
        parts = [team.retired]
    elif run.lead is None:
        parts = [run.take_lead(team, rule.code)]
    elif run.lead == team.slug:
        parts = [team.already_leads]
    else:
        outcome = run.add_supporter(team)
        parts = [f"the lead is already set by {run.lead_code}, so {team.slug} supports instead"]
        if outcome != team.supports:
            parts = [f"the lead is already set by {run.lead_code}, and {outcome}"]
    return parts


def _apply_rule(rule: _Planned, run: _Run, view: tuple, fired: list[str]) -> str:
    if rule.kind == "fallback" and run.lead is not None:
        return rule.not_considered + run.lead_code + "."
    if not rule.test(view):
        return rule.not_held
    fired.append(rule.code)
    parts = _apply_lead(rule, run) if rule.lead is not None else []
    for team in rule.support:
        parts.append(run.add_supporter(team))
    return rule.held + "; ".join(parts) + "."


def route(facts: Facts, rule_set: RuleSet) -> Decision:
    """Decide who leads and who supports: see docs/routing.md for the precedence and why."""
    available = facts.available_teams
    if available.isdisjoint(rule_set.teams):
        raise NoAvailableTeam("None of the rule set's teams can receive new work, so no team can lead.")
    view = _derive(facts)
    run = _Run(available)
    fired: list[str] = []
    trace = [_apply_rule(rule, run, view, fired) for rule in rule_set._plan]
    if run.lead is None:
        trace.append(_last_resort(run, rule_set.teams))
    return Decision(
        lead=run.lead,
        support=tuple(run.supporters),
        fired=tuple(fired),
        reasons=(run.lead_reason, *run.supporters.values()),
        trace=tuple(trace),
        rule_set_version=rule_set.version,
    )


_LAST_RESORT_EN = "No rule chose a lead team, so the first available team in the rule set's order leads."
_LAST_RESORT_CY = (
    "Ni ddewisodd yr un reol dîm arweiniol, felly mae'r tîm cyntaf sydd ar gael yn nhrefn y set o reolau "
    "yn arwain."
)


def _last_resort(run: _Run, teams: tuple[str, ...]) -> str:
    slug = next(team for team in teams if team in run.available)
    run.lead = slug
    run.lead_code = LAST_RESORT_CODE
    run.lead_reason = Reason(LAST_RESORT_CODE, slug, "lead", _LAST_RESORT_EN, _LAST_RESORT_CY)
    line = f"No rule set a lead, so {slug} leads as the first available team in the rule set's order"
    if run.supporters.pop(slug, None) is not None:
        return f"{line}, and no longer supports."
    return f"{line}."


# ------------------------------------------------------------------------------------------------------------
# Explaining conditions to administrators, in English and Welsh


def _join(parts: list[str], last: str) -> str:
    return ", ".join(parts[:-1]) + last + parts[-1]


def _join_items_en(phrases: list[str], negated: bool) -> str:
    return _join(phrases, " or ")


def _join_items_cy(phrases: list[str], negated: bool) -> str:
    # Welsh repeats "yn" or "ym" with each item; after "neu", "yn" becomes "neu'n"; a negative takes "nac".
    last = phrases[-1]
    if negated:
        return ", ".join(phrases[:-1]) + f" nac {last}"
    last = f"neu'n {last[3:]}" if last.startswith("yn ") else f"neu {last}"
    return ", ".join(phrases[:-1]) + " " + last


class _Words(NamedTuple):
    """The phrases one language needs. Welsh forms are stored already mutated for the word before them."""

    kinds: dict[str, str]  # the predicate: "is a local authority" / "yn awdurdod lleol"
    sectors: dict[str, str]  # "in local government" / "ym maes llywodraeth leol"
    help_first: dict[str, str]  # the first item, with its "with" / "gyda(g)" (aspirate mutation)
    help_next: dict[str, str]  # a middle item of a list
    help_or: dict[str, str]  # the last item, with "or" / "neu" (soft mutation)
    help_nor: dict[str, str]  # the last item in a negative, with "or" / "na(c)" (aspirate mutation)
    sentences: dict[tuple[str, str, bool], str]  # (fact, operator, negated) -> clause with {items} or {n}
    join_items: Callable[[list[str], bool], str]
    and_word: str
    or_word: str
    always: str
    never: str


_HELP_EN = {
    "service_design": "service design",
    "data": "data",
    "skills": "digital skills",
    "specialists": "specialists",
    "assurance": "assurance",
    "technology": "technology",
    "connectivity": "connectivity",
    "inclusion": "digital inclusion",
}
_EN = _Words(
    kinds={
        "local_authority": "a local authority",
        "health_board": "a local health board",
        "nhs_trust": "an NHS trust",
        "special_health_authority": "a special health authority",
        "welsh_government": "part of Welsh Government",
        "fire_rescue": "a fire and rescue authority",
        "national_park": "a national park authority",
        "police": "a police force",
        "other_public_body": "another public body",
    },
    sectors={
        "local_government": "in local government",
        "health_and_care": "in health and social care",
        "central_government": "in central government",
        "other": "in other public services",
    },
    help_first={code: f"with {label}" for code, label in _HELP_EN.items()},
    help_next=_HELP_EN,
    help_or={code: f"or {label}" for code, label in _HELP_EN.items()},
    help_nor={code: f"or {label}" for code, label in _HELP_EN.items()},
    sentences={
        ("health_or_social_care", "is", False): "the work is in health or social care",
        ("health_or_social_care", "is", True): "the work is not in health or social care",
        ("welsh_government_service", "is", False): "the work is one of Welsh Government's own services",
        ("welsh_government_service", "is", True): "the work is not one of Welsh Government's own services",
        ("organisation_count", "at_least", False): "the work involves {n} or more separate organisations",
        ("organisation_count", "at_most", False): "the work involves {n} or fewer separate organisations",
        ("organisation_count", "none", False): "the work involves no organisations",
        ("sector_count", "at_least", False): "the work involves {n} or more different sectors",
        ("sector_count", "at_most", False): "the work involves {n} or fewer different sectors",
        ("sector_count", "none", False): "the work involves no sectors",
        ("asking_kind", "in", False): "the asking organisation is {items}",
        ("asking_kind", "in", True): "the asking organisation is not {items}",
        ("asking_sector", "in", False): "the asking organisation is {items}",
        ("asking_sector", "in", True): "the asking organisation is not {items}",
        ("organisation_kinds", "includes_any", False): "at least one organisation involved is {items}",
        ("organisation_kinds", "includes_any", True): "none of the organisations involved is {items}",
        ("organisation_kinds", "only", False): "every organisation involved is {items}",
        ("organisation_kinds", "only", True): "not every organisation involved is {items}",
        ("organisation_sectors", "includes_any", False): "at least one organisation involved is {items}",
        ("organisation_sectors", "includes_any", True): "none of the organisations involved is {items}",
        ("organisation_sectors", "only", False): "every organisation involved is {items}",
        ("organisation_sectors", "only", True): "not every organisation involved is {items}",
        ("help_wanted", "includes_any", False): "help is wanted {items}",
        ("help_wanted", "includes_any", True): "no help is wanted {items}",
    },
    join_items=_join_items_en,
    and_word=" and ",
    or_word=" or ",
    always="this rule always applies",
    never="this rule never applies",
)

_CY = _Words(
    kinds={
        "local_authority": "yn awdurdod lleol",
        "health_board": "yn fwrdd iechyd lleol",
        "nhs_trust": "yn ymddiriedolaeth GIG",
        "special_health_authority": "yn awdurdod iechyd arbennig",
        "welsh_government": "yn rhan o Lywodraeth Cymru",
        "fire_rescue": "yn awdurdod tân ac achub",
        "national_park": "yn awdurdod parc cenedlaethol",
        "police": "yn heddlu",
        "other_public_body": "yn gorff cyhoeddus arall",
    },
    sectors={
        "local_government": "ym maes llywodraeth leol",
        "health_and_care": "ym maes iechyd a gofal cymdeithasol",
        "central_government": "ym maes llywodraeth ganolog",
        "other": "ym maes gwasanaethau cyhoeddus eraill",
    },
    help_first={
        "service_design": "gyda dylunio gwasanaethau",
        "data": "gyda data",
        "skills": "gyda sgiliau digidol",
        "specialists": "gydag arbenigwyr",
        "assurance": "gyda sicrwydd",
        "technology": "gyda thechnoleg",
        "connectivity": "gyda chysylltedd",
        "inclusion": "gyda chynhwysiant digidol",
    },
    help_next={
        "service_design": "dylunio gwasanaethau",
        "data": "data",
        "skills": "sgiliau digidol",
        "specialists": "arbenigwyr",
        "assurance": "sicrwydd",
        "technology": "technoleg",
        "connectivity": "cysylltedd",
        "inclusion": "cynhwysiant digidol",
    },
    help_or={
        "service_design": "neu ddylunio gwasanaethau",
        "data": "neu ddata",
        "skills": "neu sgiliau digidol",
        "specialists": "neu arbenigwyr",
        "assurance": "neu sicrwydd",
        "technology": "neu dechnoleg",
        "connectivity": "neu gysylltedd",
        "inclusion": "neu gynhwysiant digidol",
    },
    help_nor={
        "service_design": "na dylunio gwasanaethau",
        "data": "na data",
        "skills": "na sgiliau digidol",
        "specialists": "nac arbenigwyr",
        "assurance": "na sicrwydd",
        "technology": "na thechnoleg",
        "connectivity": "na chysylltedd",
        "inclusion": "na chynhwysiant digidol",
    },
    sentences={
        ("health_or_social_care", "is", False): "mae'r gwaith ym maes iechyd neu ofal cymdeithasol",
        ("health_or_social_care", "is", True): "nid yw'r gwaith ym maes iechyd neu ofal cymdeithasol",
        (
            "welsh_government_service",
            "is",
            False,
        ): "mae'r gwaith yn un o wasanaethau Llywodraeth Cymru ei hun",
        (
            "welsh_government_service",
            "is",
            True,
        ): "nid yw'r gwaith yn un o wasanaethau Llywodraeth Cymru ei hun",
        (
            "organisation_count",
            "at_least",
            False,
        ): "mae {n} neu fwy o sefydliadau ar wahân yn rhan o'r gwaith",
        ("organisation_count", "at_most", False): "mae {n} neu lai o sefydliadau ar wahân yn rhan o'r gwaith",
        ("organisation_count", "none", False): "nid oes yr un sefydliad yn rhan o'r gwaith",
        ("sector_count", "at_least", False): "mae {n} neu fwy o sectorau gwahanol yn rhan o'r gwaith",
        ("sector_count", "at_most", False): "mae {n} neu lai o sectorau gwahanol yn rhan o'r gwaith",
        ("sector_count", "none", False): "nid oes yr un sector yn rhan o'r gwaith",
        ("asking_kind", "in", False): "mae'r sefydliad sy'n gofyn {items}",
        ("asking_kind", "in", True): "nid yw'r sefydliad sy'n gofyn {items}",
        ("asking_sector", "in", False): "mae'r sefydliad sy'n gofyn {items}",
        ("asking_sector", "in", True): "nid yw'r sefydliad sy'n gofyn {items}",
        (
            "organisation_kinds",
            "includes_any",
            False,
        ): "mae o leiaf un o'r sefydliadau sy'n rhan o'r gwaith {items}",
        (
            "organisation_kinds",
            "includes_any",
            True,
        ): "nid yw'r un o'r sefydliadau sy'n rhan o'r gwaith {items}",
        ("organisation_kinds", "only", False): "mae pob un o'r sefydliadau sy'n rhan o'r gwaith {items}",
        ("organisation_kinds", "only", True): "nid yw pob un o'r sefydliadau sy'n rhan o'r gwaith {items}",
        (
            "organisation_sectors",
            "includes_any",
            False,
        ): "mae o leiaf un o'r sefydliadau sy'n rhan o'r gwaith {items}",
        (
            "organisation_sectors",
            "includes_any",
            True,
        ): "nid yw'r un o'r sefydliadau sy'n rhan o'r gwaith {items}",
        ("organisation_sectors", "only", False): "mae pob un o'r sefydliadau sy'n rhan o'r gwaith {items}",
        ("organisation_sectors", "only", True): "nid yw pob un o'r sefydliadau sy'n rhan o'r gwaith {items}",
        ("help_wanted", "includes_any", False): "mae angen cymorth {items}",
        ("help_wanted", "includes_any", True): "nid oes angen cymorth {items}",
    },
    join_items=_join_items_cy,
    # Every Welsh clause starts with "mae", "nid" or a bracket, so "and" before one is always "ac".
    and_word=" ac ",
    or_word=" neu ",
    always="mae'r rheol hon bob amser yn berthnasol",
    never="nid yw'r rheol hon byth yn berthnasol",
)
_LANGUAGES = {"en": _EN, "cy": _CY}


def explain_condition(condition_data: dict, language: str) -> str:
    """One readable sentence saying when a condition holds, in English ("en") or Welsh ("cy")."""
    if language not in _LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; use en or cy.")
    compile_condition(condition_data)
    clause = _clause(condition_data, _LANGUAGES[language], negated=False)
    first = len(clause) - len(clause.lstrip("("))
    return clause[:first] + clause[first].upper() + clause[first + 1 :] + "."


def _clause(node: dict, words: _Words, negated: bool, nested: bool = False) -> str:
    if "fact" in node:
        return _fact_clause(node, words, negated)
    key, value = next(iter(node.items()))
    if key == "not":
        return _clause(value, words, not negated, nested)
    if key == "always":
        return words.never if negated else words.always
    # De Morgan: "not all of these" reads best as "this is not so, or that is not so".
    joins_with_and = (key == "all") != negated
    if len(value) == 1:
        return _clause(value[0], words, negated, nested)
    clauses = [_clause(child, words, negated, nested=True) for child in value]
    text = _join(clauses, words.and_word if joins_with_and else words.or_word)
    return f"({text})" if nested else text


def _fact_clause(node: dict, words: _Words, negated: bool) -> str:
    name = node["fact"]
    operator = next(key for key in node if key != "fact")
    value = node[operator]
    if operator == "is":
        return words.sentences[(name, "is", value == negated)]
    if operator in ("at_least", "at_most"):
        return _count_clause(name, operator, value, words, negated)
    items = (
        _help_items(value, words, negated) if name == "help_wanted" else _items(name, value, words, negated)
    )
    return words.sentences[(name, operator, negated)].format(items=items)


def _count_clause(name: str, operator: str, n: int, words: _Words, negated: bool) -> str:
    # Negation is exact for whole numbers: "not at least 3" is "at most 2"; "not at most 2" is "at least 3".
    if negated:
        operator, n = ("at_most", n - 1) if operator == "at_least" else ("at_least", n + 1)
    if operator == "at_most" and n == 0:
        return words.sentences[(name, "none", False)]
    return words.sentences[(name, operator, False)].format(n=n)


def _items(name: str, codes: list[str], words: _Words, negated: bool) -> str:
    labels = words.kinds if name in ("asking_kind", "organisation_kinds") else words.sectors
    phrases = [labels[code] for code in codes]
    return phrases[0] if len(phrases) == 1 else words.join_items(phrases, negated)


def _help_items(codes: list[str], words: _Words, negated: bool) -> str:
    if len(codes) == 1:
        return words.help_first[codes[0]]
    middle = [words.help_next[code] for code in codes[1:-1]]
    last = (words.help_nor if negated else words.help_or)[codes[-1]]
    return ", ".join([words.help_first[codes[0]], *middle]) + " " + last
