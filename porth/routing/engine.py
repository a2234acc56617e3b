"""The routing engine: which leadership team leads a piece of work, which teams support it, and why.

Pure on purpose: no Django, no I/O. A rule set is data (see `compile_rule_set`); it is validated and compiled
once into small closures, so `route()` only evaluates them and assembles preformatted strings. The same facts
and the same rule set always give the same decision, which is what lets a stored decision be re-evaluated
later and lets a what-if run over past requests show exactly what a new rule set would move.

The precedence is written down, with its reasons, in docs/routing.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from porth.core.vocabulary import HELP_CODES, HELPER_ROLES, ORGANISATION_KINDS, SECTORS, WORK_KINDS

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
    "work_kind",
    "asker_is_owner",
    "owning_teams",
    "helping_teams",
    "helping_kinds",
)
# Helpers in these roles bring their team in as a supporter; funding alone does not.
HANDS_ON_ROLES = frozenset({"deliver", "convene", "advise"})
# Conditions nest at most this deep: deeper is never needed, and would only make rules hard to read.
MAX_DEPTH = 8
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
    # The leadership team this body hosts, if any (the WLGA hosts its digital team, CDPS is the CDPS team):
    # work a team's own body owns is that team's own work.
    team: str = ""


@dataclass(frozen=True)
class Helper:
    """An organisation that helps with the work without owning it, and how: deliver, convene, fund, advise."""

    organisation: Organisation
    role: str


@dataclass(frozen=True)
class Facts:
    """What routing may know about a piece of work.

    `owners` are the organisations whose work it is (whose service changes, who will run it); when none are
    named, it is the asker's own work. `helpers` only help: they never count as parties to the work.
    Facts stored by version 1 (a list of organisations, the first one asking) read as owners, all of them.
    """

    asking: Organisation | None
    owners: tuple[Organisation, ...]
    helpers: tuple[Helper, ...]
    work_kind: str
    health_or_social_care: bool
    welsh_government_service: bool
    help_wanted: frozenset[str]
    available_teams: frozenset[str]

    @property
    def parties(self) -> tuple[Organisation, ...]:
        if self.owners:
            return self.owners
        return (self.asking,) if self.asking else ()

    def to_dict(self) -> dict:
        # Sets are stored sorted so the same facts always serialise to the same JSON.
        return {
            "asking": _organisation_dict(self.asking) if self.asking else None,
            "owners": [_organisation_dict(o) for o in self.owners],
            "helpers": [{**_organisation_dict(h.organisation), "role": h.role} for h in self.helpers],
            "work_kind": self.work_kind,
            "health_or_social_care": self.health_or_social_care,
            "welsh_government_service": self.welsh_government_service,
            "help_wanted": sorted(self.help_wanted),
            "available_teams": sorted(self.available_teams),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Facts:
        if "organisations" in data:  # stored by version 1: the first organisation asked; all were owners
            organisations = tuple(_organisation(item) for item in _list_of(data, "organisations", dict))
            asking, owners, helpers, work_kind = (organisations[:1] or (None,))[0], organisations, (), ""
        else:
            asking = _organisation(data["asking"]) if data.get("asking") is not None else None
            owners = tuple(_organisation(item) for item in _list_of(data, "owners", dict))
            helpers = tuple(_helper(item) for item in _list_of(data, "helpers", dict))
            work_kind = data.get("work_kind", "")
            if work_kind not in ("", *WORK_KINDS):
                raise ValueError(
                    f"The kind of work must be one of {', '.join(WORK_KINDS)}, not {work_kind!r}."
                )
        return cls(
            asking=asking,
            owners=owners,
            helpers=helpers,
            work_kind=work_kind,
            health_or_social_care=_boolean(data, "health_or_social_care"),
            welsh_government_service=_boolean(data, "welsh_government_service"),
            help_wanted=frozenset(_list_of(data, "help_wanted", str)),
            available_teams=frozenset(_list_of(data, "available_teams", str)),
        )


def _organisation_dict(organisation: Organisation) -> dict:
    data = {"code": organisation.code, "kind": organisation.kind, "sector": organisation.sector}
    return {**data, "team": organisation.team} if organisation.team else data


def _helper(data: dict) -> Helper:
    if data.get("role") not in HELPER_ROLES:
        raise ValueError(f"A helper's role must be one of {', '.join(HELPER_ROLES)}: {data!r}.")
    return Helper(_organisation(data), data["role"])


def _organisation(data: Any) -> Organisation:
    values = [data.get(key) for key in ("code", "kind", "sector")] if isinstance(data, dict) else [None]
    if not all(isinstance(value, str) for value in values) or not isinstance(data.get("team", ""), str):
        raise ValueError(f"An organisation needs a code, a kind and a sector, as text: {data!r}.")
    return Organisation(*values, team=data.get("team", ""))


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


# Stands for "the rule set's teams" as a fact's vocabulary.
TEAMS = ("<teams>",)


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
    "work_kind": _Spec(9, ("in",), WORK_KINDS),
    "asker_is_owner": _Spec(10, ("is",)),
    # Team slugs: checked against the rule set's own list of teams when a rule set is compiled.
    "owning_teams": _Spec(11, ("includes_any",), TEAMS),
    "helping_teams": _Spec(12, ("includes_any",), TEAMS),
    "helping_kinds": _Spec(13, ("includes_any",), ORGANISATION_KINDS),
}
assert tuple(_FACT_SPECS) == FACT_NAMES


def _derive(facts: Facts) -> tuple:
    """The facts conditions read, computed once per decision, in the order of _FACT_SPECS' indexes. Only the
    owners (the parties to the work) are counted; helpers only bring their team in (helping_teams)."""
    parties = facts.parties
    sectors = {o.sector for o in parties}
    asking = facts.asking
    return (
        facts.health_or_social_care,
        facts.welsh_government_service,
        len({o.code for o in parties}),
        len(sectors),
        asking.kind if asking else None,
        asking.sector if asking else None,
        {o.kind for o in parties},
        sectors,
        facts.help_wanted,
        facts.work_kind,
        asking is not None and (not facts.owners or asking.code in {o.code for o in facts.owners}),
        {o.team for o in parties if o.team},
        {h.organisation.team for h in facts.helpers if h.role in HANDS_ON_ROLES and h.organisation.team},
        {h.organisation.kind for h in facts.helpers if h.role in HANDS_ON_ROLES},
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


class _Scope(NamedTuple):
    """What compiling a condition needs to know besides the condition: the teams it may name (None: any),
    and how deep it is."""

    teams: tuple[str, ...] | None
    depth: int

    def deeper(self) -> _Scope:
        return _Scope(self.teams, self.depth + 1)


def compile_condition(data: Any, path: str = "condition", teams: tuple[str, ...] | None = None) -> Condition:
    """Validate one condition and compile it; raises RuleSetError naming the JSON path of any problem.
    `teams` are the slugs facts about teams may name (a rule set's teams); None accepts any slug."""
    return Condition(data, _compile_node(data, path, _Scope(teams, 1)))


def _compile_node(node: Any, path: str, scope: _Scope) -> Test:
    if scope.depth > MAX_DEPTH:
        raise RuleSetError(
            f"Conditions may be nested at most {MAX_DEPTH} deep.", path, "too_deep", {"depth": MAX_DEPTH}
        )
    if not isinstance(node, dict) or not node:
        raise RuleSetError(
            'A condition must be an object: {"fact": ..., operator: value}, {"all": [...]}, {"any": [...]}, '
            '{"not": ...} or {"always": true}.',
            path,
            "condition_shape",
        )
    if "fact" in node:
        return _compile_fact(node, path, scope)
    key = next(iter(node))
    if len(node) != 1 or key not in _COMBINATORS:
        names = ", ".join(repr(k) for k in node)
        raise RuleSetError(
            f"Unknown condition {names}; use one of all, any, not, always, or fact with an operator.",
            path,
            "unknown_combinator",
            {"names": names},
        )
    return _COMBINATORS[key](node[key], f"{path}.{key}", scope.deeper())


def _compile_all(items: Any, path: str, scope: _Scope) -> Test:
    tests = _compile_children(items, path, scope)
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda view: first(view) and second(view)
    return lambda view: all(child(view) for child in tests)


def _compile_any(items: Any, path: str, scope: _Scope) -> Test:
    tests = _compile_children(items, path, scope)
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda view: first(view) or second(view)
    return lambda view: any(child(view) for child in tests)


def _compile_children(items: Any, path: str, scope: _Scope) -> tuple[Test, ...]:
    if not isinstance(items, list) or not items:
        raise RuleSetError("This must be a non-empty list of conditions.", path, "empty_conditions")
    return tuple(_compile_node(item, f"{path}[{i}]", scope) for i, item in enumerate(items))


def _compile_not(item: Any, path: str, scope: _Scope) -> Test:
    child = _compile_node(item, path, scope)
    return lambda view: not child(view)


def _compile_always(value: Any, path: str, scope: _Scope) -> Test:
    if value is not True:
        raise RuleSetError(f'"always" must be true, not {json.dumps(value)}.', path, "always_true")
    return lambda view: True


_COMBINATORS: dict[str, Callable[[Any, str, _Scope], Test]] = {
    "all": _compile_all,
    "any": _compile_any,
    "not": _compile_not,
    "always": _compile_always,
}


def _compile_fact(node: dict, path: str, scope: _Scope) -> Test:
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
    if spec.vocabulary is TEAMS:
        spec = spec._replace(vocabulary=scope.teams)
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
        # A vocabulary of None (team slugs outside a rule set) takes any slug.
        known = spec.vocabulary is None and isinstance(word, str) and bool(word.strip())
        if not known and (not isinstance(word, str) or word not in (spec.vocabulary or ())):
            raise RuleSetError(
                f"Unknown code {json.dumps(word)}; use one of {', '.join(spec.vocabulary or ())}.",
                f"{path}[{i}]",
                "unknown_code",
                {"code": json.dumps(word), "codes": ", ".join(spec.vocabulary or ())},
            )
    if len(set(value)) != len(value):
        raise RuleSetError("The list names the same code twice.", path, "repeated_code")
    return frozenset(value)


# The operators as Python source, for _all_conditions: {i} is the fact's place in the view, {c} the value.
_OPERATOR_SOURCE = {
    "is": "v[{i}] is {c}",
    "at_least": "v[{i}] >= {c}",
    "at_most": "v[{i}] <= {c}",
    "in": "v[{i}] in {c}",
    "includes_any": "not {c}.isdisjoint(v[{i}])",
    "only": "(bool(v[{i}]) and v[{i}] <= {c})",
}


def _all_conditions(conditions: Iterable[dict]) -> Callable[[tuple], list[int]]:
    """One function testing every condition of a rule set: `view` → the numbers of the rules that hold, in
    order.

    Why: the engine's budget is 50,000 decisions a second on one core, and a nest of closures costs a Python
    call for each node of each condition of each rule (30 or more a decision). The conditions were validated
    by _compile_node; their source holds only fact indexes (integers) and names of constants (`k[n]`), never
    text from the data, so nothing in a rule set reaches the code but numbers."""
    constants: list = []
    parts = [_condition_source(data, constants) for data in conditions]
    source = (
        "lambda v: [n for n, held in enumerate((" + "".join(f"{part}, " for part in parts) + ")) if held]"
    )
    return eval(source, {"__builtins__": {}, "bool": bool, "enumerate": enumerate, "k": tuple(constants)})


def _condition_source(node: dict, constants: list) -> str:
    if "fact" in node:
        operator = next(key for key in node if key != "fact")
        value = node[operator]
        constants.append(frozenset(value) if isinstance(value, list) else value)
        index = _FACT_SPECS[node["fact"]].index
        return "(" + _OPERATOR_SOURCE[operator].format(i=index, c=f"k[{len(constants) - 1}]") + ")"
    key, item = next(iter(node.items()))
    if key == "always":
        return "True"
    if key == "not":
        return f"(not {_condition_source(item, constants)})"
    joiner = " and " if key == "all" else " or "
    return "(" + joiner.join(_condition_source(child, constants) for child in item) + ")"


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
    # "Every owner is ..." says nothing when there are no owners, so it does not hold.
    return lambda view: bool(view[index]) and view[index] <= value


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
    # Everything route() needs, precomputed once: reasons and the pieces of every trace line, and `_held`,
    # which tests every rule's condition at once and gives the numbers of those that hold.
    _plan: tuple = field(init=False, repr=False, compare=False)
    _held: Callable[[tuple], list[int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        planned = (_plan_rule(n, rule) for n, rule in enumerate(self.rules, 1))
        # Unpacked in the engine's loop: what it reads of every rule, then the rest for the rules that hold.
        plan = tuple((p.kind == "fallback", p.not_held, p) for p in planned)
        object.__setattr__(self, "_plan", plan)
        object.__setattr__(self, "_held", _all_conditions(rule.condition.data for rule in self.rules))


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
        condition=compile_condition(item["condition"], f"{path}.condition", teams),
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


# ------------------------------------------------------------------------------------------------------------
# Routing


@dataclass(frozen=True)
class Decision:
    lead: str
    support: tuple[str, ...]
    fired: tuple[str, ...]
    reasons: tuple[Reason, ...]
    rule_set_version: str
    # Other teams whose lead rules also held: the work could reasonably be led by them too. Each also
    # supports (unless it cannot take new work).
    overlap: tuple[Reason, ...] = ()
    # What `trace` is written from, when it is first read (see route()).
    _trace_parts: tuple = field(default=(), repr=False, compare=False)

    @cached_property
    def trace(self) -> tuple[str, ...]:
        """A line for every rule looked at, in order, saying whether it held and what it did."""
        return _trace(*self._trace_parts)

    def to_dict(self) -> dict:
        return {
            "lead": self.lead,
            "support": list(self.support),
            "fired": list(self.fired),
            "reasons": [reason.to_dict() for reason in self.reasons],
            "overlap": [reason.to_dict() for reason in self.overlap],
            "trace": list(self.trace),
            "rule_set_version": self.rule_set_version,
        }


class _Team(NamedTuple):
    """One team a rule names, with its reasons and every phrase the trace may need about it."""

    slug: str
    as_lead: Reason | None
    as_support: Reason
    as_overlap: Reason
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
        as_overlap=reason("overlap"),
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

    __slots__ = ("available", "lead", "lead_code", "lead_reason", "overlap", "supporters")

    def __init__(self, available: frozenset[str]):
        self.available = available
        self.lead: str | None = None
        self.lead_code = ""
        self.lead_reason: Reason | None = None
        self.supporters: dict[str, Reason] = {}
        self.overlap: dict[str, Reason] = {}

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
        run.overlap.setdefault(team.slug, team.as_overlap)
        parts = [f"the lead is already set by {run.lead_code}, so {team.slug} supports instead"]
        if outcome != team.supports:
            parts = [f"the lead is already set by {run.lead_code}, and {outcome}"]
    return parts


def _apply_held(rule: _Planned, run: _Run, fired: list[str]) -> list[str]:
    """Apply a rule that holds; what it did, for its line in the trace."""
    fired.append(rule.code)
    parts = _apply_lead(rule, run) if rule.lead is not None else []
    for team in rule.support:
        parts.append(run.add_supporter(team))
    return parts


def route(facts: Facts, rule_set: RuleSet) -> Decision:
    """Decide who leads and who supports: see docs/routing.md for the precedence and why."""
    available = facts.available_teams
    if available.isdisjoint(rule_set.teams):
        raise NoAvailableTeam("None of the rule set's teams can receive new work, so no team can lead.")
    view = _derive(facts)
    run = _Run(available)
    fired: list[str] = []
    # The engine's hot path: only the rules that hold are visited, in order; the line of every other rule in
    # the trace is written when someone reads the trace (most decisions are stored, few are read).
    held_parts: dict[int, list[str]] = {}
    lead_from = None
    plan = rule_set._plan
    for number in rule_set._held(view):
        fallback, _not_held, rule = plan[number]
        if fallback and run.lead is not None:
            continue  # not considered: the trace says so
        held_parts[number] = _apply_held(rule, run, fired)
        if lead_from is None and run.lead is not None:
            lead_from = number
    last_resort = _last_resort(run, rule_set.teams) if run.lead is None else ""
    return Decision(
        lead=run.lead,
        support=tuple(run.supporters),
        fired=tuple(fired),
        reasons=(run.lead_reason, *run.supporters.values()),
        rule_set_version=rule_set.version,
        overlap=tuple(run.overlap.values()),
        _trace_parts=(plan, held_parts, lead_from, run.lead_code, last_resort),
    )


def _trace(plan: tuple, held_parts: dict[int, list[str]], lead_from: int | None, lead_code: str, last: str):
    """Every rule's line of a decision's trace, in order: what it did if it held, else why not."""
    lines = []
    for number, (fallback, not_held, rule) in enumerate(plan):
        if number in held_parts:
            lines.append(rule.held + "; ".join(held_parts[number]) + ".")
        elif fallback and lead_from is not None and lead_from < number:
            lines.append(rule.not_considered + lead_code + ".")
        else:
            lines.append(not_held)
    if last:
        lines.append(last)
    return tuple(lines)


def _last_resort(run: _Run, teams: tuple[str, ...]) -> str:
    slug = next(team for team in teams if team in run.available)
    run.lead = slug
    run.lead_code = LAST_RESORT_CODE
    # No rule gave a reason; the interface words this one itself (porth.routing.explain.reason_text).
    run.lead_reason = Reason(LAST_RESORT_CODE, slug, "lead", "", "")
    line = f"No rule set a lead, so {slug} leads as the first available team in the rule set's order"
    if run.supporters.pop(slug, None) is not None:
        return f"{line}, and no longer supports."
    return f"{line}."
