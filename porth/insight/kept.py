"""The figures a dashboard shows: the last ones worked out, refreshed in the background after a write.

Working out a scope's figures reads every project and request it covers: one to four seconds at 100,000 of
each on a 2-core machine (bench/insight.py reports it). Were they worked out on the first read after each
write, a busy service would make almost every reader wait that long; instead the reader gets the last figures
(the page says when they were worked out) and a task brings them up to date.
"""

from .cache import figures_kept
from .figures import Scope, figures_compute, figures_key
from .periods import Period
from .tasks import figures_refresh


def figures_raw(scope: Scope, period: Period) -> dict:
    return figures_kept(
        figures_key(scope, period),
        lambda: figures_compute(scope, period),
        lambda: figures_refresh.enqueue(
            scope.kind, scope.target, period.start.isoformat(), period.end.isoformat()
        ),
    )
