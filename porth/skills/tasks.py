"""Background tasks of training. Thin: they take ids and call a service."""

from django_tasks import task

from .notifications import booking_event_send


@task()
def booking_event_notify(event_id: int) -> int:
    return booking_event_send(event_id=event_id)
