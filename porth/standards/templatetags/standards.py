from django import template

from ..models import Action, CaseStudy
from ..permissions import review_access

register = template.Library()


@register.inclusion_tag("standards/includes/project_review.html", takes_context=True)
def project_review(context, project, access):
    """The project page's latest review against the standards, with its open actions."""
    latest = project.reviews.select_related("framework").first()
    can_see = bool(latest) and review_access(context["request"].user, latest).view
    open_actions = Action.objects.open().filter(answer__review=latest) if latest else []
    return {
        "project": project,
        "latest": latest,
        "can_see": can_see,
        "can_report": access.report,
        "open_actions": list(open_actions) if can_see else [],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("standards/includes/project_case_studies.html")
def project_case_studies(project):
    """The project page's good practice that came from it, published only: one query."""
    case_studies = CaseStudy.objects.published().filter(projects=project)
    return {
        "case_studies": list(
            case_studies.only("slug", "kind", "title_en", "title_cy", "summary_en", "summary_cy")
        )
    }
