"""Writes for the front door: submitting and routing requests, triage, and what a rule set would change."""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from porth.accounts.permissions import asking_standing
from porth.core.text import hidden_characters_problem
from porth.directory.models import LeadershipTeam, Organisation
from porth.portfolio.models import Project, Visibility
from porth.portfolio.services import project_create
from porth.routing import engine
from porth.routing.models import RuleSet
from porth.routing.services import WorkFacts, available_team_slugs, facts_build, route

from .models import Decision, HelpRequest, RequestEvent
from .tasks import request_event_notify

# ---------------------------------------------------------------------------------------------- requests

OWNER = "owner"  # an other organisation's role when the work is theirs too


# The rules a request's words keep, whoever sends it: the journey's forms show these messages at their fields,
# and the API answers 422 with them (request_submit checks them again for both).
PHONE = re.compile(r"^\+?[0-9 ()-]{7,20}$")


def description_problem(text: str) -> str | None:
    if len(text.split()) < 3:
        return _("Tell us a little more: describe the problem in a sentence or two")
    return None


def phone_problem(phone: str) -> str | None:
    if phone and not PHONE.match(phone):
        return _("Enter a telephone number, like 029 2000 0000 or +44 29 2000 0000")
    return None


class RequestInvalid(Exception):
    """Answers that break the rules above; `problems` maps each answer's name to its message."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(problems)
        self.problems = problems


def request_problems(answers: "Answers") -> dict[str, str]:
    problems = {
        "title": hidden_characters_problem(answers.title),
        "description": description_problem(answers.description),
        "contact_phone": phone_problem(answers.contact_phone.strip()),
    }
    return {name: message for name, message in problems.items() if message}


class AskingNotAllowed(Exception):
    """The person may not ask for this organisation: they are not one of its people, and no leadership team
    they belong to serves it."""


# E-mails about a request go to the contact address the person typed. So that the front door cannot be used
# to flood somebody's inbox, an address other than the sender's own may be named on a few requests a day, and
# one person may send a bounded number a day. Both are settings (PORTH_REQUESTS_PER_DAY_*).


class TooManyRequests(Exception):
    """Over one of the daily limits above; `reason` is "contact" or "account"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def message(self) -> str:
        if self.reason == "contact":
            return _(
                "Porth has sent requests naming this contact email address %(count)s times today. So that "
                "nobody's inbox can be flooded, give your own address, or try again tomorrow."
            ) % {"count": settings.PORTH_REQUESTS_PER_DAY_PER_CONTACT}
        return _(
            "You have sent %(count)s requests today, the most one person can send in a day. Your answers are "
            "kept: send this one tomorrow, or ask the Porth team if you need to send more."
        ) % {"count": settings.PORTH_REQUESTS_PER_DAY_PER_ACCOUNT}


def _within_daily_limits(user, contact_email: str) -> None:
    since = timezone.now() - datetime.timedelta(days=1)
    recent = HelpRequest.objects.filter(created_at__gte=since)
    if recent.filter(submitted_by=user).count() >= settings.PORTH_REQUESTS_PER_DAY_PER_ACCOUNT:
        raise TooManyRequests("account")
    own = contact_email.strip().lower() == user.email.lower()
    named = recent.filter(contact_email__iexact=contact_email.strip())
    if not own and named.count() >= settings.PORTH_REQUESTS_PER_DAY_PER_CONTACT:
        raise TooManyRequests("contact")


class NoOwner(Exception):
    """The work is said not to be the asking organisation's own, but no other organisation owns it."""


@dataclass(frozen=True)
class Answers:
    """What a submitter tells the front door, from the web journey or the API.

    `roles` says how each of `others` is involved: "owner" when it is their work too, otherwise how they
    help (deliver, convene, fund, advise); an organisation with no role given is an owner. `asker_owns` says
    whether it is the asking organisation's own work."""

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
    roles: dict[str, str] = field(default_factory=dict)
    asker_owns: bool = True
    work_kind: str = ""
    asked_team: LeadershipTeam | None = None  # chosen on the team's page; noted, not used by the rules

    def work(self) -> WorkFacts:
        """The facts routing needs: the owners (the asker's own work, and others whose work it is too) kept
        apart from the organisations that only help."""
        others = [o for o in self.others if o.pk != self.organisation.pk]
        owners = [o for o in others if self.roles.get(o.code, OWNER) == OWNER]
        if self.asker_owns:
            owners.insert(0, self.organisation)
        if not owners:
            raise NoOwner()
        return WorkFacts(
            asking=self.organisation,
            owners=owners,
            helpers=[(o, self.roles[o.code]) for o in others if self.roles.get(o.code, OWNER) != OWNER],
            work_kind=self.work_kind,
            health_or_social_care=self.health_or_social_care,
            welsh_government_service=self.welsh_government_service,
            help_wanted=self.help_wanted,
        )


def route_answers(answers: Answers) -> tuple[engine.Facts, engine.Decision, RuleSet]:
    """Route what someone has told the front door, saving nothing (the journey's answer before sending, the
    API's /route). Raises NoOwner, NoRuleSetInForce or NoTeamAvailable."""
    facts = facts_build(answers.work())
    decision, rule_set = route(facts)
    return facts, decision, rule_set


