"""Who may start, change, send, peer-review and see a self-review, decided in one place.

- The project's own people (those who may report updates on it) start, edit and send a review.
- A member of the project's lead team peer-reviews it once it has been sent.
- The project's people, the leadership teams involved and site staff see it; nobody else does.
"""

from dataclasses import dataclass

from django.http import Http404

from porth.portfolio.permissions import memberships, project_access

from .models import Review


@dataclass(frozen=True)
class ReviewAccess:
    view: bool
    edit: bool
    peer_review: bool


def review_access(user, review: Review) -> ReviewAccess:
    project = review.project
    access = project_access(user, project)
    teams = memberships(user).teams
    team_ids = {t.pk for t in project.supporting_teams.all()} | {project.lead_team_id}
    in_lead_team = project.lead_team_id in teams
    staff = user.is_authenticated and user.is_active and user.is_staff
    return ReviewAccess(
        view=access.view and (access.report or access.change or bool(team_ids & teams) or staff),
        edit=access.report and review.state == Review.State.DRAFT,
        peer_review=in_lead_team and review.state == Review.State.SUBMITTED,
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
