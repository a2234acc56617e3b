"""Turn the raw figures (figures.py) into what one reader may see: charts, tables and single numbers.

Who is reading decides two things (disclosure.py): which projects they see one by one (`audience`), and
whether
records never published one by one (requests, reviews, actions, attendance) are shown exactly (`exact`).
"""

import datetime
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from porth.accounts.permissions import team_work_allowed
from porth.core.language import localise
from porth.core.phases import Phase
from porth.directory.models import LeadershipTeam, ProgrammeItem
from porth.frontdoor.models import HelpRequest
from porth.portfolio.models import Status
from porth.portfolio.permissions import project_visibilities_seen
from porth.standards.models import Review

from .charts import Chart, Row
from .disclosure import FULL, PUBLIC, PUBLIC_SECTOR, SEEN, Shown, average_shown, project_count, small_count
from .figures import AGE_BANDS, Scope
from .periods import Period

AGE_LABELS = {
    "0-7": gettext_lazy("Up to a week"),
    "8-30": gettext_lazy("8 to 30 days"),
    "31-90": gettext_lazy("31 to 90 days"),
    "91+": gettext_lazy("More than 90 days"),
}
LANGUAGE_LABELS = {
    "en": gettext_lazy("In English"),
    "cy": gettext_lazy("In Welsh"),
    "both": gettext_lazy("In both languages"),
}


@dataclass(frozen=True)
class Reader:
    audience: str  # disclosure.PUBLIC, PUBLIC_SECTOR or FULL
    exact: bool  # records never published one by one are shown exactly


def reader_for(user, scope: Scope) -> Reader:
    """What this person may see of this scope's figures: the projects as the portfolio's rule lets them see
    the scope's projects; requests and reviews exactly when they see every project in it, or work for its
    team."""
    seen = project_visibilities_seen(
        user,
        team=scope.team if scope.kind == "team" else None,
        organisation=scope.organisation if scope.kind == "organisation" else None,
    )
    audience = next(a for a in (FULL, PUBLIC_SECTOR, PUBLIC) if SEEN[a] <= seen)
    exact = audience == FULL or (scope.kind == "team" and team_work_allowed(user, scope.team))
    return Reader(audience, exact)


PUBLIC_READER = Reader(PUBLIC, False)


def month_label(key: str) -> str:
    year, month = (int(part) for part in key.split("-"))
    return formats.date_format(datetime.date(year, month, 1), "M Y")


def _projects_chart(slug, title, groups: dict, choices, reader: Reader) -> Chart:
    rows = [
        Row(str(label), project_count(groups.get(str(code), {}), reader.audience), str(code))
        for code, label in choices
    ]
    return Chart(slug, title, rows, value_label=_("Projects"))


def _months_chart(slug, title, counts: dict, period: Period, shown, value_label) -> Chart:
    rows = [Row(month_label(key), shown(counts.get(key, {})), key) for key in period.months()]
    return Chart(slug, title, rows, kind="column", value_label=value_label)


def _item_choices(scope: Scope):
    items = ProgrammeItem.objects.select_related("programme__team").order_by(
        "programme__team__position", "number"
    )
    if scope.kind == "team":
        items = items.filter(programme__team=scope.team)
    return [(item.pk, f"{item.programme.team.short_name}: {item.number}. {item.title}") for item in items]


def portfolio_panel(raw: dict, scope: Scope, period: Period, reader: Reader) -> dict:
    portfolio = raw["portfolio"]
    in_use = [
        (v, label) for v, label in Phase.choices if v != Phase.NOT_USING_PHASES or portfolio["phase"].get(v)
    ]
    charts = [
        _projects_chart("phase", _("Projects by phase"), portfolio["phase"], in_use, reader),
        _projects_chart(
            "status", _("Projects under way, by status"), portfolio["status"], Status.choices, reader
        ),
    ]
    if scope.kind != "item":
        charts.append(
            _projects_chart(
                "items", _("Projects by programme item"), portfolio["items"], _item_choices(scope), reader
            )
        )
    if scope.kind != "team":
        teams = [(t.pk, str(t.short_name)) for t in LeadershipTeam.objects.order_by("position")]
        charts.append(
            _projects_chart("lead-team", _("Projects by lead team"), portfolio["lead_team"], teams, reader)
        )
    return {
        "total": project_count(portfolio["total"], reader.audience),
        "stale": project_count(portfolio["stale"], reader.audience),
        "charts": charts,
    }


def trends_panel(raw: dict, period: Period, reader: Reader) -> list[Chart]:
    portfolio = raw["portfolio"]

    def projects(groups):
        return project_count(groups, reader.audience)

    return [
        _months_chart(
            "added", _("Projects added each month"), portfolio["added"], period, projects, _("Projects")
        ),
        _months_chart(
            "updates", _("Updates reported each month"), portfolio["updates"], period, projects, _("Updates")
        ),
    ]


