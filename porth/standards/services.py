"""Writes for the knowledge hub: self-reviews, answers, actions, peer reviews and good practice."""

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import slugify

from .models import Action, Answer, CaseStudy, Framework, Rating, Review, Standard
from .tasks import review_notify


def review_start(*, project, framework: Framework, phase: str, user) -> Review:
    return Review.objects.create(project=project, framework=framework, phase=phase, started_by=user)


@transaction.atomic
def answer_save(
    *,
    review: Review,
    standard: Standard,
    user,
    rating: str,
    not_applicable_reason: str,
    evidence: str,
    evidence_links: list[dict],
    actions: list[dict],
) -> Answer:
    """Save the team's answer for one standard; its actions are replaced by those given."""
    answer, _ = Answer.objects.update_or_create(
        review=review,
        standard=standard,
        defaults={
            "rating": rating,
            "not_applicable_reason": not_applicable_reason if rating == Rating.NOT_APPLICABLE else "",
            "evidence": evidence,
            "evidence_links": evidence_links,
            "updated_by": user,
            "updated_at": timezone.now(),
        },
    )
    answer.actions.filter(done_at__isnull=True).delete()
    Action.objects.bulk_create(Action(answer=answer, **action) for action in actions)
    return answer


def review_unanswered(review: Review) -> list[Standard]:
    answered = set(review.answers.values_list("standard_id", flat=True))
    return [s for s in review.framework.standards.all() if s.pk not in answered]


@transaction.atomic
def review_submit(*, review: Review, user) -> Review:
    review.state = Review.State.SUBMITTED
    review.submitted_at = timezone.now()
    review.save(update_fields=["state", "submitted_at"])
    transaction.on_commit(lambda: review_notify.enqueue(review.pk, "submitted"))
    return review


def peer_answer_save(*, answer: Answer, user, reviewer_rating: str, reviewer_comment: str) -> Answer:
    answer.reviewer_rating, answer.reviewer_comment = reviewer_rating, reviewer_comment
    answer.save(update_fields=["reviewer_rating", "reviewer_comment"])
    if answer.review.reviewer_id is None:
        Review.objects.filter(pk=answer.review_id).update(reviewer=user)
    return answer


class StandardsWithoutComment(Exception):
    """A peer review is complete only when the reviewer has commented on every standard."""

    def __init__(self, answers):
        super().__init__(f"{len(answers)} standards have no comment")
        self.answers = answers


@transaction.atomic
def review_complete(*, review: Review, user, summary: str) -> Review:
    missing = list(review.answers.filter(reviewer_comment="").select_related("standard"))
    if missing:
        raise StandardsWithoutComment(missing)
    review.state = Review.State.REVIEWED
    review.reviewer, review.reviewed_at, review.reviewer_summary = user, timezone.now(), summary
    review.save(update_fields=["state", "reviewer", "reviewed_at", "reviewer_summary"])
    transaction.on_commit(lambda: review_notify.enqueue(review.pk, "reviewed"))
    return review


def action_done(*, action: Action) -> Action:
    action.done_at = timezone.now()
    action.save(update_fields=["done_at"])
    return action


def progress(project) -> tuple[list, list[dict]]:
    """Every review of a project against each framework, oldest first, and for each standard the final
    rating in each review: progress over time, phase by phase. Two queries, however many reviews."""
    answers = Prefetch("answers", Answer.objects.select_related("standard"))
    reviews = list(
        project.reviews.select_related("framework").prefetch_related(answers).order_by("created_at")
    )
    rows: dict[tuple[str, int], dict] = {}
    for review in reviews:
        for answer in review.answers.all():
            key = (review.framework.slug, answer.standard.number)
            row = rows.setdefault(key, {"standard": answer.standard, "ratings": {}})
            row["ratings"][review.pk] = answer
    return reviews, [rows[key] for key in sorted(rows)]


# ------------------------------------------------------------------------------------------ good practice

# The links a case study has to other records, set from a dict of lists.
CASE_STUDY_LINKS = ("organisations", "projects", "standards", "programme_items")
# Addresses under /good-practice/ that are pages, not case studies.
RESERVED_SLUGS = {"add"}


def case_study_tags(text: str) -> list[str]:
    """Tags typed as "booking, Welsh language": trimmed, each once, in the order typed."""
    tags = [" ".join(tag.split()) for tag in text.split(",")]
    return list(dict.fromkeys(tag for tag in tags if tag))


def _slug_for(case_study: CaseStudy) -> str:
    base = slugify(case_study.title_en or case_study.title_cy)[:100] or "good-practice"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or CaseStudy.objects.filter(slug=slug).exclude(pk=case_study.pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _case_study_save(case_study: CaseStudy, user, fields: dict, related: dict) -> CaseStudy:
    for name, value in fields.items():
        setattr(case_study, name, value)
    if not case_study.slug:
        case_study.slug = _slug_for(case_study)
    if case_study.is_published and case_study.published_on is None:
        case_study.published_on = timezone.localdate()
    case_study.full_clean(exclude=["slug", *CASE_STUDY_LINKS])
    case_study.updated_by = user
    case_study.save()
    for name in CASE_STUDY_LINKS:
        if name in related:
            getattr(case_study, name).set(related[name])
    return case_study


@transaction.atomic
def case_study_create(*, user, fields: dict, related: dict) -> CaseStudy:
    """Add good practice. Raises ValidationError (by field) when a rule of CaseStudy.clean() is broken."""
    return _case_study_save(CaseStudy(created_by=user), user, fields, related)


@transaction.atomic
def case_study_update(*, case_study: CaseStudy, user, fields: dict, related: dict) -> CaseStudy:
    """Change good practice. Its address stays the same when its title changes: links to it keep working."""
    return _case_study_save(case_study, user, fields, related)
