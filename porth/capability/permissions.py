"""Who may see and do what in the specialist pool and the squads, decided in one place: one helper per object.

- A pool is managed by the members of the leadership team that runs it (and people with the permission to
  work for any team, accounts.permissions.team_work_allowed). Pool managers add and change specialists, record
  their leave, match and book, confirm and cancel bookings, decline requests, read utilisation, and record
  and change the pool's squad engagements.
- Anyone who may ask the front door for an organisation (its people, or a leadership team that serves it:
  accounts.permissions.asking_standing) may ask a pool for a specialist for it.
- A request is seen by the person who asked, the people of the organisation it is for, and the pool's
  managers. The person who asked and the organisation's administrators change it while it waits in the queue
  (change it only before anyone is booked or waiting for it) and withdraw it; they may also take up or let go
  an offer made to it when capacity frees.
- A specialist's profile (role, skills, Welsh, home) is seen by people signed in from a Welsh public body;
  their availability, leave and bookings by the pool's managers and by the specialists themselves.
- A booking is seen by the pool's managers, the specialist, and the organisation it is for.
- An engagement is public, or seen only by people signed in from a Welsh public body, as it says.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from porth.accounts.permissions import asking_standing, memberships, team_work_allowed, works_in_public_sector

from .models import Booking, Engagement, Pool, Specialist, SpecialistRequest, Visibility

# ------------------------------------------------------------------------------------------------------ pools


def pool_managed_by(user, pool: Pool) -> bool:
    """A pool's managers: the members of the team that runs it (team_work_allowed)."""
    return user.is_authenticated and team_work_allowed(user, pool.team)


def pools_managed_by(user) -> list[Pool]:
    if not user.is_authenticated:
        return []
    return [pool for pool in Pool.objects.select_related("team") if pool_managed_by(user, pool)]


def pool_get_for_manager(user, slug: str) -> Pool:
    """The pool, for one of its managers; 404 for a pool that does not exist, 403 (PermissionDenied) for
    someone who does not manage it."""
    pool = Pool.objects.select_related("team").filter(slug=slug).first()
    if pool is None:
        raise Http404
    if not pool_managed_by(user, pool):
        raise PermissionDenied
    return pool


# ------------------------------------------------------------------------------------------------ specialists


@dataclass(frozen=True)
class SpecialistAccess:
    view: bool
    manage: bool
    is_self: bool
    details: bool  # availability, leave and bookings


def specialist_access(user, specialist: Specialist) -> SpecialistAccess:
    manage = pool_managed_by(user, specialist.pool)
    is_self = user.is_authenticated and specialist.user_id == user.pk
    return SpecialistAccess(
        view=manage or is_self or works_in_public_sector(user),
        manage=manage,
        is_self=is_self,
        details=manage or is_self,
    )


def specialists_visible_to(user, queryset=None):
    queryset = Specialist.objects.all() if queryset is None else queryset
    if works_in_public_sector(user) or pools_managed_by(user):
        return queryset
    if user.is_authenticated:
        return queryset.filter(user=user)
    return queryset.none()


def specialist_get_for_user(user, pk: int) -> tuple[Specialist, SpecialistAccess]:
    specialist = (
        Specialist.objects.select_related("pool__team", "role", "home_team", "home_organisation", "user")
        .filter(pk=pk)
        .first()
    )
    if specialist is None:
        raise Http404
    access = specialist_access(user, specialist)
    if not access.view:
        raise Http404
    return specialist, access


# --------------------------------------------------------------------------------------------------- requests


def request_allowed_for(user, organisation) -> bool:
    """Whether someone may ask a pool for a specialist for this organisation (as at the front door)."""
    return user.is_authenticated and asking_standing(user, organisation) is not None


@dataclass(frozen=True)
class RequestAccess:
    view: bool
    change: bool  # change it, as the organisation asking, while it waits in the queue
    withdraw: bool  # withdraw it, as the organisation asking, until it is closed
    manage: bool  # match, book and decline, as the pool
    answer_offer: bool  # take up or let go an offer made to it


