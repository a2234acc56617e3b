"""Your work: what is waiting for a signed-in person, gathered from each app in one page.

It sits in porth.site because it reads every app (the front door's queues, the portfolio, reviews, training,
specialists) and only the top floors may. Each section is one query, whatever its length, and every list of
projects' work is limited to the projects the person may see, through the portfolio's one helper."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from porth.accounts.permissions import memberships
from porth.capability.capacity import week_of
from porth.capability.models import Booking as SpecialistBooking
from porth.directory.models import LeadershipTeam
from porth.frontdoor.models import HelpRequest
from porth.frontdoor.permissions import help_requests_visible_to
from porth.portfolio.models import Project
from porth.portfolio.permissions import projects_visible_to
from porth.skills.models import BookingState
from porth.skills.permissions import bookings_of
from porth.standards.models import Action, Review
from porth.standards.permissions import reviews_visible_to

# Waiting for the team: new, asked for more information, or accepted and not yet closed or redirected.
OPEN_REQUESTS = [
    HelpRequest.Status.NEW,
    HelpRequest.Status.NEEDS_INFORMATION,
    HelpRequest.Status.ACCEPTED,
]
SHOWN = 20


@dataclass
class YourWork:
    teams: list
    requests: list
    actions: list
    stale: list
    peer_reviews: list
    self_reviews: list
    training: list
    specialist_bookings: list


def work_for(user, now: datetime.datetime | None = None) -> YourWork:
    now = now or timezone.now()
    team_ids = memberships(user).teams
    visible = projects_visible_to(user).values("pk")
    mine = Project.objects.filter(owners=user).filter(pk__in=visible)
    open_requests = Q(led_requests__status__in=OPEN_REQUESTS)
    return YourWork(
        teams=list(
            LeadershipTeam.objects.filter(pk__in=team_ids).annotate(
                open=Count("led_requests", filter=open_requests)
            )
        ),
        requests=list(
            help_requests_visible_to(user)
            .filter(lead_team__in=team_ids, status__in=OPEN_REQUESTS)
            .select_related("organisation", "lead_team")
            .order_by("created_at", "pk")[:SHOWN]
        ),
        actions=list(
            Action.objects.open()
            .filter(answer__review__project__in=mine.values("pk"))
            .select_related("answer__review__project", "answer__standard")[:SHOWN]
        ),
        stale=list(mine.stale(now).select_related("owner_organisation").order_by("last_update_at")[:SHOWN]),
        peer_reviews=list(
            reviews_visible_to(user)
            .filter(state=Review.State.SUBMITTED, project__lead_team__in=team_ids)
            .select_related("project", "framework")[:SHOWN]
        ),
        self_reviews=list(
            reviews_visible_to(user)
            .filter(state=Review.State.DRAFT, project__in=mine.values("pk"))
            .select_related("project", "framework")[:SHOWN]
        ),
        training=list(
            bookings_of(user)
            .filter(
                session__starts_at__gt=now,
                state__in=[BookingState.BOOKED, BookingState.OFFERED, BookingState.WAITING],
            )
            .select_related("session__course")
            .order_by("session__starts_at", "pk")[:SHOWN]
        ),
        specialist_bookings=list(
            SpecialistBooking.objects.active()
            .filter(specialist__user=user, last_week__gte=week_of(timezone.localdate(now)))
            .select_related("organisation")
            .order_by("first_week", "pk")[:SHOWN]
        ),
    )
