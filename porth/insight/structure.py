"""The structure of digital leadership in Wales in 2021 and now, side by side, with what changed between.

Every fact is read from the directory's effective-dated records, with its sources and how well it is verified.
A leading post with nobody recorded on a date is "not known", never "vacant": a vacancy is shown only where a
source says the post was empty then.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from porth.core.language import active_language
from porth.directory.models import LeadershipTeam, ProgrammeItem, StructuralChange, TeamRemit
from porth.directory.views import SNAPSHOT_2021

from .cache import figures_cached


@dataclass
class TeamOnDate:
    team: LeadershipTeam
    day: datetime.date
    active: bool
    leaders: list
    remit: object  # a TeamRemit, or the team itself (its remit now)
    items: list


def _remit_on(team: LeadershipTeam, day: datetime.date):
    remits = [r for r in team.remits.all() if r.is_active_on(day)]
    return remits[-1] if remits else team


def team_on(team: LeadershipTeam, day: datetime.date) -> TeamOnDate:
    programme = getattr(team, "programme", None)
    items = [i for i in programme.items.all() if i.is_active_on(day)] if programme else []
    return TeamOnDate(team, day, team.is_active_on(day), team.leaders_on(day), _remit_on(team, day), items)


def structure_teams():
    return LeadershipTeam.objects.select_related("programme", "host_organisation").prefetch_related(
        "appointments",
        Prefetch("programme__items", queryset=ProgrammeItem.objects.order_by("number")),
        Prefetch("remits", queryset=TeamRemit.objects.order_by("active_from")),
    )


def _structure_context(today: datetime.date) -> dict:
    rows = []
    for team in structure_teams():
        changes = [c for c in team.changes.all() if c.happened_on > SNAPSHOT_2021]
        rows.append({"then": team_on(team, SNAPSHOT_2021), "now": team_on(team, today), "changes": changes})
    return {
        "rows": rows,
        "then": SNAPSHOT_2021,
        "today": today,
        "timeline": StructuralChange.objects.select_related("team", "organisation"),
    }


def structure(request):
    """The page's facts change only when reference data does, so its body is kept until the next write."""
    today = timezone.localdate()

    def body():
        return render_to_string(
            "insight/includes/structure_body.html", _structure_context(today), request=request
        )

    key = f"html:structure:{today.isoformat()}:{active_language()}"
    context = {"body": mark_safe(figures_cached(key, body)), "then": SNAPSHOT_2021, "today": today}
    return render(request, "insight/structure.html", context)
