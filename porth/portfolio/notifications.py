"""E-mails about projects: requests to work together, reminders for stale projects, and weekly digests."""

import datetime

from django.db.models import Q
from django.utils import timezone

from porth.accounts.models import User
from porth.accounts.permissions import organisation_administrators
from porth.core.mail import absolute_url, message_render, messages_send

from .models import STALE_AFTER, CollaborationRequest, Follow, Project, ProjectUpdate
from .permissions import projects_visible_to

ASKED, ANSWERED = "asked", "answered"


def collaboration_send(*, ask_id: int, event: str) -> int:
    """A new request (`event` "asked") goes to the project's owners; an answer ("answered") to the person who
    asked. The event is the one that happened, not the request's state when the task runs: an owner who
    answers before the worker has sent the first e-mail must not stop the owners hearing of the ask, nor make
    the asker hear of the answer twice."""
    ask = CollaborationRequest.objects.select_related(
        "project", "requester", "organisation", "decided_by"
    ).get(pk=ask_id)
    if event == ASKED:
        # The owners decide; when none of them is still active (they have left), the owning organisation's
        # administrators, who may decide too: otherwise the ask would wait where nobody sees it.
        readers = [u for u in ask.project.owners.all() if u.is_active] or list(
            organisation_administrators(ask.project.owner_organisation_id)
        )
        template = "portfolio/email/collaboration_asked"
    else:
        readers = [ask.requester]
        template = "portfolio/email/collaboration_answered"
    return messages_send(
        [
            message_render(
                template=template,
                to=user.email,
                language=user.preferred_language,
                context={
                    "ask": ask,
                    "project": ask.project,
                    "url": absolute_url(ask.project.get_absolute_url(), user.preferred_language),
                },
            )
            for user in readers
        ]
    )


def stale_nudge(*, project_id: int) -> int:
    project = Project.objects.get(pk=project_id)
    days = STALE_AFTER.days
    return messages_send(
        [
            message_render(
                template="portfolio/email/stale_nudge",
                to=user.email,
                language=user.preferred_language,
                context={
                    "project": project,
                    "days": days,
                    "url": absolute_url(f"{project.get_absolute_url()}update/", user.preferred_language),
                },
            )
            for user in project.owners.filter(is_active=True)
        ]
    )


def digest_updates(user: User, week_starting: datetime.date):
    """The updates of the week before `week_starting` on what the user follows and may see."""
    follows = Follow.objects.filter(user=user)
    projects = Project.objects.filter(
        Q(pk__in=follows.values("project_id"))
        | Q(owner_organisation__in=follows.values("organisation_id"))
        | Q(partner_organisations__in=follows.values("organisation_id"))
        | Q(lead_team__in=follows.values("team_id"))
        | Q(supporting_teams__in=follows.values("team_id"))
    )
    visible = projects_visible_to(user, Project.objects.filter(pk__in=projects.values("pk")))
    end = timezone.make_aware(datetime.datetime.combine(week_starting, datetime.time()))
    start = end - datetime.timedelta(days=7)
    return (
        ProjectUpdate.objects.filter(
            project__in=visible.values("pk"), created_at__gte=start, created_at__lt=end
        )
        .select_related("project")
        .order_by("project_id", "-created_at")
    )


def digest(*, user_id: int, week_starting: str) -> int:
    user = User.objects.get(pk=user_id)
    week = datetime.date.fromisoformat(week_starting)
    updates = list(digest_updates(user, week))
    if not updates or not user.is_active:
        return 0
    items = [
        {"update": u, "url": absolute_url(u.project.get_absolute_url(), user.preferred_language)}
        for u in updates
    ]
    return messages_send(
        [
            message_render(
                template="portfolio/email/digest",
                to=user.email,
                language=user.preferred_language,
                context={
                    "items": items,
                    "week": week,
                    "user": user,
                    "following_url": absolute_url("/following/", user.preferred_language),
                },
            )
        ]
    )
