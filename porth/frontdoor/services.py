"""Writes for the front door: submitting and routing requests, triage, and managing rule sets."""

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from porth.directory.models import LeadershipTeam, Organisation

from . import engine
from .models import Decision, HelpRequest, RequestEvent, RuleSet
from .tasks import request_event_notify

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


def decision_rerun(decision: Decision) -> engine.Decision:
    """Route a stored decision's facts again with the rule set version it used."""
    return engine.route(engine.Facts.from_dict(decision.facts), decision.rule_set.compiled())


# ---------------------------------------------------------------------------------------------- requests


@dataclass(frozen=True)
class Answers:
    """What a submitter tells the front door, from the web journey or the API."""

    organisation: Organisation
    others: list[Organisation]
    title: str
    description: str
    health_or_social_care: bool
    welsh_government_service: bool
    help_wanted: list[str]
    phase: str
    timescale: str
    contact_name: str
    contact_email: str
    contact_phone: str = ""


@transaction.atomic
def request_submit(*, user, answers: Answers, language: str) -> HelpRequest:
    """Save a request, route it with the rules in force, record the decision and tell the people involved."""
    facts = facts_build(
        organisation=answers.organisation,
        others=answers.others,
        health_or_social_care=answers.health_or_social_care,
        welsh_government_service=answers.welsh_government_service,
        help_wanted=answers.help_wanted,
    )
    decision, rule_set = route(facts)
    teams = {t.slug: t for t in LeadershipTeam.objects.filter(slug__in=[decision.lead, *decision.support])}
    request = HelpRequest.objects.create(
        submitted_by=user,
        organisation=answers.organisation,
        title=answers.title,
        description=answers.description,
        health_or_social_care=answers.health_or_social_care,
        welsh_government_service=answers.welsh_government_service,
        help_wanted=answers.help_wanted,
        phase=answers.phase,
        timescale=answers.timescale,
        contact_name=answers.contact_name,
        contact_email=answers.contact_email,
        contact_phone=answers.contact_phone,
        language=language,
        lead_team=teams[decision.lead],
    )
    request.reference = f"PORTH-{request.pk:06d}"
    request.save(update_fields=["reference"])
    request.other_organisations.set([o for o in answers.others if o.pk != answers.organisation.pk])
    request.supporting_teams.set([teams[slug] for slug in decision.support])
    Decision.objects.create(
        request=request,
        rule_set=rule_set,
        facts=facts.to_dict(),
        result=decision.to_dict(),
        lead_team=teams[decision.lead],
    )
    _event_record(request=request, kind=RequestEvent.Kind.SUBMITTED, author=user, status=request.status)
    return request


def _event_record(*, request: HelpRequest, kind: str, author, **fields) -> RequestEvent:
    event = RequestEvent.objects.create(request=request, kind=kind, author=author, **fields)
    # Tell people once the data is committed, so the background task sees it.
    transaction.on_commit(lambda: request_event_notify.enqueue(event.pk))
    return event


@transaction.atomic
def request_change_status(
    *, request: HelpRequest, user, team: LeadershipTeam, status: str, message: str = ""
):
    request.status = status
    request.status_changed_at = timezone.now()
    request.save(update_fields=["status", "status_changed_at"])
    return _event_record(
        request=request,
        kind=RequestEvent.Kind.STATUS,
        author=user,
        from_team=team,
        status=status,
        message=message,
    )


@transaction.atomic
def request_redirect(
    *, request: HelpRequest, user, from_team: LeadershipTeam, to_team: LeadershipTeam, reason: str
):
    """A team hands a request to another team: a new decision, made by a person, with their reason."""
    previous = request.decisions.first()
    result = {
        "lead": to_team.slug,
        "support": [],
        "fired": [],
        "reasons": [],
        "trace": [f"Redirected by {from_team.slug} to {to_team.slug}: {reason}"],
        "rule_set_version": None,
    }
    Decision.objects.create(
        request=request,
        rule_set=None,
        facts=previous.facts if previous else {},
        result=result,
        lead_team=to_team,
        redirected_by=user,
        redirect_reason=reason,
    )
    request.lead_team = to_team
    request.status = HelpRequest.Status.REDIRECTED
    request.status_changed_at = timezone.now()
    request.save(update_fields=["lead_team", "status", "status_changed_at"])
    request.supporting_teams.remove(to_team)
    return _event_record(
        request=request,
        kind=RequestEvent.Kind.REDIRECTED,
        author=user,
        from_team=from_team,
        status=request.status,
        message=reason,
    )


def request_add_message(*, request: HelpRequest, user, message: str, team: LeadershipTeam | None = None):
    with transaction.atomic():
        return _event_record(
            request=request, kind=RequestEvent.Kind.MESSAGE, author=user, from_team=team, message=message
        )


# ---------------------------------------------------------------------------------------------- rule sets


def rule_set_ensure_shipped() -> RuleSet | None:
    """Publish the shipped rule set as version 1 when no rule set exists yet (first run, tests)."""
    if RuleSet.objects.exists():
        return None
    data = json.loads(SHIPPED_RULE_SET.read_text(encoding="utf-8"))
    engine.compile_rule_set(data)
    return RuleSet.objects.create(
        version=1,
        status=RuleSet.Status.PUBLISHED,
        data=data,
        notes="The division of work described in 2021, as shipped with Porth.",
        effective_from=datetime.date(2021, 1, 1),
        published_at=timezone.now(),
    )


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


@dataclass(frozen=True)
class WhatIfChange:
    request: HelpRequest
    lead_before: str
    lead_after: str
    support_before: tuple[str, ...]
    support_after: tuple[str, ...]


@dataclass(frozen=True)
class WhatIf:
    total: int
    lead_changes: list[WhatIfChange]
    support_changes: int


def rule_set_what_if(*, rule_set: RuleSet) -> WhatIf:
    """Route every stored request with this rule set, as of today, and list whose lead would change."""
    compiled = rule_set.compiled()
    available = available_team_slugs()
    changes, support_changes, total = [], 0, 0
    latest = Decision.objects.filter(rule_set__isnull=False).order_by("request_id", "-created_at", "-id")
    seen = set()
    for decision in latest.select_related("request").iterator(chunk_size=2000):
        if decision.request_id in seen:
            continue
        seen.add(decision.request_id)
        total += 1
        facts = engine.Facts.from_dict({**decision.facts, "available_teams": sorted(available)})
        after = engine.route(facts, compiled)
        before_support = tuple(decision.result.get("support", []))
        if after.lead != decision.result["lead"]:
            changes.append(
                WhatIfChange(
                    decision.request, decision.result["lead"], after.lead, before_support, after.support
                )
            )
        elif after.support != before_support:
            support_changes += 1
    return WhatIf(total=total, lead_changes=changes, support_changes=support_changes)


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
