"""Routing: the facts a piece of work is routed on, the rule set in force, and managing rule sets."""

import datetime
import json
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from porth.directory.models import LeadershipTeam, Organisation

from . import engine
from .models import RuleSet

SHIPPED_RULE_SET = Path(__file__).resolve().parent / "data" / "rule_set_v1.json"


class NoRuleSetInForce(Exception):
    """No published rule set is in force: an administrator must publish one before requests can be routed."""


# ---------------------------------------------------------------------------------------------- routing


def available_team_slugs(day: datetime.date | None = None) -> frozenset[str]:
    day = day or timezone.localdate()
    return frozenset(LeadershipTeam.objects.active_on(day).values_list("slug", flat=True))


def facts_build(
    *,
    organisation: Organisation,
    others: list[Organisation],
    health_or_social_care: bool,
    welsh_government_service: bool,
    help_wanted: list[str],
    available_teams: frozenset[str] | None = None,
) -> engine.Facts:
    """The facts the engine routes on: the organisations involved, the two flags and the help wanted."""
    involved = [organisation, *(o for o in others if o.pk != organisation.pk)]
    return engine.Facts(
        organisations=tuple(engine.Organisation(code=o.code, kind=o.kind, sector=o.sector) for o in involved),
        health_or_social_care=health_or_social_care,
        welsh_government_service=welsh_government_service,
        help_wanted=frozenset(help_wanted),
        available_teams=available_team_slugs() if available_teams is None else available_teams,
    )


def rule_set_in_force() -> RuleSet:
    rule_set = RuleSet.objects.in_force()
    if rule_set is None:
        raise NoRuleSetInForce()
    return rule_set


def route(facts: engine.Facts, rule_set: RuleSet | None = None) -> tuple[engine.Decision, RuleSet]:
    rule_set = rule_set or rule_set_in_force()
    return engine.route(facts, rule_set.compiled()), rule_set


# ---------------------------------------------------------------------------------------------- rule sets


def rule_sets_ensure_shipped() -> list[RuleSet]:
    """Publish the shipped rule set as version 1 when no rule set exists yet (first run, tests); return the
    rule sets published now."""
    if RuleSet.objects.exists():
        return []
    data = json.loads(SHIPPED_RULE_SET.read_text(encoding="utf-8"))
    engine.compile_rule_set(data)
    rule_set = RuleSet.objects.create(
        version=1,
        status=RuleSet.Status.PUBLISHED,
        data=data,
        notes="The division of work described in 2021, as shipped with Porth.",
        effective_from=datetime.date(2021, 1, 1),
        published_at=timezone.now(),
    )
    return [rule_set]


@transaction.atomic
def rule_set_copy_to_draft(*, source: RuleSet, user) -> RuleSet:
    version = (RuleSet.objects.aggregate(Max("version"))["version__max"] or 0) + 1
    data = {**source.data, "version": str(version)}
    return RuleSet.objects.create(version=version, data=data, based_on=source, created_by=user)


def rule_set_save_rules(*, rule_set: RuleSet, rules: list[dict], notes: str | None = None) -> RuleSet:
    """Replace a draft's rules. Raises engine.RuleSetError (with where the problem is) if they are invalid."""
    if not rule_set.is_draft:
        raise ValueError("Only a draft rule set can be changed.")
    # A rule may name any team in the directory; the rule set's own list of teams (its last-resort order)
    # gains new ones at the end.
    named = [slug for rule in rules for slug in [rule.get("lead"), *rule.get("support", [])] if slug]
    teams = list(rule_set.data.get("teams", []))
    teams += [slug for slug in dict.fromkeys(named) if slug not in teams]
    data = {**rule_set.data, "rules": rules, "teams": teams}
    engine.compile_rule_set(data)
    rule_set.data = data
    if notes is not None:
        rule_set.notes = notes
    rule_set.save(update_fields=["data", "notes"])
    return rule_set


@transaction.atomic
def rule_set_publish(*, rule_set: RuleSet, user, effective_from: datetime.date) -> RuleSet:
    """Publish a draft from a date. Sets in force before that date are retired on it."""
    engine.compile_rule_set(rule_set.data)
    RuleSet.objects.filter(status=RuleSet.Status.PUBLISHED, effective_from__lt=effective_from).filter(
        retired_on__isnull=True
    ).update(status=RuleSet.Status.RETIRED, retired_on=effective_from)
    rule_set.status = RuleSet.Status.PUBLISHED
    rule_set.effective_from = effective_from
    rule_set.published_by = user
    rule_set.published_at = timezone.now()
    rule_set.save()
    return rule_set
