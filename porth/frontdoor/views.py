from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from porth.accounts.permissions import memberships, team_work_allowed
from porth.core.language import active_language
from porth.directory.models import LeadershipTeam
from porth.routing.explain import reason_text
from porth.routing.models import RuleSet
from porth.routing.permissions import manager_required, rule_sets_manage_allowed
from porth.routing.services import NoRuleSetInForce, NoTeamAvailable
from porth.similarity.service import similar_to_text

from . import journey, services
from .explain import decision_view
from .forms import MessageForm, RedirectForm, StatusForm
from .models import HelpRequest
from .permissions import help_request_get_for_user

QUEUE_PAGE_SIZE = 25


def start(request):
    asked = journey.asked_team_note(request.session, request.GET.get("team"))
    return render(request, "frontdoor/start.html", {"first_step": journey.STEPS[0], "asked_team": asked})


def step(request, slug):
    current = journey.STEP_BY_SLUG.get(slug)
    if current is None:
        raise Http404
    answers = journey.answers_get(request.session)
    missing = journey.first_unanswered(answers)
    if missing and journey.STEPS.index(missing) < journey.STEPS.index(current):
        return redirect("frontdoor:step", slug=missing.slug)
    if not current.form.applies(answers):
        following = journey.next_step(current, answers)
        return redirect("frontdoor:step", slug=following.slug) if following else redirect("frontdoor:check")
    if (
        current.slug == "organisation"
        and request.user.is_authenticated
        and not memberships(request.user).public_servant
    ):
        # A public account has no organisation to ask for: say so, and what to do, instead of an empty list.
        return render(request, "frontdoor/not_a_public_servant.html")
    data = request.POST if request.method == "POST" else None
    form = journey.form_for(current, answers, data, user=request.user)
    if request.method == "POST" and form.is_valid():
        journey.answers_save(request.session, form.answers())
        answers = journey.answers_get(request.session)
        following = journey.next_step(current, answers)
        # A change that raises a new question (another organisation, whose role is not known) asks it.
        missing = journey.first_unanswered(answers)
        if missing is not None:
            return redirect("frontdoor:step", slug=missing.slug)
        if request.GET.get("change") or following is None:
            return redirect("frontdoor:check")
        return redirect("frontdoor:step", slug=following.slug)
    previous = journey.previous_step(current, answers)
    back_url = reverse("frontdoor:step", args=[previous.slug]) if previous else reverse("frontdoor:start")
    if request.GET.get("change"):
        back_url = reverse("frontdoor:check")
    context = {
        "form": form,
        "step": current,
        "back_url": back_url,
        "step_number": journey.STEPS.index(current) + 1,
        "step_count": len(journey.STEPS),
    }
    if current.slug == "similar":
        context["suggestions"] = similar_to_text(request.user, answers.get("description", ""))
    return render(request, "frontdoor/question.html", context)


def check(request):
    answers = journey.answers_get(request.session)
    missing = journey.first_unanswered(answers)
    if missing:
        return redirect("frontdoor:step", slug=missing.slug)
    if request.method == "POST":
        return _submit(request, answers)
    context = {"rows": journey.summary_rows(answers), "back_url": reverse("frontdoor:step", args=["contact"])}
    context.update(_preview(answers))
    return render(request, "frontdoor/check.html", context)


def _preview(answers: dict) -> dict:
    """Where the request would go, shown before it is sent (and before signing in)."""
    try:
        _facts, decision, _rule_set = services.route_answers(journey.answers_resolve(answers))
    except (journey.AnswerNoLongerValid, services.NoOwner, NoRuleSetInForce, NoTeamAvailable):
        return {"view": None}
    return {"view": decision_view(decision.to_dict()), "preview": True}


