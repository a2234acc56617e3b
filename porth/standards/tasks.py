"""Background tasks of the knowledge hub. Thin: they take ids and call a service."""

from django_tasks import task

from .notifications import review_send


@task()
def review_notify(review_id: int, event: str) -> int:
    return review_send(review_id=review_id, event=event)
