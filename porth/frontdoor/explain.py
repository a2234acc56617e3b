"""A stored decision explained rule by rule, in the reader's language.

The engine's own trace is an English log for developers and the API. People read this instead: it is built
from the same stored facts (which rules applied, and which team each rule brought in) and the rule set version
the decision used.
"""

from django.utils.translation import gettext as _

from porth.directory.models import LeadershipTeam
from porth.routing.engine import LAST_RESORT_CODE

from .models import Decision


def decision_steps(decision: Decision) -> list[str]:
    if decision.rule_set is None:
        return []
    result = decision.result
    fired = set(result.get("fired", []))
    brought_in: dict[str, list[tuple[str, str]]] = {}
    for reason in result.get("reasons", []):
        brought_in.setdefault(reason["code"], []).append((reason["team"], reason["role"]))
    names = {t.slug: str(t.name) for t in LeadershipTeam.objects.filter(slug__in=_slugs(result))}
    steps = [
        _step(number, rule, fired, brought_in.get(rule["code"], []), names)
        for number, rule in enumerate(decision.rule_set.rules, start=1)
    ]
    if LAST_RESORT_CODE in brought_in:
        (team, _role), *_rest = brought_in[LAST_RESORT_CODE]
        steps.append(
            _("No rule chose a lead team, so the first team in the rules' order leads: %(team)s.")
            % {"team": names.get(team, team)}
        )
    return steps


def _slugs(result: dict) -> list[str]:
    return [result.get("lead"), *result.get("support", [])]


def _step(number: int, rule: dict, fired: set[str], teams: list[tuple[str, str]], names: dict) -> str:
    values = {"number": number, "code": rule["code"]}
    if rule["code"] not in fired:
        if rule["kind"] == "fallback":
            return (
                _(
                    "%(number)s. %(code)s was not needed: a lead team had already been chosen, or it did not apply."  # noqa: E501
                )
                % values
            )
        return _("%(number)s. %(code)s did not apply.") % values
    leads = [names.get(slug, slug) for slug, role in teams if role == "lead"]
    supports = [names.get(slug, slug) for slug, role in teams if role == "support"]
    if leads:
        return _("%(number)s. %(code)s applied: %(team)s leads.") % {**values, "team": leads[0]}
    if supports:
        return _("%(number)s. %(code)s applied: support from %(teams)s.") % {
            **values,
            "teams": ", ".join(supports),
        }
    return (
        _(
            "%(number)s. %(code)s applied, but added no team: its teams were already in the decision, "
            "or cannot take new work."
        )
        % values
    )