def _submit(request, answers):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('accounts:sign-in')}?next={reverse('frontdoor:check')}")
    try:
        resolved = journey.answers_resolve(answers)
        help_request = services.request_submit(
            user=request.user, answers=resolved, language=active_language()
        )
    except journey.AnswerNoLongerValid as problem:
        messages.error(request, _("One of your answers is no longer valid. Check it and continue."))
        return redirect("frontdoor:step", slug=problem.step.slug)
    except services.AskingNotAllowed:
        messages.error(
            request,
            _(
                "You can ask for an organisation you work for, or, if you are in a leadership team, for a "
                "body your team serves. Choose one of those."
            ),
        )
        return redirect("frontdoor:step", slug="organisation")
    except services.NoOwner:
        messages.error(
            request, _("Say whose work it is: your organisation's, or that of another organisation.")
        )
        return redirect("frontdoor:step", slug="own-work")
    except services.TooManyRequests as limit:
        messages.error(request, limit.message())
        return (
            redirect("frontdoor:step", slug="contact")
            if limit.reason == "contact"
            else redirect("frontdoor:check")
        )
    except (NoRuleSetInForce, NoTeamAvailable):
        return render(request, "frontdoor/cannot_route.html", status=503)
    journey.answers_clear(request.session)
    return redirect("frontdoor:request-confirmation", reference=help_request.reference)


@login_required
def confirmation(request, reference):
    help_request, access = help_request_get_for_user(request.user, reference)
    if not access.is_submitter:
        return redirect(help_request.get_absolute_url())
    return render(request, "frontdoor/confirmation.html", _request_context(request, help_request, access))


def _request_context(request, help_request, access):
    decision = help_request.decisions.select_related("rule_set", "lead_team").first()
    view = None
    if decision is not None:
        administrator = rule_sets_manage_allowed(request.user)
        view = decision_view(
            decision.result, administrator=administrator, redirect_reason=decision.redirect_reason
        )
    return {
        "help_request": help_request,
        "access": access,
        "decision": decision,
        "view": view,
        "events": help_request.events.select_related("author", "from_team"),
    }


@login_required
def request_detail(request, reference):
    help_request, access = help_request_get_for_user(request.user, reference)
    context = _request_context(request, help_request, access)
    context["message_form"] = MessageForm()
    if access.triage:
        context["status_form"] = StatusForm(initial={"status": help_request.status})
        context["redirect_form"] = RedirectForm(teams=_redirect_targets(help_request))
    return render(request, "frontdoor/request_detail.html", context)


def _redirect_targets(help_request):
    return LeadershipTeam.objects.active_on(timezone.localdate()).exclude(pk=help_request.lead_team_id)


def _bound_detail(request, help_request, access, **forms):
    """Re-show the request page with a form's errors, keeping what was typed."""
    context = _request_context(request, help_request, access)
    context.update(
        message_form=MessageForm(),
        status_form=StatusForm(initial={"status": help_request.status}),
        redirect_form=RedirectForm(teams=_redirect_targets(help_request)),
    )
    context.update(forms)
    return render(request, "frontdoor/request_detail.html", context, status=400)


def _for_triage(request, reference):
    """The request, if this person may triage it (a member of its lead team); otherwise 404 or 403."""
    help_request, access = help_request_get_for_user(request.user, reference)
    if not access.triage:
        raise PermissionDenied
    return help_request, access


@login_required
@require_POST
def request_status(request, reference):
    help_request, access = _for_triage(request, reference)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _bound_detail(request, help_request, access, status_form=form)
    event = services.request_change_status(
        request=help_request, user=request.user, team=help_request.lead_team, **form.cleaned_data
    )
    if event is None:
        messages.info(request, _("The status was already that, so nothing has changed and nobody was told."))
    else:
        messages.success(request, _("The status has been changed and the person who asked has been told."))
    return redirect(help_request.get_absolute_url())


@login_required
@require_POST
def request_redirect(request, reference):
    help_request, access = _for_triage(request, reference)
    form = RedirectForm(request.POST, teams=_redirect_targets(help_request))
    if not form.is_valid():
        return _bound_detail(request, help_request, access, redirect_form=form)
    from_team = help_request.lead_team
    services.request_redirect(
        request=help_request,
        user=request.user,
        from_team=from_team,
        to_team=form.cleaned_data["team"],
        reason=form.cleaned_data["reason"],
        keep_supporting=form.cleaned_data["keep_supporting"],
    )
    messages.success(request, _("The request has been passed to the other team."))
    return redirect("frontdoor:team-queue", slug=from_team.slug)


