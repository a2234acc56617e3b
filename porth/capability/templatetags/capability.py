"""The pool's parts of other apps' pages (a project's, an organisation's and a team's squad engagements; the
front door's offer to ask the pool for a specialist), so that those pages show them without importing the
pool; and the wording of days, used on the pool's own pages and e-mails."""

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from porth.accounts.permissions import memberships, organisations_to_ask_for

from ..models import Engagement, SpecialistRequest
from ..permissions import (
    engagements_visible_to,
    pool_managed_by,
    pools_managed_by,
    request_allowed_for,
    specialist_requests_visible_to,
)

register = template.Library()

SPECIALISTS = "specialists"  # the front door's code for "Specialist people" (porth.routing.models.Help)
SHOWN = 10


def _number(value) -> tuple[str, int]:
    """A number of days as people write it ("2", "2.5", in the active language's style), and the whole
    number a plural form is chosen by (a half day reads as the 'other' form)."""
    days = Decimal(value)
    text = formats.number_format(days.normalize(), use_l10n=True)
    return text, int(days) if days == days.to_integral_value() else 100


@register.simple_tag
def days_a_week(value) -> str:
    """'1 day a week', '2.5 days a week'."""
    text, n = _number(value)
    return ngettext("%(days)s day a week", "%(days)s days a week", n) % {"days": text}


@register.filter
def days(value) -> str:
    """'1 day', '2.5 days'."""
    text, n = _number(value)
    return ngettext("%(days)s day", "%(days)s days", n) % {"days": text}


@register.filter
def share(cell) -> str:
    """A utilisation cell: days booked of days available, with the share booked; or days booked alone.
    (A filter, not an include: a page of utilisation has hundreds of cells.)"""
    booked = _number(cell.booked)[0]
    if cell.available is None:
        return booked
    text = _("%(booked)s of %(available)s") % {"booked": booked, "available": _number(cell.available)[0]}
    if cell.percent is None:
        return text
    return format_html('{}<br><span class="govuk-body-s">{}%</span>', text, cell.percent)


def _engagements(user, queryset):
    return list(engagements_visible_to(user, queryset).select_related("pool").distinct()[:SHOWN])


@register.inclusion_tag("capability/includes/project_engagements.html", takes_context=True)
def project_engagements(context, project, access=None):
    """The project page's squad engagements; for its people, a way to ask the pool for someone; for pool
    managers, a way to record an engagement. (One query for most readers: the page is busy enough.)"""
    user = context["request"].user
    engagements = _engagements(user, Engagement.objects.filter(projects=project))
    # Only people in a leadership team can manage a pool, so only they cost a look at the pools.
    can_record = bool(memberships(user).teams) and bool(pools_managed_by(user))
    project_people = access is not None and (access.report or access.change)
    return {
        "project": project,
        "engagements": engagements,
        "can_record": can_record,
        "can_ask": project_people and request_allowed_for(user, project.owner_organisation),
    }


@register.inclusion_tag("capability/includes/organisation_engagements.html", takes_context=True)
def organisation_engagements(context, organisation):
    user = context["request"].user
    return {
        "organisation": organisation,
        "engagements": _engagements(user, Engagement.objects.filter(organisations=organisation)),
    }


@register.inclusion_tag("capability/includes/team_engagements.html", takes_context=True)
def team_engagements(context, team):
    """A team's pools and the squad engagements they run."""
    user = context["request"].user
    pools = list(team.pools.all())
    return {
        "team": team,
        "pools": [(pool, pool_managed_by(user, pool)) for pool in pools],
        "engagements": _engagements(user, Engagement.objects.filter(pool__team=team)),
    }


@register.inclusion_tag("capability/includes/specialist_offer.html", takes_context=True)
def specialist_offer(context, help_request):
    """On a front-door request that asks for specialist people: the pool's requests that came from it, and an
    offer to ask the pool (for whoever may ask for its organisation)."""
    user = context["request"].user
    wanted = SPECIALISTS in (help_request.help_wanted or [])
    raised = []
    if wanted and user.is_authenticated:
        queryset = SpecialistRequest.objects.filter(front_door_reference=help_request.reference)
        managed = pools_managed_by(user)
        visible = specialist_requests_visible_to(user, queryset) | queryset.filter(pool__in=managed)
        raised = list(visible.select_related("role").distinct())
    may_ask = wanted and organisations_to_ask_for(user).filter(pk=help_request.organisation_id).exists()
    return {
        "wanted": wanted,
        "may_ask": may_ask and help_request.status not in ("closed", "redirected"),
        "help_request": help_request,
        "raised": raised,
    }
