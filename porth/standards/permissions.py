"""Who may start, change, send, peer-review and see a self-review, decided in one place.

- The project's own people (those who may report updates on it) start, edit and send a review.
- A member of the project's lead team peer-reviews it once it has been sent.
- The project's people, the leadership teams involved and people who may see every project see it; nobody
  else does, and only those who see a review see its actions.
- The project's own people mark its actions done.

Good practice (case studies and reusable patterns):

- Anyone, signed in or not, reads the published ones.
- Members of a leadership team, and people given the permission to change case studies (in the admin), write,
  change and publish them, and see the unpublished ones: the teams are the ones who see good practice across
  Wales, and one rule (`may_publish_case_studies`) says so everywhere, on the pages, in the API and in the
  site search. Being staff (able to open the admin) is not enough on its own.
- Whom to contact about one is a working detail, as on a project: for people signed in from a Welsh public
  body (and publishers).
- The projects a case study came from are listed only as far as the reader may see them.
"""

from dataclasses import dataclass

from django.http import Http404

from porth.accounts.permissions import has_permission, memberships, sees_every_project, works_in_public_sector
from porth.portfolio.permissions import (
    changes_any_project,
    project_access,
    projects_involving,
    projects_visible_to,
)

from .models import CaseStudy, Review


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


def reviews_visible_to(user, queryset=None):
    """The reviews a user may see, as a filter on any review queryset: the list form of
    `review_access(...).view`. Of the projects they may see: the project's own people (owners, people of the
    owner and partner organisations), the leadership teams involved, and people who may see every project or
    change any project."""
    queryset = Review.objects.all() if queryset is None else queryset
    queryset = queryset.filter(project__in=projects_visible_to(user).values("pk"))
    if sees_every_project(user) or changes_any_project(user):
        return queryset
    return queryset.filter(project__in=projects_involving(user, memberships(user)).values("pk"))


# ------------------------------------------------------------------------------------------ good practice

CHANGE_CASE_STUDIES = "standards.change_casestudy"  # the admin's own permission for good practice


def may_publish_case_studies(user) -> bool:
    """Leadership-team members, and people given the permission to change case studies, write, change and
    publish good practice (and so see the unpublished)."""
    return bool(memberships(user).teams) or has_permission(user, CHANGE_CASE_STUDIES)


def case_studies_visible_to(user, queryset=None):
    """The case studies a user may see, as a filter on any case-study queryset."""
    queryset = CaseStudy.objects.all() if queryset is None else queryset
    return queryset if may_publish_case_studies(user) else queryset.filter(is_published=True)


@dataclass(frozen=True)
class CaseStudyAccess:
    change: bool
    contact: bool  # whom to ask about it


def case_study_get_for_user(user, slug: str) -> tuple[CaseStudy, CaseStudyAccess]:
    """The case study and what the user may do with it; a 404 for one they may not see."""
    case_study = case_studies_visible_to(user).filter(slug=slug).first()
    if case_study is None:
        raise Http404
    publisher = may_publish_case_studies(user)
    return case_study, CaseStudyAccess(change=publisher, contact=publisher or works_in_public_sector(user))


def case_study_projects(user, case_study: CaseStudy):
    """The projects a case study came from, as far as the reader may see them."""
    return projects_visible_to(user, case_study.projects.select_related("owner_organisation"))
