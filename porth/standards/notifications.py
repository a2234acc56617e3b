"""E-mails about reviews: to the lead team when a review is sent, to the project's owners when it is done."""

from porth.accounts.permissions import team_members
from porth.core.mail import absolute_url, message_render, messages_send

from .models import Review


def review_send(*, review_id: int, event: str) -> int:
    review = Review.objects.select_related("project__lead_team", "framework").get(pk=review_id)
    if event == "submitted":
        readers = list(team_members([review.project.lead_team]))
    else:
        readers = list(review.project.owners.all())
    return messages_send(
        [
            message_render(
                template=f"standards/email/review_{event}",
                to=user.email,
                language=user.preferred_language,
                context={
                    "review": review,
                    "project": review.project,
                    "url": absolute_url(review.get_absolute_url(), user.preferred_language),
                },
            )
            for user in readers
            if user.is_active
        ]
    )