@login_required
@require_POST
def request_pass_to_overlap(request, reference):
    """One step: pass a request that could go either way to the other team its rules named, with the
    reason the rules gave; the team passing it keeps supporting."""
    help_request, _access = _for_triage(request, reference)
    other = next((o for o in help_request.overlap if o["team"] == request.POST.get("team")), None)
    to_team = _redirect_targets(help_request).filter(slug=other["team"]).first() if other else None
    if to_team is None:
        messages.error(request, _("That team is not one this request could also go to."))
        return redirect(help_request.get_absolute_url())
    from_team = help_request.lead_team
    services.request_redirect(
        request=help_request,
        user=request.user,
        from_team=from_team,
        to_team=to_team,
        reason=reason_text(other),
    )
    messages.success(request, _("The request has been passed to the other team."))
    return redirect("frontdoor:team-queue", slug=from_team.slug)


@login_required
@require_POST
def request_keep(request, reference):
    help_request, _access = _for_triage(request, reference)
    services.request_keep(request=help_request, user=request.user, team=help_request.lead_team)
    messages.success(
        request, _("Your team keeps the request. It no longer shows as one that could go either way.")
    )
    return redirect(help_request.get_absolute_url())


@login_required
@require_POST
def request_make_project(request, reference):
    """An accepted request becomes a portfolio project in one step; the project keeps a link to it."""
    help_request, _access = _for_triage(request, reference)
    if help_request.project is not None:
        return redirect(help_request.project.get_absolute_url())
    if help_request.status != HelpRequest.Status.ACCEPTED:
        messages.error(request, _("Accept the request before making it a project."))
        return redirect(help_request.get_absolute_url())
    project = services.request_make_project(help_request=help_request, user=request.user)
    messages.success(request, _("The request is now a project in the portfolio. Check its details."))
    return redirect(project.get_absolute_url())


@login_required
@require_POST
def request_message(request, reference):
    help_request, access = help_request_get_for_user(request.user, reference)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _bound_detail(request, help_request, access, message_form=form)
    team = None if access.is_submitter and not access.team else access.team
    services.request_add_message(request=help_request, user=request.user, team=team, **form.cleaned_data)
    messages.success(request, _("Your message has been sent."))
    return redirect(help_request.get_absolute_url())


@login_required
def my_requests(request):
    requests = HelpRequest.objects.submitted_by(request.user).select_related("lead_team")
    page = Paginator(requests, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "frontdoor/my_requests.html", {"page_obj": page})


@login_required
def team_queue(request, slug):
    team = get_object_or_404(LeadershipTeam, slug=slug)
    if not team_work_allowed(request.user, team):
        raise PermissionDenied
    role = "support" if request.GET.get("role") == "support" else "lead"
    status = request.GET.get("status", "")
    requests = HelpRequest.objects.for_team(team, role).select_related("organisation", "lead_team")
    if status in HelpRequest.Status.values:
        requests = requests.filter(status=status)
    either_way = role == "lead" and request.GET.get("either_way") == "1"
    if either_way:
        requests = requests.filter(could_go_either_way=True)
    if request.GET.get("order") == "oldest":
        requests = requests.order_by("created_at", "id")
    page = Paginator(requests, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "team": team,
        "page_obj": page,
        "role": role,
        "status": status,
        "statuses": HelpRequest.Status.choices,
        "either_way": either_way,
    }
    return render(request, "frontdoor/team_queue.html", context)


@manager_required
def rule_set_what_if(request, version):
    rule_set = get_object_or_404(RuleSet, version=version)
    result = services.rule_set_what_if(rule_set=rule_set)
    page = Paginator(result.lead_changes, 25).get_page(request.GET.get("page"))
    teams = {t.slug: t for t in LeadershipTeam.objects.all()}
    context = {"rule_set": rule_set, "result": result, "page_obj": page, "teams": teams}
    return render(request, "frontdoor/what_if.html", context)
