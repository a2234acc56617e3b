from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from porth.accounts.permissions import team_work_allowed
from porth.core.parsing import whole_number
from porth.directory.models import LeadershipTeam
from porth.portfolio.permissions import project_get_for_user

from .models import Judgement
from .permissions import judgement_allowed
from .service import judgement_record, similar_to_text, team_clusters

MAX_TEXT = 5000


def suggestions_fragment(request):
    """Suggestions for a description being written: a piece of HTML for the page's live region."""
    text = request.GET.get("text", "")[:MAX_TEXT]
    exclude = tuple(pk for pk in map(whole_number, request.GET.getlist("exclude")) if pk is not None)
    suggestions = similar_to_text(request.user, text, exclude=exclude)
    context = {"suggestions": suggestions, "searched": len(text.split()) >= 3}
    return render(request, "similarity/includes/suggestions.html", context)


@login_required
@require_POST
def judge(request, pk, other_pk):
    project, access = project_get_for_user(request.user, pk)
    other, _other_access = project_get_for_user(request.user, other_pk)
    verdict = request.POST.get("verdict")
    if not judgement_allowed(request.user, access) or project.pk == other.pk:
        raise PermissionDenied
    if verdict not in Judgement.Verdict.values:
        messages.error(request, _("Choose one of the three answers."))
        return redirect(f"{project.get_absolute_url()}#similar")
    judgement_record(user=request.user, project=project, other=other, verdict=verdict)
    messages.success(
        request, _("Thank you. Others will see what you said, and the pair will not be suggested again.")
    )
    return redirect(f"{project.get_absolute_url()}#similar")


@login_required
def team_duplicates(request, slug):
    team = get_object_or_404(LeadershipTeam, slug=slug)
    if not team_work_allowed(request.user, team):
        raise PermissionDenied
    clusters = team_clusters(request.user, team)
    return render(request, "similarity/team_duplicates.html", {"team": team, "clusters": clusters})
