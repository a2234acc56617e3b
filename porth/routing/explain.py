"""Rules explained in words, in the reader's language: a condition as one sentence, and a decision's reasons.

Every phrase goes through the Welsh catalogue. Welsh needs more than word-for-word swaps: each item of a list
carries its own "yn" or "ym" ("yn awdurdod lleol, yn fwrdd iechyd neu'n ymddiriedolaeth GIG"), and the word
before a phrase mutates it ("gyda thechnoleg", "neu dechnoleg", "na thechnoleg"). So each phrase is in the
catalogue in every form a sentence needs, told apart by its context, and this module only puts the forms
together. Team names are only ever placed after a colon, where no mutation is needed.
"""

from collections.abc import Callable

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from porth.core.language import localise

from . import engine


def explain_condition(condition_data: dict, language: str, team_names: dict | None = None) -> str:
    """One readable sentence saying when a condition holds, in English ("en") or Welsh ("cy")."""
    if language not in ("en", "cy"):
        raise ValueError(f"Unknown language {language!r}; use en or cy.")
    engine.compile_condition(condition_data)
    with translation.override(language):
        words = _Words(language, team_names or {})
        clause = words.clause(condition_data, negated=False)
    first = len(clause) - len(clause.lstrip("("))
    return clause[:first] + clause[first].upper() + clause[first + 1 :] + "."


def reason_text(reason: dict, language: str | None = None) -> str:
    """The reason a stored decision gives for one team, in the reader's language (the other language, marked,
    when a rule's reason was written in one language only)."""
    if reason.get("code") == engine.LAST_RESORT_CODE:
        return _("No rule chose a lead team, so the first available team in the rules' order leads.")
    return localise(reason.get("reason_en"), reason.get("reason_cy"), language)


def _kinds() -> dict[str, str]:
    # The predicate after "is": "is a local authority" / "yn awdurdod lleol".
    return {
        "local_authority": pgettext("an organisation is", "a local authority"),
        "council_partnership": pgettext("an organisation is", "a body of councils"),
        "health_board": pgettext("an organisation is", "a local health board"),
        "nhs_trust": pgettext("an organisation is", "an NHS trust"),
        "special_health_authority": pgettext("an organisation is", "a special health authority"),
        "welsh_government": pgettext("an organisation is", "part of Welsh Government"),
        "sponsored_body": pgettext("an organisation is", "a Welsh Government sponsored body"),
        "fire_rescue": pgettext("an organisation is", "a fire and rescue authority"),
        "national_park": pgettext("an organisation is", "a national park authority"),
        "police": pgettext("an organisation is", "a police force"),
        "other_public_body": pgettext("an organisation is", "another public body"),
        "non_public": pgettext("an organisation is", "a body outside the public sector"),
    }


def _sectors() -> dict[str, str]:
    return {
        "local_government": pgettext("an organisation is", "in local government"),
        "health_and_care": pgettext("an organisation is", "in health and social care"),
        "central_government": pgettext("an organisation is", "in central government"),
        "other": pgettext("an organisation is", "in other public services"),
    }


def _work_kinds() -> dict[str, str]:
    return {
        "own_service": pgettext("the work is", "one organisation's own service"),
        "shared_service": pgettext("the work is", "a service shared by several organisations"),
        "public_sector_capability": pgettext("the work is", "capability for the whole public sector"),
        "skills": pgettext("the work is", "about digital skills"),
        "infrastructure": pgettext("the work is", "about infrastructure or connectivity"),
        "data": pgettext("the work is", "about data"),
    }


