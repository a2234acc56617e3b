"""Writes for the portfolio: projects, updates, follows, working together, hand-overs, digests and nudges."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from porth.accounts.models import User
from porth.core.phases import Phase
from porth.directory.models import Organisation

from .models import CollaborationRequest, DigestSent, Follow, Project, ProjectUpdate, Tag
from .notifications import ANSWERED, ASKED
from .search import project_search_columns, projects_search_refresh
from .tasks import collaboration_notify, digest_send, stale_nudge_send

M2M_FIELDS = ("partner_organisations", "supporting_teams", "programme_items", "wellbeing_goals", "services")


def tags_from_text(text: str) -> list[Tag]:
    """'booking, Waste ' -> the Tag rows for 'booking' and 'waste', made if new."""
    tags = []
    for name in dict.fromkeys(part.strip() for part in text.split(",")):
        slug = slugify(name, allow_unicode=True)[:60]
        if slug:
            tag, _ = Tag.objects.get_or_create(slug=slug, defaults={"name": name[:60]})
            tags.append(tag)
    return tags


def project_problems(project: Project, related: dict) -> dict[str, str]:
    """The rules a project's details must keep, whoever saves them (the form shows these messages at its
    fields; a caller of the service gets them in a ValidationError)."""
    problems = {}
    if not (project.title_en or project.title_cy):
        problems["title_en"] = _("Enter a title in English or in Welsh")
    if not (project.summary_en or project.summary_cy):
        problems["summary_en"] = _("Enter a summary in English or in Welsh")
    start, end = project.started_on, project.expected_end_on
    if start and end and end < start:
        problems["expected_end_on"] = _("The expected end date must be after the start date")
    partners = related.get("partner_organisations")
    if partners is None and project.pk:
        partners = list(project.partner_organisations.all())
    if project.owner_organisation_id and any(p.pk == project.owner_organisation_id for p in partners or []):
        problems["partner_organisations"] = _("The owner organisation cannot also be a partner")
    return problems


def _save(project: Project, user, fields: dict, related: dict, tags_text: str | None) -> Project:
    for name, value in fields.items():
        setattr(project, name, value)
    problems = project_problems(project, related)
    if problems:
        raise ValidationError(problems)
    tags = tags_from_text(tags_text) if tags_text is not None else None
    # The search columns need the partners and tags the project is about to have: computed first, so that
    # one save writes everything.
    columns = project_search_columns(project, partners=related.get("partner_organisations"), tags=tags)
    for name, value in columns.items():
        setattr(project, name, value)
    project._history_user = user
    project.save()
    for name in M2M_FIELDS:
        if name in related:
            getattr(project, name).set(related[name])
    if tags is not None:
        project.tags.set(tags)
    return project


@transaction.atomic
def project_create(
    *, user: User, fields: dict, related: dict, tags_text: str = "", owners: list[User] | None = None
) -> Project:
    """Add a project; whoever adds it owns it unless other owners are named."""
    project = _save(Project(), user, fields, related, tags_text)
    project.owners.add(*(owners or [user]))
    return project


@transaction.atomic
def project_update(
    *, project: Project, user: User, fields: dict, related: dict, tags_text: str | None
) -> Project:
    return _save(project, user, fields, related, tags_text)


@transaction.atomic
def project_report(
    *,
    project: Project,
    user: User,
    status: str,
    status_reason: str,
    what_happened: str,
    whats_next: str,
    language: str,
    phase: str = "",
) -> ProjectUpdate:
    """Report once: the update becomes the project's status (and its phase, when one is given) and feeds the
    page, the feeds and the digests. The project's save records the change in its history."""
    if phase and phase not in Phase.values:
        raise ValidationError({"phase": _("Choose from the list")})
    update = ProjectUpdate.objects.create(
        project=project,
        author=user,
        status=status,
        status_reason=status_reason,
        what_happened=what_happened,
        whats_next=whats_next,
        language=language,
    )
    project.status, project.status_reason = status, status_reason
    project.phase = phase or project.phase
    project.last_update_at = update.created_at
    project.nudged_at = None
    project._history_user = user
    project.save(
        update_fields=["status", "status_reason", "phase", "last_update_at", "nudged_at", "updated_at"]
    )
    return update


@transaction.atomic
def project_hand_over(*, project: Project, user: User, to: User, keep_me: bool) -> Project:
    project.owners.add(to)
    if not keep_me:
        project.owners.remove(user)
    return project


def follow_toggle(*, user: User, project=None, organisation=None, team=None) -> bool:
    """Follow if not following, stop if following. Returns True when now following."""
    target = {"project": project, "organisation": organisation, "team": team}
    lookup = {key: value for key, value in target.items() if value is not None}
    deleted, _ = Follow.objects.filter(user=user, **lookup).delete()
    if deleted:
        return False
    Follow.objects.create(user=user, **lookup)
    return True


# ---------------------------------------------------------------------------------------------- together


@transaction.atomic
def collaboration_ask(*, project: Project, user: User, organisation: Organisation, kind: str, message: str):
    ask = CollaborationRequest.objects.create(
        project=project, requester=user, organisation=organisation, kind=kind, message=message
    )
    transaction.on_commit(lambda: collaboration_notify.enqueue(ask.pk, ASKED))
    return ask


@transaction.atomic
def collaboration_decide(*, ask: CollaborationRequest, user: User, accept: bool, reply: str):
    ask.state = CollaborationRequest.State.ACCEPTED if accept else CollaborationRequest.State.DECLINED
    ask.reply, ask.decided_by, ask.decided_at = reply, user, timezone.now()
    ask.save()
    if accept and ask.kind == CollaborationRequest.Kind.PARTNER:
        ask.project.partner_organisations.add(ask.organisation)
        projects_search_refresh(ids=[ask.project_id])  # the partner's names are searched too
    transaction.on_commit(lambda: collaboration_notify.enqueue(ask.pk, ANSWERED))
    return ask


# ------------------------------------------------------------------------------------------- digests, nudges


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


@dataclass(frozen=True)
class NudgeRun:
    projects: int


def stale_projects_nudge(*, now: datetime.datetime | None = None) -> NudgeRun:
    """Queue a reminder for each stale project whose owners have not been reminded since it went stale,
    or not for 30 days. Safe to run as often as you like."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=30)
    due = Project.objects.stale(now).filter(Q(nudged_at__isnull=True) | Q(nudged_at__lt=since))
    with transaction.atomic():
        ids = list(due.values_list("pk", flat=True))
        Project.objects.filter(pk__in=ids).update(nudged_at=now)
        for pk in ids:
            transaction.on_commit(lambda pk=pk: stale_nudge_send.enqueue(pk))
    return NudgeRun(projects=len(ids))


def digests_queue(*, today: datetime.date | None = None) -> int:
    """Queue last week's digest for everyone who follows something and has not had it yet.
    Safe to run as often as you like: each person gets one digest a week."""
    week = week_start(today or timezone.localdate())
    followers = Follow.objects.values_list("user_id", flat=True).distinct()
    already = DigestSent.objects.filter(week_starting=week).values_list("user_id", flat=True)
    queued = 0
    with transaction.atomic():
        for user_id in followers.exclude(user_id__in=already):
            DigestSent.objects.create(user_id=user_id, week_starting=week)
            transaction.on_commit(lambda user_id=user_id: digest_send.enqueue(user_id, week.isoformat()))
            queued += 1
    return queued
