"""Who may see and act on front-door records, decided in one place per object type."""

from dataclasses import dataclass

from django.http import Http404

from porth.accounts.models import TeamMembership
from porth.directory.models import LeadershipTeam

from .models import HelpRequest


@dataclass(frozen=True)
class RequestAccess:
    view: bool
    triage: bool  # change status, redirect, write as the lead team
    is_submitter: bool
    team: LeadershipTeam | None  # the viewer's team on this request: lead first, else a supporting one


def _team_slugs(user) -> set[str]:
    if not user.is_authenticated or not user.is_active:
        return set()
    return set(TeamMembership.objects.filter(user=user).values_list("team__slug", flat=True))


def help_request_access(user, request: HelpRequest) -> RequestAccess:
    slugs = _team_slugs(user)
    is_submitter = user.is_authenticated and request.submitted_by_id == user.pk
    if request.lead_team.slug in slugs:
        team = request.lead_team
    else:
        team = next((t for t in request.supporting_teams.all() if t.slug in slugs), None)
    is_staff = user.is_authenticated and user.is_active and user.is_staff
    return RequestAccess(
        view=is_submitter or team is not None or is_staff,
        triage=request.lead_team.slug in slugs or (is_staff and user.is_superuser),
        is_submitter=is_submitter,
        team=team,
    )


def help_request_get_for_user(user, reference: str) -> tuple[HelpRequest, RequestAccess]:
    """The request and what the user may do with it. Anyone who may not see it gets a 404, not a 403,
    so that references cannot be probed."""
    request = (
        HelpRequest.objects.select_related("organisation", "lead_team", "submitted_by")
        .prefetch_related("supporting_teams", "other_organisations")
        .filter(reference=reference)
        .first()
    )
    if request is None:
        raise Http404
    access = help_request_access(user, request)
    if not access.view:
        raise Http404
    return request, access


def team_queue_allowed(user, team: LeadershipTeam) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or team.slug in _team_slugs(user)
