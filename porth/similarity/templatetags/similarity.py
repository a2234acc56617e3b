from django import template

from porth.portfolio.permissions import memberships

from ..service import judgements_for, similar_to_project

register = template.Library()


@register.inclusion_tag("similarity/includes/project_similar.html", takes_context=True)
def similar_projects(context, project, access):
    """The project page's 'similar projects', with the judgements people have made."""
    user = context["request"].user
    return {
        "project": project,
        "suggestions": similar_to_project(user, project),
        "judgements": judgements_for(user, project),
        "can_judge": judgement_allowed(user, access),
        "csrf_token": context.get("csrf_token"),
    }


def judgement_allowed(user, access) -> bool:
    """The project's own people, and leadership team members, may say whether a suggestion is right."""
    return bool(access.report or access.change or memberships(user).teams)
