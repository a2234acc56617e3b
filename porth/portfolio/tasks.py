"""Background tasks of the portfolio. Thin: they take ids and call a service."""

from django_tasks import task

from . import notifications


@task()
def collaboration_notify(ask_id: int, event: str = notifications.ANSWERED) -> int:
    return notifications.collaboration_send(ask_id=ask_id, event=event)


@task()
def stale_nudge_send(project_id: int) -> int:
    return notifications.stale_nudge(project_id=project_id)


@task()
def digest_send(user_id: int, week_starting: str) -> int:
    return notifications.digest(user_id=user_id, week_starting=week_starting)
