"""Background tasks of insight. Thin: they take names and dates and call a service."""

import datetime

from django_tasks import task

from .cache import figures_keep
from .figures import Scope, figures_compute, figures_key
from .periods import Period


@task()
def figures_refresh(kind: str, target: str, start: str, end: str) -> str:
    """Work out again, and keep, the figures of one scope and period that a write has made stale."""
    scope = Scope.named(kind, target)
    period = Period(datetime.date.fromisoformat(start), datetime.date.fromisoformat(end))
    key = figures_key(scope, period)
    figures_keep(key, lambda: figures_compute(scope, period))
    return key
