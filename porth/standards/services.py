"""Writes for the knowledge hub: self-reviews, answers, actions and peer reviews."""

from django.db import transaction
from django.utils import timezone

from .models import Action, Answer, Framework, Rating, Review, Standard
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


@transaction.atomic
def review_complete(*, review: Review, user, summary: str) -> Review:
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
    rating in each review: progress over time, phase by phase."""
    reviews = list(project.reviews.select_related("framework").order_by("created_at"))
    rows: dict[tuple[str, int], dict] = {}
    for review in reviews:
        for answer in review.answers.select_related("standard"):
            key = (review.framework.slug, answer.standard.number)
            row = rows.setdefault(key, {"standard": answer.standard, "ratings": {}})
            row["ratings"][review.pk] = answer
    return reviews, [rows[key] for key in sorted(rows)]