@transaction.atomic
def request_submit(*, user, answers: Answers, language: str) -> HelpRequest:
    """Save a request, route it with the rules in force, record the decision and tell the people involved.

    The person must be one of the asking organisation's people, or in a leadership team that serves it
    (then the request records that they act for it); otherwise AskingNotAllowed."""
    problems = request_problems(answers)
    if problems:
        raise RequestInvalid(problems)
    standing = asking_standing(user, answers.organisation)
    if standing is None:
        raise AskingNotAllowed()
    _within_daily_limits(user, answers.contact_email)
    facts, decision, rule_set = route_answers(answers)
    teams = {t.slug: t for t in LeadershipTeam.objects.filter(slug__in=[decision.lead, *decision.support])}
    others = [o for o in answers.others if o.pk != answers.organisation.pk]
    request = HelpRequest.objects.create(
        submitted_by=user,
        organisation=answers.organisation,
        acting_for_team=standing.team,
        asked_team=answers.asked_team,
        title=answers.title,
        description=answers.description,
        health_or_social_care=answers.health_or_social_care,
        welsh_government_service=answers.welsh_government_service,
        help_wanted=answers.help_wanted,
        work_kind=answers.work_kind,
        asker_owns=answers.asker_owns,
        organisation_roles={o.code: answers.roles.get(o.code, OWNER) for o in others},
        phase=answers.phase,
        timescale=answers.timescale,
        contact_name=answers.contact_name,
        contact_email=answers.contact_email,
        contact_phone=answers.contact_phone,
        language=language,
        lead_team=teams[decision.lead],
        could_go_either_way=bool(decision.overlap),
    )
    request.reference = f"PORTH-{request.pk:06d}"
    request.save(update_fields=["reference"])
    request.other_organisations.set(others)
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
) -> RequestEvent | None:
    """Change the status and tell the person who asked. Saving the status it already has, with no message,
    records and sends nothing (returns None)."""
    if status == request.status and not message:
        return None
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
    *,
    request: HelpRequest,
    user,
    from_team: LeadershipTeam,
    to_team: LeadershipTeam,
    reason: str,
    keep_supporting: bool = True,
):
    """A team hands a request to another team: a new decision, made by a person, with their reason. It
    arrives in the new team's queue as new; the team passing it on keeps supporting unless it says not."""
    previous = request.decisions.first()
    support = [t.slug for t in request.supporting_teams.all() if t.pk != to_team.pk]
    if keep_supporting and from_team.slug not in support:
        support.append(from_team.slug)
    elif not keep_supporting and from_team.slug in support:
        support.remove(from_team.slug)
    result = {
        "lead": to_team.slug,
        "support": support,
        "fired": [],
        "reasons": [],
        "overlap": [],
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
    request.status = HelpRequest.Status.NEW
    request.status_changed_at = timezone.now()
    request.could_go_either_way = False
    request.save(update_fields=["lead_team", "status", "status_changed_at", "could_go_either_way"])
    request.supporting_teams.set(LeadershipTeam.objects.filter(slug__in=support))
    return _event_record(
        request=request,
        kind=RequestEvent.Kind.REDIRECTED,
        author=user,
        from_team=from_team,
        status=request.status,
        message=reason,
    )


@transaction.atomic
def request_keep(*, request: HelpRequest, user, team: LeadershipTeam) -> RequestEvent | None:
    """The lead team says it keeps a request that could have gone to another team."""
    if not request.could_go_either_way:
        return None
    request.could_go_either_way = False
    request.save(update_fields=["could_go_either_way"])
    event = RequestEvent.objects.create(
        request=request, kind=RequestEvent.Kind.KEPT, author=user, from_team=team
    )
    return event


def request_add_message(*, request: HelpRequest, user, message: str, team: LeadershipTeam | None = None):
    with transaction.atomic():
        return _event_record(
            request=request, kind=RequestEvent.Kind.MESSAGE, author=user, from_team=team, message=message
        )


@transaction.atomic
def request_make_project(*, help_request: HelpRequest, user) -> Project:
    """Turn an accepted request into a portfolio project in one step, keeping the link between them.
    The person who asked owns the project; its lead and supporting teams are the request's."""
    language = help_request.language
    fields = {
        f"title_{language}": help_request.title,
        f"summary_{language}": help_request.description,
        "owner_organisation": help_request.organisation,
        "phase": help_request.phase,
        "lead_team": help_request.lead_team,
        "visibility": Visibility.PUBLIC_SECTOR,
        "contacts": [{"name": help_request.contact_name, "role": "", "email": help_request.contact_email}],
    }
    related = {
        "partner_organisations": list(help_request.other_organisations.all()),
        "supporting_teams": list(help_request.supporting_teams.all()),
    }
    project = project_create(user=user, fields=fields, related=related, owners=[help_request.submitted_by])
    help_request.project = project
    help_request.save(update_fields=["project"])
    return project


# ---------------------------------------------------------------------------------------------- what-if


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
