"""Who may start, change, send, peer-review and see a self-review, decided in one place.

- The project's own people (those who may report updates on it) start, edit and send a review.
- A member of the project's lead team peer-reviews it once it has been sent.
- The project's people, the leadership teams involved and people who may see every project see it; nobody
  else does, and only those who see a review see its actions.
- The project's own people mark its actions done.
"""

from dataclasses import dataclass

from django.http import Http404

from porth.accounts.permissions import memberships, sees_every_project
from porth.portfolio.permissions import project_access

from .models import Review


@dataclass(frozen=True)
class ReviewAccess:
    view: bool
    edit: bool
    peer_review: bool
    act: bool  # mark the review's actions done: the project's own people


def review_access(user, review: Review) -> ReviewAccess:
    project = review.project
    access = project_access(user, project)
    teams = memberships(user).teams
    team_ids = {t.pk for t in project.supporting_teams.all()} | {project.lead_team_id}
    in_lead_team = project.lead_team_id in teams
    return ReviewAccess(
        view=access.view
        and (access.report or access.change or bool(team_ids & teams) or sees_every_project(user)),
        edit=access.report and review.state == Review.State.DRAFT,
        peer_review=in_lead_team and review.state == Review.State.SUBMITTED,
        act=access.report,
    )


def review_get_for_user(user, pk: int) -> tuple[Review, ReviewAccess]:
    review = (
        Review.objects.select_related("project__lead_team", "project__owner_organisation", "framework")
        .filter(pk=pk)
        .first()
    )
    if review is None:
        raise Http404
    access = review_access(user, review)
    if not access.view:
        raise Http404
    return review, access
