"""Background tasks of the front door. Thin: they take ids and call a service."""

from django_tasks import task

from .notifications import request_event_send_emails


@task()
def request_event_notify(event_id: int) -> int:
    return request_event_send_emails(event_id=event_id)
