from django import template

from ..permissions import judgement_allowed
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
