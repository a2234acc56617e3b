from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from porth.accounts.permissions import memberships, works_in_public_sector
from porth.core.language import active_language
from porth.core.pagination import CappedPaginator
from porth.core.parsing import whole_number
from porth.directory.models import LeadershipTeam, Organisation

from . import services
from .exports import PUBLIC_FIELDS, WORKING_FIELDS, csv_response, export_rows, json_response
from .forms import AskToJoinForm, DecideForm, HandOverForm, ProjectForm, UpdateForm
from .history import project_history as history_entries
from .models import CollaborationRequest, Follow, Project
from .permissions import changes_any_project, project_get_for_user, projects_visible_to
from .queries import ProjectFilterForm, projects_filtered

PAGE_SIZE = 20


def project_list(request):
    projects = projects_visible_to(request.user).select_related("owner_organisation", "lead_team")
    form = ProjectFilterForm(request.GET or None, visible=projects)
    # The search columns are the index's: long, and never shown.
    projects, status = projects.defer("search_title", "search_body"), 200
    if form.is_bound and form.is_valid():
        projects = projects_filtered(projects, form.cleaned_data)
    elif form.is_bound:
        # The page says what is wrong (a search too long, a filter not in the list) and lists nothing.
        projects, status = projects.none(), 400
    # get_page gives the first page for a page "number" that is not one, the last for one past the end.
    page = CappedPaginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portfolio/project_list.html", {"form": form, "page_obj": page}, status=status)


def project_detail(request, pk):
    project, access = project_get_for_user(request.user, pk)
    context = {
        "project": project,
        "access": access,
        "updates": project.updates.select_related("author")[:20],
        "asks": project.collaboration_requests.select_related("requester", "organisation")
        if access.decide
        else [],
        "decide_form": DecideForm(),
    }
    return render(request, "portfolio/project_detail.html", context)


def _owner_choices(user):
    # Site administrators who may change any project may add one for any organisation.
    if changes_any_project(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=memberships(user).organisations)


# A new project's answers while its similar projects are shown, kept as the form sent them.
DRAFT_KEY = "portfolio.project_draft"
NEW_PROJECT_INITIAL = {
    "phase": "discovery",
    "status": "on_track",
    "budget_band": "unknown",
    "collaboration": "sharing_ideas",
    "visibility": "public",
}


def project_new_form(request, data=None) -> ProjectForm | None:
    """The form for a new project, bound to `data` if given; None when the person has no organisation."""
    owners = _owner_choices(request.user)
    if not owners.exists():
        return None
    return ProjectForm(data, owner_choices=owners, initial=NEW_PROJECT_INITIAL)


def project_draft(request) -> MultiValueDict | None:
    """The answers kept while the similar projects were shown, or None."""
    draft = request.session.get(DRAFT_KEY)
    return MultiValueDict(draft) if draft is not None else None


def project_new_save(request, form: ProjectForm):
    """Save a valid new project and go to it; the kept answers are no longer needed."""
    project = services.project_create(
        user=request.user,
        fields=form.project_fields(),
        related=form.related(),
        tags_text=form.cleaned_data["tags"],
    )
    request.session.pop(DRAFT_KEY, None)
    messages.success(request, _("The project has been added to the portfolio."))
    return redirect(project.get_absolute_url())


@login_required
def project_create(request):
    # Back from the similar projects, the form shows the answers kept there.
    data = request.POST if request.method == "POST" else None
    if data is None and request.GET.get("draft"):
        data = project_draft(request)
    form = project_new_form(request, data)
    if form is None:
        return render(request, "portfolio/no_organisation.html", status=403)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["similar_seen"]:
            return project_new_save(request, form)
        # Without JavaScript nobody has seen similar projects yet: they are shown before saving.
        request.session[DRAFT_KEY] = {k: data.getlist(k) for k in data if k != "csrfmiddlewaretoken"}
        return redirect("similarity:project-create-similar")
    return render(request, "portfolio/project_form.html", {"form": form, "project": None})


@login_required
def project_edit(request, pk):
    project, access = project_get_for_user(request.user, pk)
    if not access.change:
        raise PermissionDenied
    owners = _owner_choices(request.user) | Organisation.objects.filter(pk=project.owner_organisation_id)
    form = ProjectForm(
        request.POST if request.method == "POST" else None,
        owner_choices=owners.distinct(),
        initial=ProjectForm.initial_for(project),
    )
    if request.method == "POST" and form.is_valid():
        services.project_update(
            project=project,
            user=request.user,
            fields=form.project_fields(),
            related=form.related(),
            tags_text=form.cleaned_data["tags"],
        )
        messages.success(request, _("Your changes have been saved. The old version is kept in the history."))
        return redirect(project.get_absolute_url())
    return render(request, "portfolio/project_form.html", {"form": form, "project": project})