def front_door_panel(raw: dict, period: Period, reader: Reader) -> dict | None:
    door = raw["front_door"]
    if door is None:
        return None

    def count(n):
        return small_count(n, reader.exact)

    sent = [Row(month_label(key), count(door["sent"].get(key, 0)), key) for key in period.months()]
    ages = [
        Row(str(AGE_LABELS[label]), count(door["ages"].get(label, 0)), label)
        for label, _low, _high in AGE_BANDS
    ]
    statuses = [
        Row(str(label), count(door["status"].get(code, 0)), code)
        for code, label in HelpRequest.Status.choices
    ]
    median = average_shown(door["response_days"], reader.exact)
    return {
        "charts": [
            Chart("requests", _("Requests sent each month"), sent, kind="column", value_label=_("Requests")),
            Chart(
                "request-status",
                _("Requests sent in the period, by status now"),
                statuses,
                value_label=_("Requests"),
            ),
            Chart(
                "request-ages",
                _("Open requests, by how long ago they were sent"),
                ages,
                value_label=_("Requests"),
            ),
        ],
        "answered": count(len(door["response_days"])),
        "unanswered": count(door["unanswered"]),
        "median_days": median,
        "redirects": {key: count(value) for key, value in door["redirects"].items()},
    }


def reviews_panel(raw: dict, reader: Reader) -> dict:
    reviews = raw["reviews"]

    def count(n):
        return small_count(n, reader.exact)

    states = [
        Row(str(label), count(reviews["state"].get(code, 0)), code) for code, label in Review.State.choices
    ]
    return {
        "chart": Chart(
            "reviews", _("Self-reviews started in the period, by state"), states, value_label=_("Reviews")
        ),
        "open_actions": count(reviews["open_actions"]),
        "overdue_actions": count(reviews["overdue_actions"]),
        "done_actions": count(reviews["done_actions"]),
    }


def training_panel(raw: dict, reader: Reader) -> Chart:
    """Attendance by the language sessions were delivered in (porth.skills.insight)."""
    shown = [
        Row(str(LANGUAGE_LABELS.get(language, language)), small_count(attendances, reader.exact), language)
        for language, _sessions, attendances in raw["training"]
    ]
    return Chart(
        "training",
        _("Training attendance, by the language it was delivered in"),
        shown,
        value_label=_("Attendances"),
    )


def specialists_panel(raw: dict) -> Chart:
    """Each pool's days booked against the days it offers (porth.capability.insight); a whole pool's, so
    nothing to suppress."""
    shown = [
        Row(
            str(localise(name_en, name_cy)), Shown(round(100 * booked / capacity) if capacity else 0), name_en
        )
        for (name_en, name_cy), booked, capacity in raw["specialists"]
    ]
    return Chart(
        "specialists",
        _("Specialist days booked, as a percentage of days offered"),
        shown,
        value_label=_("Per cent"),
    )


def team_summary(raw: dict, reader: Reader) -> dict:
    """The few figures the page across all four teams shows for each team, without drawing its charts."""
    portfolio, door, reviews = raw["portfolio"], raw["front_door"], raw["reviews"]
    return {
        "total": project_count(portfolio["total"], reader.audience),
        "stale": project_count(portfolio["stale"], reader.audience),
        "answered": small_count(len(door["response_days"]), reader.exact),
        "median_days": average_shown(door["response_days"], reader.exact),
        "overdue_actions": small_count(reviews["overdue_actions"], reader.exact),
    }


def dashboard_context(raw: dict, scope: Scope, period: Period, reader: Reader) -> dict:
    portfolio = portfolio_panel(raw, scope, period, reader)
    trends = trends_panel(raw, period, reader)
    front_door = front_door_panel(raw, period, reader)
    reviews = reviews_panel(raw, reader)
    training = training_panel(raw, reader) if scope.kind in ("team", "wales") else None
    specialists = specialists_panel(raw) if scope.kind in ("team", "wales") else None
    charts = [*portfolio["charts"], *trends, *(front_door["charts"] if front_door else []), reviews["chart"]]
    charts += [chart for chart in (training, specialists) if chart is not None]
    return {
        "portfolio": portfolio,
        "trends": trends,
        "front_door": front_door,
        "reviews": reviews,
        "training": training,
        "specialists": specialists,
        "charts": {chart.slug: chart for chart in charts},
        "reader": reader,
        "period": period,
        "computed_at": datetime.datetime.fromisoformat(raw["computed_at"]),
        "shows_training": scope.kind in ("team", "wales"),
    }
