from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from porth.core.csvfiles import csv_response
from porth.core.language import in_name_order
from porth.directory.models import LeadershipTeam, Organisation, ProgrammeItem, WellbeingGoal

from .dashboard import PUBLIC_READER, dashboard_context, reader_for, team_summary
from .figures import Scope
from .forms import PeriodForm
from .kept import figures_raw


def chart_csv(chart, filename: str) -> HttpResponse:
    """One chart's figures as CSV (RFC 4180: a header row, CRLF line ends, quotes only where needed). A figure
    suppressed for this reader has no value, and says below what number it lies."""
    rows = (
        [row.key, row.label, "" if row.shown.suppressed else row.shown.value, row.shown.fewer_than or ""]
        for row in chart.rows
    )
    return csv_response(["code", "label", "value", "suppressed_below"], rows, f"{filename}-{chart.slug}.csv")


def _period_query(form, period) -> str:
    """The chosen dates as a query string for the CSV links: the same for every reader of that period."""
    if (
        not form.is_bound
        or not form.is_valid()
        or not (form.cleaned_data["start"] or form.cleaned_data["end"])
    ):
        return ""
    parts = {}
    for name, day in (("start", period.start), ("end", period.end)):
        parts.update({f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year})
    return urlencode(parts) + "&"


def _dashboard(request, scope: Scope, *, title, caption, filename, reader=None, extra=None, body_extra=None):
    form = PeriodForm(request.GET or None)
    period = form.period()
    reader = reader or reader_for(request.user, scope)
    if "csv" in request.GET:
        charts = dashboard_context(figures_raw(scope, period), scope, period, reader)["charts"]
        if request.GET["csv"] not in charts:
            raise Http404
        return chart_csv(charts[request.GET["csv"]], filename)
    # Rendered each time from the kept figures (about 10 ms): kept as HTML, it would need its own freshness.
    body = dashboard_context(figures_raw(scope, period), scope, period, reader)
    body.update(
        scope=scope,
        period_query=_period_query(form, period),
        **(body_extra(period, reader) if body_extra else {}),
    )
    context = {
        "body": render_to_string("insight/includes/dashboard_body.html", body, request=request),
        "form": form,
        "period": period,
        "reader": reader,
        "scope": scope,
        "title": title,
        "caption": caption,
        **(extra or {}),
    }
    return render(request, "insight/dashboard.html", context)


def index(request):
    context = {
        "teams": LeadershipTeam.objects.active_on(timezone.localdate()),
        "items": ProgrammeItem.objects.select_related("programme__team").order_by(
            "programme__team__position", "number"
        ),
        "goals": WellbeingGoal.objects.all(),
        "organisations": in_name_order(Organisation.objects.only("code", "name_en", "name_cy")),
    }
    return render(request, "insight/index.html", context)


def team(request, slug):
    team = get_object_or_404(LeadershipTeam, slug=slug)
    return _dashboard(
        request,
        Scope("team", team=team),
        title=_("Dashboard: %(team)s") % {"team": team.name},
        caption=str(team.short_name),
        filename=f"porth-{team.slug}",
        extra={"team": team},
    )


def programme_item(request, pk):
    item = get_object_or_404(ProgrammeItem.objects.select_related("programme__team"), pk=pk)
    return _dashboard(
        request,
        Scope("item", item=item),
        title=_("Dashboard: %(item)s") % {"item": item.title},
        caption=f"{item.programme.team.short_name}: {item.programme.name}",
        filename=f"porth-item-{item.pk}",
    )


def organisation(request, code):
    organisation = get_object_or_404(Organisation, code=code)
    return _dashboard(
        request,
        Scope("organisation", organisation=organisation),
        title=_("Dashboard: %(organisation)s") % {"organisation": organisation.name},
        caption=_("Projects it owns or is a partner in, and the requests it has sent"),
        filename=f"porth-{organisation.code}",
    )


def goal(request, number):
    goal = get_object_or_404(WellbeingGoal, number=number)
    return _dashboard(
        request,
        Scope("goal", goal=goal),
        title=_("Dashboard: %(goal)s") % {"goal": goal.name},
        caption=_("Well-being goal %(number)s") % {"number": goal.number},
        filename=f"porth-goal-{goal.number}",
    )


def _team_rows(teams, period, reader) -> list[dict]:
    return [
        {"team": each, "summary": team_summary(figures_raw(Scope("team", team=each), period), reader)}
        for each in teams
    ]


def wales(request):
    """All four teams on one page: the whole of Wales, then each team's figures side by side."""
    teams = LeadershipTeam.objects.active_on(timezone.localdate())
    return _dashboard(
        request,
        Scope("wales"),
        title=_("Digital work across Wales: the four leadership teams"),
        caption=_("All of Wales"),
        filename="porth-wales",
        body_extra=lambda period, reader: {"team_rows": _team_rows(teams, period, reader)},
    )


def public(request):
    """Digital public services in Wales: the public figures only, the same for everyone who reads them."""
    return _dashboard(
        request,
        Scope("wales"),
        title=_("Digital public services in Wales"),
        caption=_("Figures for everyone"),
        filename="porth-public",
        reader=PUBLIC_READER,
        extra={"public_page": True},
    )
