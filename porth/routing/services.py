"""Routing: the facts a piece of work is routed on, the rule set in force, and managing rule sets."""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from porth.directory.models import LeadershipTeam, Organisation

from . import engine
from .models import RuleSet

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Shipped:
    """A rule set that ships with Porth, published from a date by the reference-data load."""

    key: str
    file: str
    effective_from: datetime.date
    notes_en: str
    notes_cy: str


SHIPPED = tuple(
    Shipped(**{**row, "key": str(row["key"])})
    for row in yaml.safe_load((DATA_DIR / "shipped.yaml").read_text(encoding="utf-8"))
)


class NoRuleSetInForce(Exception):
    """No published rule set is in force: an administrator must publish one before requests can be routed."""


class NoTeamAvailable(Exception):
    """None of the rule set's teams can take new work (every one retired), so nobody can lead."""


class RuleSetNotPublishable(Exception):
    """A draft that may not be published as it is, with the reason (`kind`) and its details."""

    def __init__(self, kind: str, **params):
        super().__init__(kind)
        self.kind, self.params = kind, params


# ---------------------------------------------------------------------------------------------- facts


def available_team_slugs(day: datetime.date | None = None) -> frozenset[str]:
    day = day or timezone.localdate()
    return frozenset(LeadershipTeam.objects.active_on(day).values_list("slug", flat=True))


def _hosted_teams() -> dict[int, str]:
    return dict(
        LeadershipTeam.objects.filter(host_organisation__isnull=False).values_list(
            "host_organisation", "slug"
        )
    )


def _fact(organisation: Organisation, hosted: dict[int, str]) -> engine.Organisation:
    return engine.Organisation(
        code=organisation.code,
        kind=organisation.kind,
        sector=organisation.sector,
        team=hosted.get(organisation.pk, ""),
    )


@dataclass(frozen=True)
class WorkFacts:
    """What a person tells Porth about a piece of work, in Porth's terms, before routing turns it into facts.

    `owners` are the organisations whose work it is (the asker among them when it is its own work; none
    named means it is the asker's own); `helpers` are (organisation, role) pairs for bodies that only help.
    """

    asking: Organisation
    owners: list[Organisation] = field(default_factory=list)
    helpers: list[tuple[Organisation, str]] = field(default_factory=list)
    work_kind: str = ""
    health_or_social_care: bool = False
    welsh_government_service: bool = False
    help_wanted: list[str] = field(default_factory=list)


def facts_build(work: WorkFacts, available_teams: frozenset[str] | None = None) -> engine.Facts:
    """The engine's facts for a piece of work: each organisation with its kind, sector and hosted team."""
    hosted = _hosted_teams()
    owners = list({o.pk: o for o in work.owners}.values())
    return engine.Facts(
        asking=_fact(work.asking, hosted),
        owners=tuple(_fact(o, hosted) for o in owners),
        helpers=tuple(engine.Helper(_fact(o, hosted), role) for o, role in work.helpers),
        work_kind=work.work_kind,
        health_or_social_care=work.health_or_social_care,
        welsh_government_service=work.welsh_government_service,
        help_wanted=frozenset(work.help_wanted),
        available_teams=available_team_slugs() if available_teams is None else available_teams,
    )


# ---------------------------------------------------------------------------------------------- routing


def rule_set_in_force() -> RuleSet:
    rule_set = RuleSet.objects.in_force()
    if rule_set is None:
        raise NoRuleSetInForce()
    return rule_set


def route(facts: engine.Facts, rule_set: RuleSet | None = None) -> tuple[engine.Decision, RuleSet]:
    """Route with the rules in force (or the given version). Raises NoRuleSetInForce or NoTeamAvailable."""
    rule_set = rule_set or rule_set_in_force()
    try:
        return engine.route(facts, rule_set.compiled()), rule_set
    except engine.NoAvailableTeam as error:
        raise NoTeamAvailable() from error


def project_teams(*, owner: Organisation, partners: list[Organisation]) -> tuple[str, list[str]]:
    """The lead team and supporting teams the rules in force give a project of these owners: the owner
    organisation's own work, shared with its partner organisations."""
    decision, _rule_set = route(facts_build(WorkFacts(asking=owner, owners=[owner, *partners])))
    return decision.lead, list(decision.support)


# ---------------------------------------------------------------------------------------------- rule sets


