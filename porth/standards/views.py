from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from porth.accounts.permissions import team_work_allowed
from porth.core.language import active_language
from porth.directory.models import LeadershipTeam
from porth.portfolio.models import Project
from porth.portfolio.permissions import project_get_for_user, projects_visible_to

from . import services
from .forms import AnswerForm, CompleteForm, PeerForm, StartReviewForm
from .models import Action, Answer, Framework, Standard
from .permissions import review_get_for_user

STANDARD_FIELDS = ("title_en", "title_cy", "summary_en", "summary_cy", "guidance_en", "guidance_cy")


def library(request):
    frameworks = Framework.objects.current()
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        standards = Standard.objects.filter(framework__in=frameworks).select_related("framework")
        for word in query.split():
            standards = standards.filter(
                Q(*[(f"{field}__icontains", word) for field in STANDARD_FIELDS], _connector=Q.OR)
            )
        results = list(standards)
    return render(
        request, "standards/library.html", {"frameworks": frameworks, "query": query, "results": results}
    )


def _framework(slug) -> Framework:
    versions = {f.slug: f for f in Framework.objects.current()}
    if slug not in versions:
        raise Http404
    return versions[slug]


def framework_detail(request, slug):
    framework = _framework(slug)
    groups = framework.groups.prefetch_related("standards")
    return render(request, "standards/framework.html", {"framework": framework, "groups": groups})


def standard_detail(request, slug, number):
    framework = _framework(slug)
    standard = get_object_or_404(Standard, framework__slug=slug, framework=framework, number=number)
    reviewed = projects_visible_to(request.user).filter(
        pk__in=Answer.objects.filter(standard__framework__slug=slug, standard__number=number).values(
            "review__project_id"
        )
    )[:20]
    return render(
        request,
        "standards/standard.html",
        {"framework": framework, "standard": standard, "reviewed": reviewed},
    )


@login_required
def project_reviews(request, pk):
    project, access = project_get_for_user(request.user, pk)
    if not (access.report or access.change):
        raise PermissionDenied
    form = StartReviewForm(
        request.POST if request.method == "POST" else None,
        initial={
            "phase": project.phase
            if project.phase in dict(StartReviewForm.base_fields["phase"].choices)
            else None
        },
    )
    if request.method == "POST" and form.is_valid():
        review = services.review_start(project=project, user=request.user, **form.cleaned_data)
        return redirect(review.get_absolute_url())
    reviews, rows = services.progress(project)
    return render(
        request,
        "standards/project_reviews.html",
        {"project": project, "form": form, "reviews": reviews, "rows": rows},
    )


def _task_list(review):
    answers = {a.standard_id: a for a in review.answers.all()}
    return [
        {"standard": s, "answer": answers.get(s.pk)}
        for s in review.framework.standards.select_related("group")
    ]


@login_required
def review_detail(request, pk):
    review, access = review_get_for_user(request.user, pk)
    tasks = _task_list(review)
    done = sum(1 for t in tasks if t["answer"])
    return render(
        request,
        "standards/review.html",
        {"review": review, "access": access, "tasks": tasks, "done": done, "total": len(tasks)},
    )


@login_required
def review_standard(request, pk, number):
    review, access = review_get_for_user(request.user, pk)
    if not access.edit:
        raise PermissionDenied
    standard = get_object_or_404(Standard, framework=review.framework, number=number)
    answer = Answer.objects.filter(review=review, standard=standard).first()
    form = AnswerForm(
        request.POST if request.method == "POST" else None, initial=AnswerForm.initial_for(answer)
    )
    if request.method == "POST" and form.is_valid():
        services.answer_save(
            review=review,
            standard=standard,
            user=request.user,
            rating=form.cleaned_data["rating"],
            not_applicable_reason=form.cleaned_data["not_applicable_reason"],
            evidence=form.cleaned_data["evidence"],
            evidence_links=form.links(),
            actions=form.actions(),
        )
        messages.success(request, _("Saved. You can come back to it at any time before you send the review."))
        return redirect(review.get_absolute_url())
    return render(
        request,
        "standards/answer_form.html",
        {"review": review, "standard": standard, "form": form, "phase": review.phase},
    )


@login_required
def review_submit(request, pk):
    review, access = review_get_for_user(request.user, pk)
    if not access.edit:
        raise PermissionDenied
    missing = services.review_unanswered(review)
    if request.method == "POST" and not missing:
        services.review_submit(review=review, user=request.user)
        messages.success(request, _("Your review has been sent to your lead team for a peer review."))
        return redirect(review.get_absolute_url())
    return render(request, "standards/review_submit.html", {"review": review, "missing": missing})


@login_required
def peer_standard(request, pk, number):
    review, access = review_get_for_user(request.user, pk)
    if not access.peer_review:
        raise PermissionDenied
    answer = get_object_or_404(Answer, review=review, standard__number=number)
    form = PeerForm(
        request.POST if request.method == "POST" else None,
        initial={
            "reviewer_rating": answer.reviewer_rating or answer.rating,
            "reviewer_comment": answer.reviewer_comment,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.peer_answer_save(answer=answer, user=request.user, **form.cleaned_data)
        return redirect(review.get_absolute_url())
    return render(request, "standards/peer_form.html", {"review": review, "answer": answer, "form": form})


@login_required
def peer_complete(request, pk):
    review, access = review_get_for_user(request.user, pk)
    if not access.peer_review:
        raise PermissionDenied
    missing = review.answers.filter(reviewer_comment="")
    form = CompleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and not missing.exists():
        services.review_complete(review=review, user=request.user, summary=form.cleaned_data["summary"])
        messages.success(request, _("The peer review is done. The project team has been told."))
        return redirect(review.get_absolute_url())
    return render(
        request, "standards/peer_complete.html", {"review": review, "form": form, "missing": missing}
    )


def review_summary(request, pk):
    review, access = review_get_for_user(request.user, pk)
    answers = review.answers.select_related("standard__group").prefetch_related("actions")
    return render(request, "standards/summary.html", {"review": review, "access": access, "answers": answers})


@login_required
@require_POST
def action_done(request, pk):
    action = get_object_or_404(Action.objects.select_related("answer__review"), pk=pk)
    review, access = review_get_for_user(request.user, action.answer.review_id)
    if not access.act:
        raise PermissionDenied
    services.action_done(action=action)
    messages.success(request, _("The action is marked as done."))
    return redirect(
        request.POST.get("next")
        if request.POST.get("next", "").startswith("/")
        else review.get_absolute_url()
    )


@login_required
def team_actions(request, slug):
    team = get_object_or_404(LeadershipTeam, slug=slug)
    if not team_work_allowed(request.user, team):
        raise PermissionDenied
    projects = projects_visible_to(request.user, Project.objects.for_team(team))
    overdue = (
        Action.objects.overdue()
        .filter(answer__review__project__in=projects.values("pk"))
        .select_related("answer__review__project", "answer__standard")[:200]
    )
    return render(
        request,
        "standards/team_actions.html",
        {"team": team, "overdue": overdue, "language": active_language()},
    )
