from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from porth.accounts.permissions import team_work_allowed
from porth.core.parsing import whole_number
from porth.directory.models import LeadershipTeam
from porth.portfolio.permissions import project_get_for_user
from porth.portfolio.views import project_draft, project_new_form, project_new_save

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
def project_create_similar(request):
    """Similar projects for a new project written without JavaScript, shown before it is saved. With none,
    it is saved at once; otherwise the person saves it anyway or goes back to change it."""
    form = project_new_form(request, project_draft(request))
    if form is None or not form.is_valid():
        # Nothing kept (or no longer valid, or already saved): the form says what is wrong.
        return redirect(f"{reverse('portfolio:project-create')}?draft=1")
    suggestions = similar_to_text(request.user, form.similar_text())
    if request.method == "POST" or not suggestions:
        return project_new_save(request, form)
    return render(request, "similarity/project_create_similar.html", {"suggestions": suggestions})


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
