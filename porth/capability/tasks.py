"""Background tasks of the specialist pool. Thin: they take ids and call a service."""

from django_tasks import task

from . import notifications


@task()
def request_notify(request_id: int, event: str) -> int:
    return notifications.request_send(request_id=request_id, event=event)


@task()
def booking_notify(booking_id: int, event: str) -> int:
    return notifications.booking_send(booking_id=booking_id, event=event)