def _help(position: str) -> dict[str, str]:
    """The kinds of help, in the form each place in a list needs: the first item (after "with" / "gyda"),
    a middle one, the last after "or" ("neu", soft mutation) and the last after "nor" ("na", aspirate)."""
    forms = {
        "first": lambda: {
            "service_design": pgettext("help, first item", "with service design"),
            "data": pgettext("help, first item", "with data"),
            "skills": pgettext("help, first item", "with digital skills"),
            "specialists": pgettext("help, first item", "with specialists"),
            "assurance": pgettext("help, first item", "with assurance"),
            "technology": pgettext("help, first item", "with technology"),
            "connectivity": pgettext("help, first item", "with connectivity"),
            "inclusion": pgettext("help, first item", "with digital inclusion"),
        },
        "middle": lambda: {
            "service_design": pgettext("help, middle item", "service design"),
            "data": pgettext("help, middle item", "data"),
            "skills": pgettext("help, middle item", "digital skills"),
            "specialists": pgettext("help, middle item", "specialists"),
            "assurance": pgettext("help, middle item", "assurance"),
            "technology": pgettext("help, middle item", "technology"),
            "connectivity": pgettext("help, middle item", "connectivity"),
            "inclusion": pgettext("help, middle item", "digital inclusion"),
        },
        "or": lambda: {
            "service_design": pgettext("help, last item after or", "or service design"),
            "data": pgettext("help, last item after or", "or data"),
            "skills": pgettext("help, last item after or", "or digital skills"),
            "specialists": pgettext("help, last item after or", "or specialists"),
            "assurance": pgettext("help, last item after or", "or assurance"),
            "technology": pgettext("help, last item after or", "or technology"),
            "connectivity": pgettext("help, last item after or", "or connectivity"),
            "inclusion": pgettext("help, last item after or", "or digital inclusion"),
        },
        "nor": lambda: {
            "service_design": pgettext("help, last item after nor", "or service design"),
            "data": pgettext("help, last item after nor", "or data"),
            "skills": pgettext("help, last item after nor", "or digital skills"),
            "specialists": pgettext("help, last item after nor", "or specialists"),
            "assurance": pgettext("help, last item after nor", "or assurance"),
            "technology": pgettext("help, last item after nor", "or technology"),
            "connectivity": pgettext("help, last item after nor", "or connectivity"),
            "inclusion": pgettext("help, last item after nor", "or digital inclusion"),
        },
    }
    return forms[position]()


def _sentences() -> dict[tuple[str, str, bool], str]:
    """(fact, operator, negated) -> a clause with {items}, {n} or {teams}. Every Welsh clause starts with
    "mae" or "nid" (or a bracket), so the "and" before one is always "ac"."""
    return {
        ("health_or_social_care", "is", False): pgettext("condition", "the work is in health or social care"),
        ("health_or_social_care", "is", True): pgettext(
            "condition", "the work is not in health or social care"
        ),
        ("welsh_government_service", "is", False): pgettext(
            "condition", "the work is one of Welsh Government's own services"
        ),
        ("welsh_government_service", "is", True): pgettext(
            "condition", "the work is not one of Welsh Government's own services"
        ),
        ("organisation_count", "at_least", False): pgettext(
            "condition", "the work belongs to {n} or more separate organisations"
        ),
        ("organisation_count", "at_most", False): pgettext(
            "condition", "the work belongs to {n} or fewer separate organisations"
        ),
        ("organisation_count", "none", False): pgettext("condition", "the work belongs to no organisation"),
        ("sector_count", "at_least", False): pgettext(
            "condition", "the owners of the work come from {n} or more different sectors"
        ),
        ("sector_count", "at_most", False): pgettext(
            "condition", "the owners of the work come from {n} or fewer different sectors"
        ),
        ("sector_count", "none", False): pgettext("condition", "the work has no owners in any sector"),
        ("asking_kind", "in", False): pgettext("condition", "the asking organisation is {items}"),
        ("asking_kind", "in", True): pgettext("condition", "the asking organisation is not {items}"),
        ("asking_sector", "in", False): pgettext("condition", "the asking organisation is {items}"),
        ("asking_sector", "in", True): pgettext("condition", "the asking organisation is not {items}"),
        ("organisation_kinds", "includes_any", False): pgettext(
            "condition", "at least one owner of the work is {items}"
        ),
        ("organisation_kinds", "includes_any", True): pgettext(
            "condition", "no owner of the work is {items}"
        ),
        ("organisation_kinds", "only", False): pgettext("condition", "every owner of the work is {items}"),
        ("organisation_kinds", "only", True): pgettext("condition", "not every owner of the work is {items}"),
        ("organisation_sectors", "includes_any", False): pgettext(
            "condition", "at least one owner of the work is {items}"
        ),
        ("organisation_sectors", "includes_any", True): pgettext(
            "condition", "no owner of the work is {items}"
        ),
        ("organisation_sectors", "only", False): pgettext("condition", "every owner of the work is {items}"),
        ("organisation_sectors", "only", True): pgettext(
            "condition", "not every owner of the work is {items}"
        ),
        ("help_wanted", "includes_any", False): pgettext("condition", "help is wanted {items}"),
        ("help_wanted", "includes_any", True): pgettext("condition", "no help is wanted {items}"),
        ("work_kind", "in", False): pgettext("condition", "the work is {items}"),
        ("work_kind", "in", True): pgettext("condition", "the work is not {items}"),
        ("asker_is_owner", "is", False): pgettext("condition", "the work belongs to the asking organisation"),
        ("asker_is_owner", "is", True): pgettext(
            "condition", "the asking organisation asks for others, whose work it is"
        ),
        ("owning_teams", "includes_any", False): pgettext(
            "condition", "the work belongs to the organisation that hosts one of these teams: {teams}"
        ),
        ("owning_teams", "includes_any", True): pgettext(
            "condition", "the work does not belong to an organisation that hosts any of these teams: {teams}"
        ),
        ("helping_teams", "includes_any", False): pgettext(
            "condition",
            "the organisation that hosts one of these teams delivers, convenes or advises: {teams}",
        ),
        ("helping_teams", "includes_any", True): pgettext(
            "condition",
            "no organisation that hosts one of these teams delivers, convenes or advises: {teams}",
        ),
        ("helping_kinds", "includes_any", False): pgettext(
            "condition", "an organisation that delivers, convenes or advises is {items}"
        ),
        ("helping_kinds", "includes_any", True): pgettext(
            "condition", "no organisation that delivers, convenes or advises is {items}"
        ),
    }


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