@login_required
def project_report(request, pk):
    project, access = project_get_for_user(request.user, pk)
    if not access.report:
        raise PermissionDenied
    form = UpdateForm(
        request.POST if request.method == "POST" else None,
        initial={"status": project.status, "phase": project.phase},
    )
    if request.method == "POST" and form.is_valid():
        services.project_report(
            project=project, user=request.user, language=active_language(), **form.cleaned_data
        )
        messages.success(
            request, _("Thank you. Your update is on the project page and in followers' digests.")
        )
        return redirect(project.get_absolute_url())
    return render(request, "portfolio/project_update.html", {"form": form, "project": project})


def project_history(request, pk):
    project, access = project_get_for_user(request.user, pk)
    context = {"project": project, "access": access, "entries": history_entries(project)}
    return render(request, "portfolio/project_history.html", context)


@login_required
def project_hand_over(request, pk):
    project, access = project_get_for_user(request.user, pk)
    if not access.is_owner:
        raise PermissionDenied
    form = HandOverForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.project_hand_over(
            project=project,
            user=request.user,
            to=form.cleaned_data["user"],
            keep_me=form.cleaned_data["keep_me"],
        )
        messages.success(request, _("The project has been handed over."))
        return redirect(project.get_absolute_url())
    return render(request, "portfolio/project_hand_over.html", {"form": form, "project": project})


@login_required
def project_ask(request, pk):
    project, access = project_get_for_user(request.user, pk)
    if not access.ask_to_join:
        raise PermissionDenied
    organisations = Organisation.objects.filter(pk__in=memberships(request.user).organisations)
    # Most people belong to one organisation: choose it for them.
    initial = {"organisation": organisations[0].code} if len(organisations) == 1 else {}
    form = AskToJoinForm(
        request.POST if request.method == "POST" else None, organisations=organisations, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        services.collaboration_ask(project=project, user=request.user, **form.cleaned_data)
        messages.success(
            request, _("Your request has been sent to the project's owners. We will email you their answer.")
        )
        return redirect(project.get_absolute_url())
    return render(request, "portfolio/project_ask.html", {"form": form, "project": project})


@login_required
@require_POST
def project_decide(request, pk, ask_id):
    project, access = project_get_for_user(request.user, pk)
    if not access.decide:
        raise PermissionDenied
    ask = get_object_or_404(
        CollaborationRequest, pk=ask_id, project=project, state=CollaborationRequest.State.PENDING
    )
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Select accept or decline"))
        return redirect(project.get_absolute_url())
    services.collaboration_decide(
        ask=ask,
        user=request.user,
        accept=form.cleaned_data["decision"] == "accept",
        reply=form.cleaned_data["reply"],
    )
    messages.success(request, _("Your answer has been sent."))
    return redirect(project.get_absolute_url())


@login_required
@require_POST
def follow(request, kind, key):
    targets = {
        "project": lambda: project_get_for_user(request.user, int(key))[0],
        "organisation": lambda: get_object_or_404(Organisation, code=key),
        "team": lambda: get_object_or_404(LeadershipTeam, slug=key),
    }
    if kind not in targets or (kind == "project" and whole_number(key) is None):
        raise Http404
    target = targets[kind]()
    now_following = services.follow_toggle(user=request.user, **{kind: target})
    if now_following:
        messages.success(request, _("You are following this. You will get a weekly digest of its updates."))
    else:
        messages.success(request, _("You have stopped following this."))
    return redirect(target.get_absolute_url())


@login_required
def following(request):
    follows = list(Follow.objects.filter(user=request.user).select_related("project", "organisation", "team"))
    # A project the person may no longer see (it went private, or they left) is listed without its title,
    # and can still be unfollowed.
    project_ids = [f.project_id for f in follows if f.project_id]
    visible = set(
        projects_visible_to(request.user, Project.objects.filter(pk__in=project_ids)).values_list(
            "pk", flat=True
        )
    )
    for f in follows:
        f.hidden = bool(f.project_id) and f.project_id not in visible
    return render(request, "portfolio/following.html", {"follows": follows})


@login_required
@require_POST
def follow_stop(request, pk):
    """Stop following, by the follow itself: it works even for a project the person can no longer see."""
    Follow.objects.filter(user=request.user, pk=pk).delete()
    messages.success(request, _("You have stopped following this."))
    return redirect("portfolio:following")


def project_export(request, fmt):
    if fmt not in {"csv", "json"}:
        raise Http404
    projects = projects_visible_to(request.user)
    form = ProjectFilterForm(request.GET or None, visible=projects)
    if form.is_bound:
        if not form.is_valid():
            return render(
                request,
                "portfolio/project_list.html",
                {"form": form, "page_obj": Paginator(Project.objects.none(), PAGE_SIZE).get_page(1)},
                status=400,
            )
        projects = projects_filtered(projects, form.cleaned_data)
    working = works_in_public_sector(request.user)
    rows = export_rows(projects.defer("search_title", "search_body"), working=working)
    if fmt == "csv":
        return csv_response(rows, PUBLIC_FIELDS + (WORKING_FIELDS if working else []), "porth-projects.csv")
    return json_response(rows, "porth-projects.json")
