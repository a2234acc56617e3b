"""Who may see and act on front-door records, decided in one place per object type."""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from porth.accounts.permissions import memberships, team_work_allowed, works_for_any_team
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
    triage = team_work_allowed(user, request.lead_team)
    return RequestAccess(
        view=is_submitter or team is not None or triage,
        triage=triage,
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


def help_requests_visible_to(user, queryset=None):
    """The requests a user may see, as a filter on any request queryset: the list form of
    `help_request_access(...).view` (those they sent, those their teams lead or support, and every request
    for people who may work for any team)."""
    queryset = HelpRequest.objects.all() if queryset is None else queryset
    if works_for_any_team(user):
        return queryset
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    teams = memberships(user).teams
    supported = HelpRequest.supporting_teams.through.objects.filter(leadershipteam__in=teams)
    return queryset.filter(
        Q(submitted_by=user) | Q(lead_team__in=teams) | Q(pk__in=supported.values("helprequest_id"))
    )