def specialist_request_access(user, request: SpecialistRequest) -> RequestAccess:
    mine = memberships(user)
    manage = pool_managed_by(user, request.pool)
    asker = user.is_authenticated and request.requested_by_id == user.pk
    for_org = request.organisation_id in mine.organisations
    org_admin = request.organisation_id in mine.admin_of
    open_ = not request.is_closed
    return RequestAccess(
        view=asker or for_org or manage,
        change=(asker or org_admin) and request.status == SpecialistRequest.Status.OPEN,
        withdraw=(asker or org_admin) and open_,
        manage=manage and open_,
        answer_offer=(asker or org_admin or manage) and request.status == SpecialistRequest.Status.OFFERED,
    )


def specialist_requests_visible_to(user, queryset=None):
    """The requests someone may see in lists: their own and their organisations'."""
    queryset = SpecialistRequest.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(Q(requested_by=user) | Q(organisation__in=memberships(user).organisations))


def specialist_request_get_for_user(user, reference: str) -> tuple[SpecialistRequest, RequestAccess]:
    """The request and what the user may do with it; a 404 for anyone who may not see it, so that references
    cannot be probed."""
    request = (
        SpecialistRequest.objects.select_related(
            "pool__team", "organisation", "role", "requested_by", "project__owner_organisation"
        )
        .prefetch_related("skills")
        .filter(reference=reference)
        .first()
    )
    if request is None:
        raise Http404
    access = specialist_request_access(user, request)
    if not access.view:
        raise Http404
    return request, access


# --------------------------------------------------------------------------------------------------- bookings


@dataclass(frozen=True)
class BookingAccess:
    view: bool
    manage: bool  # cancel, confirm
    answer_offer: bool


def booking_access(user, booking: Booking) -> BookingAccess:
    manage = pool_managed_by(user, booking.specialist.pool)
    is_specialist = user.is_authenticated and booking.specialist.user_id == user.pk
    mine = memberships(user)
    for_org = booking.organisation_id in mine.organisations
    offered = booking.status == Booking.Status.OFFERED
    asker = bool(booking.request) and user.is_authenticated and booking.request.requested_by_id == user.pk
    org_admin = booking.organisation_id in mine.admin_of
    return BookingAccess(
        view=manage or is_specialist or for_org,
        manage=manage and booking.is_active,
        answer_offer=offered and (manage or asker or org_admin),
    )


def booking_get_for_user(user, pk: int) -> tuple[Booking, BookingAccess]:
    booking = (
        Booking.objects.select_related(
            "specialist__pool__team", "specialist__role", "request", "organisation", "project", "engagement"
        )
        .filter(pk=pk)
        .first()
    )
    if booking is None:
        raise Http404
    access = booking_access(user, booking)
    if not access.view:
        raise Http404
    return booking, access


# ------------------------------------------------------------------------------------------------ engagements


@dataclass(frozen=True)
class EngagementAccess:
    view: bool
    change: bool


def engagement_access(user, engagement: Engagement) -> EngagementAccess:
    manage = pool_managed_by(user, engagement.pool)
    involved = bool({o.pk for o in engagement.organisations.all()} & memberships(user).organisations)
    view = engagement.visibility == Visibility.PUBLIC or works_in_public_sector(user) or manage or involved
    return EngagementAccess(view=view, change=manage)


def engagements_visible_to(user, queryset=None):
    queryset = Engagement.objects.all() if queryset is None else queryset
    if works_in_public_sector(user) or pools_managed_by(user):
        return queryset
    return queryset.filter(visibility=Visibility.PUBLIC)


def engagement_get_for_user(user, pk: int) -> tuple[Engagement, EngagementAccess]:
    engagement = (
        Engagement.objects.select_related("pool__team")
        .prefetch_related("organisations")
        .filter(pk=pk)
        .first()
    )
    if engagement is None:
        raise Http404
    access = engagement_access(user, engagement)
    if not access.view:
        raise Http404
    return engagement, access
