from bisect import bisect_left
from functools import lru_cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from porth.accounts.permissions import team_work_allowed
from porth.core import lemmas
from porth.core.language import active_language
from porth.core.pagination import CappedPaginator
from porth.core.redirects import local_target
from porth.directory.models import LeadershipTeam
from porth.portfolio.models import Project
from porth.portfolio.permissions import project_get_for_user, projects_visible_to

from . import services
from .forms import AnswerForm, CaseStudyFilterForm, CaseStudyForm, CompleteForm, PeerForm, StartReviewForm
from .models import Action, Answer, CaseStudy, Framework, Standard
from .permissions import (
    case_studies_visible_to,
    case_study_get_for_user,
    case_study_projects,
    may_publish_case_studies,
    review_get_for_user,
)

# The parts of a standard searched, most telling first: a word found in the title ranks a standard above one
# found in its summary, and that above one found only in its guidance. Case studies are ranked the same way,
# by their title, summary and story.
SEARCHED_PARTS = (("title_en", "title_cy"), ("summary_en", "summary_cy"), ("guidance_en", "guidance_cy"))
CASE_STUDY_PARTS = (("title_en", "title_cy"), ("summary_en", "summary_cy"), ("body_en", "body_cy"))
PAGE_SIZE = 20
MAX_QUERY_WORDS = 16


@lru_cache(maxsize=512)
def _forms_in(text: str) -> tuple[str, ...]:
    """Every form of every word of a text, sorted (for prefix look-ups). The standards are few and seldom
    change, so each text's forms are kept: a search costs look-ups, not lemmatising the library again."""
    return tuple(sorted({form for word in lemmas.words(text) for form in lemmas.forms(word)}))


def _starts_a_form(forms: tuple[str, ...], prefix: str, whole: bool = False) -> bool:
    at = bisect_left(forms, prefix)
    return at < len(forms) and (forms[at] == prefix if whole else forms[at].startswith(prefix))


def _word_in(forms: tuple[str, ...], word_forms: tuple[str, ...]) -> bool:
    """As in the portfolio's search: the word itself (folded) starts a word of the text, or its English stem
    or Welsh lemma is one ("accessible" finds "accessibility", "Gymraeg" finds "Cymraeg")."""
    prefix, *others = word_forms
    return _starts_a_form(forms, prefix) or any(_starts_a_form(forms, other, whole=True) for other in others)


def _ranked(items, query: str, searched_parts) -> list:
    words = [lemmas.forms(word) for word in list(dict.fromkeys(lemmas.words(query)))[:MAX_QUERY_WORDS]]
    ranked = []
    for item in items:
        parts = [_forms_in(" ".join(getattr(item, f) for f in fields)) for fields in searched_parts]
        found = [[_word_in(part, word) for word in words] for part in parts]
        if words and all(any(column) for column in zip(*found, strict=True)):
            ranked.append((tuple(-sum(hits) for hits in found), item))
    ranked.sort(key=lambda pair: pair[0])
    return [item for _, item in ranked]


def standards_search(standards, query: str) -> list:
    """The standards that have every word of the query somewhere, best first: most words in the title, then
    in the summary, then in the guidance; equal ones in the library's order."""
    return _ranked(standards, query, SEARCHED_PARTS)


def case_studies_search(case_studies, query: str) -> list:
    """Case studies, as the standards: every word somewhere, most in the title first, then the summary, then
    the story."""
    return _ranked(case_studies, query, CASE_STUDY_PARTS)


def library(request):
    frameworks = Framework.objects.current()
    query = request.GET.get("q", "").strip()[:200]
    results, case_studies = [], []
    if query:
        standards = Standard.objects.filter(framework__in=frameworks).select_related("framework")
        results = standards_search(standards, query)
        case_studies = case_studies_search(case_studies_visible_to(request.user), query)
    context = {"frameworks": frameworks, "query": query, "results": results, "case_studies": case_studies}
    return render(request, "standards/library.html", context)


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
    good_practice = CaseStudy.objects.published().filter(standards=standard)
    return render(
        request,
        "standards/standard.html",
        {"framework": framework, "standard": standard, "reviewed": reviewed, "case_studies": good_practice},
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
    standard = get_object_or_404(Standard, framework=review.framework, number=number)
    answer = Answer.objects.filter(review=review, standard=standard).first()
    if not access.edit:
        # A link to an answer outlives the draft (it is in e-mails and bookmarks): whoever may see the review
        # reads the answer and why it cannot be changed now, rather than meeting a bare refusal.
        if request.method == "POST":
            raise PermissionDenied
        context = {"review": review, "access": access, "standard": standard, "answer": answer}
        return render(request, "standards/answer_read.html", context)
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
    context = {
        "review": review,
        "standard": standard,
        "form": form,
        "phase": review.phase,
        "case_studies": CaseStudy.objects.published().filter(standards=standard),
    }
    return render(request, "standards/answer_form.html", context)


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
    if request.method == "POST" and form.is_valid():
        try:
            services.review_complete(review=review, user=request.user, summary=form.cleaned_data["summary"])
        except services.StandardsWithoutComment:
            pass  # the page lists the standards still to comment on
        else:
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
    return redirect(local_target(request, request.POST.get("next"), review.get_absolute_url()))


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


# ------------------------------------------------------------------------------------------ good practice


def case_study_list(request):
    visible = case_studies_visible_to(request.user)
    form = CaseStudyFilterForm(request.GET or None, visible=visible)
    case_studies, status = visible.prefetch_related("organisations"), 200
    if form.is_bound and form.is_valid():
        case_studies = form.filter(case_studies)
    elif form.is_bound:
        case_studies, status = case_studies.none(), 400
    page = CappedPaginator(case_studies, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page, "may_add": may_publish_case_studies(request.user)}
    return render(request, "standards/case_study_list.html", context, status=status)


def case_study_detail(request, slug):
    case_study, access = case_study_get_for_user(request.user, slug)
    context = {
        "case_study": case_study,
        "access": access,
        "organisations": case_study.organisations.all(),
        "projects": case_study_projects(request.user, case_study),
        "standards": case_study.standards.select_related("framework"),
        "programme_items": case_study.programme_items.select_related("programme__team"),
    }
    return render(request, "standards/case_study_detail.html", context)


def _case_study_form_page(request, case_study):
    initial = CaseStudyForm.initial_for(case_study, request.user) if case_study else {"kind": "case_study"}
    form = CaseStudyForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        user=request.user,
        case_study=case_study,
    )
    if request.method == "POST" and form.is_valid():
        fields, related = form.case_study_fields(), form.related()
        try:
            if case_study is None:
                case_study = services.case_study_create(user=request.user, fields=fields, related=related)
                messages.success(request, _("The good practice has been saved."))
            else:
                services.case_study_update(
                    case_study=case_study, user=request.user, fields=fields, related=related
                )
                messages.success(request, _("Your changes have been saved."))
            return redirect(case_study.get_absolute_url())
        except ValidationError as error:
            form.add_service_errors(error)
    return render(request, "standards/case_study_form.html", {"form": form, "case_study": case_study})


@login_required
def case_study_create(request):
    if not may_publish_case_studies(request.user):
        raise PermissionDenied
    return _case_study_form_page(request, None)


@login_required
def case_study_edit(request, slug):
    case_study, access = case_study_get_for_user(request.user, slug)
    if not access.change:
        raise PermissionDenied
    return _case_study_form_page(request, case_study)
