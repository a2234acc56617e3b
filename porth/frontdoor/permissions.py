"""Who may see and act on front-door records, decided in one place per object type."""

from dataclasses import dataclass

from django.http import Http404

from porth.accounts.permissions import WORK_FOR_ANY_TEAM, memberships
from porth.directory.models import LeadershipTeam

from .models import HelpRequest


@dataclass(frozen=True)
class RequestAccess:
    view: bool
    triage: bool  # change status, redirect, write as the lead team
    is_submitter: bool
    team: LeadershipTeam | None  # the viewer's team on this request: lead first, else a supporting one


def help_request_access(user, request: HelpRequest) -> RequestAccess:
    teams = memberships(user).teams
    is_submitter = user.is_authenticated and request.submitted_by_id == user.pk
    if request.lead_team_id in teams:
        team = request.lead_team
    else:
        team = next((t for t in request.supporting_teams.all() if t.pk in teams), None)
    any_team = user.is_authenticated and user.is_active and user.has_perm(WORK_FOR_ANY_TEAM)
    return RequestAccess(
        view=is_submitter or team is not None or any_team,
        triage=request.lead_team_id in teams or any_team,
        is_submitter=is_submitter,
        team=team,
    )


def help_request_get_for_user(user, reference: str, queryset=None) -> tuple[HelpRequest, RequestAccess]:
    """The request and what the user may do with it. Anyone who may not see it gets a 404, not a 403,
    so that references cannot be probed. `queryset` may add what a caller reads besides."""
    queryset = HelpRequest.objects.all() if queryset is None else queryset
    request = (
        queryset.select_related("organisation", "lead_team", "submitted_by")
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
