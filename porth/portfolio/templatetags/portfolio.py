"""The portfolio's parts of other apps' pages (a team's portfolio, an organisation's projects, the follow
button), so that the directory's pages can show them without the directory importing the portfolio."""

from django import template

from ..models import Follow
from ..permissions import projects_visible_to
from ..queries import team_portfolio as team_portfolio_counts

register = template.Library()

# A follow button's address names what is followed by its kind and its key.
_KEYS = {"project": "pk", "organisation": "code", "team": "slug"}


@register.inclusion_tag("portfolio/includes/follow_button.html", takes_context=True)
def follow_button(context, kind: str, target):
    user = context["request"].user
    following = user.is_authenticated and Follow.objects.filter(user=user, **{kind: target}).exists()
    return {
        "user": user,
        "kind": kind,
        "key": getattr(target, _KEYS[kind]),
        "name": target.title if kind == "project" else target.name,
        "following": following,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("portfolio/includes/team_portfolio.html", takes_context=True)
def team_portfolio(context, team, as_of=None):
    """The team's projects today. The portfolio keeps no record of which projects a team had on a past day,
    so a page showing the team on another date (`as_of`) says that this section is today's."""
    visible = projects_visible_to(context["request"].user)
    return {
        "team": team,
        "as_of": as_of,
        "portfolio": team_portfolio_counts(team, visible),
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("portfolio/includes/organisation_projects.html", takes_context=True)
def organisation_projects(context, organisation):
    visible = projects_visible_to(context["request"].user).select_related("owner_organisation", "lead_team")
    return {
        "organisation": organisation,
        "owned_projects": visible.filter(owner_organisation=organisation)[:20],
        "partner_projects": visible.filter(partner_organisations=organisation)[:20],
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }
