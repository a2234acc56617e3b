"""A routing decision told to people, in their language: who leads, who supports, who could also lead and why,
and the rules that applied as sentences.

The engine's own trace is an English log for developers and the API. People read this instead, built from the
decision's result (the reasons each rule gave for each team). Rule codes are for administrators only: others
read the reasons themselves.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from porth.directory.models import LeadershipTeam
from porth.routing.explain import reason_text


@dataclass(frozen=True)
class TeamReason:
    team: LeadershipTeam | None
    slug: str
    text: str
    code: str


@dataclass(frozen=True)
class DecisionView:
    lead: TeamReason | None
    support: list[TeamReason]
    overlap: list[TeamReason]
    steps: list[str]
    rule_set_version: int | str | None
    redirect_reason: str = ""


def decision_view(result: dict, *, administrator: bool = False, redirect_reason: str = "") -> DecisionView:
    """What people read about a decision's result (stored, or routed for a preview)."""
    reasons = result.get("reasons", [])
    overlap = result.get("overlap", [])
    slugs = {result.get("lead"), *result.get("support", []), *(r["team"] for r in overlap)}
    teams = {t.slug: t for t in LeadershipTeam.objects.filter(slug__in=[s for s in slugs if s])}

    def told(reason: dict) -> TeamReason:
        return TeamReason(teams.get(reason["team"]), reason["team"], reason_text(reason), reason["code"])

    lead = next((told(r) for r in reasons if r["role"] == "lead"), None)
    if lead is None and result.get("lead"):  # a decision made by a person passing the request on
        lead = TeamReason(teams.get(result["lead"]), result["lead"], "", "")
    return DecisionView(
        lead=lead,
        support=[told(r) for r in reasons if r["role"] == "support"]
        or [TeamReason(teams.get(s), s, "", "") for s in result.get("support", []) if not reasons],
        overlap=[told(r) for r in overlap],
        steps=_steps(result, teams, administrator),
        rule_set_version=result.get("rule_set_version"),
        redirect_reason=redirect_reason,
    )


def _name(teams: dict, slug: str) -> str:
    team = teams.get(slug)
    return str(team.name) if team else slug


def _steps(result: dict, teams: dict, administrator: bool) -> list[str]:
    """One sentence for each rule that applied, in the order they were read: its reason, and what it did."""
    brought: dict[str, list[tuple[str, str, dict]]] = {}
    for reason in [*result.get("reasons", []), *result.get("overlap", [])]:
        brought.setdefault(reason["code"], []).append((reason["team"], reason["role"], reason))
    lines = []
    for code in [*result.get("fired", []), *(["LAST_RESORT"] if "LAST_RESORT" in brought else [])]:
        for slug, role, reason in brought.get(code, []):
            line = _outcome(role) % {"reason": reason_text(reason), "team": _name(teams, slug)}
            lines.append(f"{code}: {line}" if administrator else line)
    return lines


def _outcome(role: str) -> str:
    # Whole sentences, so each language can order its words; the team's name follows a colon in Welsh.
    if role == "lead":
        return _("%(reason)s So this team leads: %(team)s.")
    if role == "overlap":
        return _("%(reason)s So this team could also lead: %(team)s.")
    return _("%(reason)s So this team supports: %(team)s.")
