"""What the person reading a directory page may do there (edit it, manage its members), for the directory's
templates, which cannot import accounts."""

from django import template

from .. import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def organisation_access(context, organisation):
    return permissions.organisation_access(context["request"].user, organisation)


@register.simple_tag(takes_context=True)
def team_access(context, team):
    return permissions.team_access(context["request"].user, team)