def rule_sets_ensure_shipped() -> list[RuleSet]:
    """Publish each rule set shipped with Porth that is not there yet, from its date, through the normal
    publishing path; return those published now. Running it again publishes nothing."""
    published = []
    for shipped in SHIPPED:
        if shipped.key == "1" and not RuleSet.objects.filter(shipped_as="1").exists():
            RuleSet.objects.filter(version=1).update(shipped_as="1")  # made before versions were keyed
        if RuleSet.objects.filter(shipped_as=shipped.key).exists():
            _shipped_notes_complete(shipped)
            continue
        data = json.loads((DATA_DIR / shipped.file).read_text(encoding="utf-8"))
        draft = RuleSet.objects.create(version=_next_version(), data=data, shipped_as=shipped.key)
        draft.data = {**data, "version": str(draft.version)}
        draft.notes_en, draft.notes_cy = shipped.notes_en, shipped.notes_cy
        draft.save(update_fields=["data", "notes_en", "notes_cy"])
        published.append(
            rule_set_publish(
                rule_set=draft, user=None, effective_from=shipped.effective_from, check_date=False
            )
        )
    return published


def _shipped_notes_complete(shipped: Shipped) -> None:
    """A shipped version loaded before its notes were written in both languages gets the shipped Welsh (and
    English, if it has none), so /cy/ never shows English for it. Notes someone wrote stay as they are."""
    rule_set = RuleSet.objects.get(shipped_as=shipped.key)
    if not rule_set.notes_cy.strip():
        rule_set.notes_cy = shipped.notes_cy
        rule_set.notes_en = rule_set.notes_en.strip() or shipped.notes_en
        rule_set.save(update_fields=["notes_en", "notes_cy"])


def _next_version() -> int:
    return (RuleSet.objects.aggregate(Max("version"))["version__max"] or 0) + 1


@transaction.atomic
def rule_set_copy_to_draft(*, source: RuleSet, user) -> RuleSet:
    version = _next_version()
    data = {**source.data, "version": str(version)}
    return RuleSet.objects.create(version=version, data=data, based_on=source, created_by=user)


def rule_set_save_rules(
    *, rule_set: RuleSet, rules: list[dict], notes_en: str | None = None, notes_cy: str | None = None
) -> RuleSet:
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
    if notes_en is not None:
        rule_set.notes_en = notes_en
    if notes_cy is not None:
        rule_set.notes_cy = notes_cy
    rule_set.save(update_fields=["data", "notes_en", "notes_cy"])
    return rule_set


def _check_publishable(rule_set: RuleSet, effective_from: datetime.date, check_date: bool) -> None:
    if not rule_set.is_draft:
        raise RuleSetNotPublishable("not_draft")
    if not (rule_set.notes_en.strip() and rule_set.notes_cy.strip()):
        raise RuleSetNotPublishable("no_notes")
    source = rule_set.based_on
    if source is not None and (source.rules, source.data.get("teams")) == (
        rule_set.rules,
        rule_set.data["teams"],
    ):
        raise RuleSetNotPublishable("unchanged", version=source.version)
    if check_date and effective_from < timezone.localdate():
        raise RuleSetNotPublishable("in_the_past")
    later = RuleSet.objects.filter(status=RuleSet.Status.PUBLISHED, effective_from__gt=effective_from).first()
    if later is not None:
        raise RuleSetNotPublishable("already_scheduled", version=later.version, day=later.effective_from)


@transaction.atomic
def rule_set_publish(*, rule_set: RuleSet, user, effective_from: datetime.date, check_date: bool = True):
    """Publish a draft from a date. The version in force before it stays in force until the day before.

    Raises RuleSetNotPublishable when the draft has no note of what changed (in both languages), is an
    unchanged copy, starts in the past, or a published version already starts after that date."""
    _check_publishable(rule_set, effective_from, check_date)
    engine.compile_rule_set(rule_set.data)
    RuleSet.objects.filter(status=RuleSet.Status.PUBLISHED, effective_from__lte=effective_from).filter(
        retired_on__isnull=True
    ).update(retired_on=effective_from)
    rule_set.status = RuleSet.Status.PUBLISHED
    rule_set.effective_from = effective_from
    rule_set.published_by = user
    rule_set.published_at = timezone.now()
    rule_set.save()
    return rule_set


@transaction.atomic
def rule_set_withdraw(*, rule_set: RuleSet, user) -> RuleSet:
    """Withdraw a published version before its date: the version it would have replaced stays in force."""
    if rule_set.state != RuleSet.State.SCHEDULED:
        raise RuleSetNotPublishable("not_scheduled")
    RuleSet.objects.filter(status=RuleSet.Status.PUBLISHED, retired_on=rule_set.effective_from).update(
        retired_on=None
    )
    rule_set.status = RuleSet.Status.WITHDRAWN
    rule_set.save(update_fields=["status"])
    return rule_set