_JOIN_ITEMS: dict[str, Callable[[list[str], bool], str]] = {"en": _join_items_en, "cy": _join_items_cy}


class _Words:
    """The phrases of one language, read once for one explanation."""

    def __init__(self, language: str, team_names: dict):
        self.join_items = _JOIN_ITEMS[language]
        self.team_names = team_names
        self.sentences = _sentences()
        self.labels = {
            "asking_kind": _kinds(),
            "organisation_kinds": _kinds(),
            "helping_kinds": _kinds(),
            "asking_sector": _sectors(),
            "organisation_sectors": _sectors(),
            "work_kind": _work_kinds(),
        }
        # "and" and "or" between clauses.
        self.and_word = pgettext("between clauses", " and ")
        self.or_word = pgettext("between clauses", " or ")

    def clause(self, node: dict, negated: bool, nested: bool = False) -> str:
        if "fact" in node:
            return self.fact_clause(node, negated)
        key, value = next(iter(node.items()))
        if key == "not":
            return self.clause(value, not negated, nested)
        if key == "always":
            if negated:
                return pgettext("condition", "this rule never applies")
            return pgettext("condition", "this rule always applies")
        # De Morgan: "not all of these" reads best as "this is not so, or that is not so".
        joins_with_and = (key == "all") != negated
        if len(value) == 1:
            return self.clause(value[0], negated, nested)
        clauses = [self.clause(child, negated, nested=True) for child in value]
        text = _join(clauses, self.and_word if joins_with_and else self.or_word)
        return f"({text})" if nested else text

    def fact_clause(self, node: dict, negated: bool) -> str:
        name = node["fact"]
        operator = next(key for key in node if key != "fact")
        value = node[operator]
        if operator == "is":
            return self.sentences[(name, "is", value == negated)]
        if operator in ("at_least", "at_most"):
            return self.count_clause(name, operator, value, negated)
        sentence = self.sentences[(name, operator, negated)]
        if name in ("owning_teams", "helping_teams"):
            return sentence.format(teams=", ".join(str(self.team_names.get(s, s)) for s in value))
        items = self.help_items(value, negated) if name == "help_wanted" else self.items(name, value, negated)
        return sentence.format(items=items)

    def count_clause(self, name: str, operator: str, n: int, negated: bool) -> str:
        # Negation is exact for whole numbers: "not at least 3" is "at most 2", "not at most 2" "at least 3".
        if negated:
            operator, n = ("at_most", n - 1) if operator == "at_least" else ("at_least", n + 1)
        if operator == "at_most" and n == 0:
            return self.sentences[(name, "none", False)]
        return self.sentences[(name, operator, False)].format(n=n)

    def items(self, name: str, codes: list[str], negated: bool) -> str:
        phrases = [self.labels[name][code] for code in codes]
        return phrases[0] if len(phrases) == 1 else self.join_items(phrases, negated)

    def help_items(self, codes: list[str], negated: bool) -> str:
        first = _help("first")
        if len(codes) == 1:
            return first[codes[0]]
        middle = _help("middle")
        last = _help("nor" if negated else "or")[codes[-1]]
        return ", ".join([first[codes[0]], *(middle[code] for code in codes[1:-1])]) + " " + last
