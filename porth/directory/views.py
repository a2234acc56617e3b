import datetime

from django.core.paginator import Paginator
from django.db.models import OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from porth.core.dates import format_partial_date
from porth.core.language import in_name_order

from .forms import AsOfForm, OrganisationFilterForm
from .models import LeadershipTeam, Organisation, ProgrammeItem, TeamInbox, Verification

# The day Porth uses for "in 2021": the post that describes the four teams was written in 2021.
SNAPSHOT_2021 = datetime.date(2021, 6, 30)
ORGANISATIONS_PER_PAGE = 20


def _teams_with_people():
    return LeadershipTeam.objects.select_related("programme", "host_organisation").prefetch_related(
        "appointments", Prefetch("programme__items", queryset=ProgrammeItem.objects.order_by("number"))
    )


def home(request):
    today = timezone.localdate()
    teams = [
        {"team": team, "leaders_now": team.leaders_on(today), "leaders_2021": team.leaders_on(SNAPSHOT_2021)}
        for team in _teams_with_people().active_on(today)
    ]
    return render(request, "directory/home.html", {"teams": teams, "snapshot_date": SNAPSHOT_2021})


def team_list(request):
    today = timezone.localdate()
    teams = _teams_with_people()
    return render(
        request,
        "directory/team_list.html",
        {
            "current": [t for t in teams if t.is_active_on(today)],
            "retired": [t for t in teams if not t.is_active_on(today)],
        },
    )


def _with_inbox(teams):
    """The latest inbox a team has published, read in the same query as the team."""
    inbox = TeamInbox.objects.filter(team=OuterRef("pk")).order_by("-seen_on")
    fields = {"email": "inbox_email", "seen_on": "inbox_seen_on", "seen_precision": "inbox_seen_precision"}
    fields["verification"] = "inbox_verification"
    return teams.annotate(**{alias: Subquery(inbox.values(field)[:1]) for field, alias in fields.items()})


def team_detail(request, slug):
    team = get_object_or_404(_with_inbox(_teams_with_people().prefetch_related("changes")), slug=slug)
    form = AsOfForm(request.GET or None)
    as_of = timezone.localdate()
    if form.is_bound and form.is_valid() and form.cleaned_data["as_of"]:
        as_of = form.cleaned_data["as_of"]
    programme = getattr(team, "programme", None)
    context = {
        "team": team,
        "form": form,
        "as_of": as_of,
        "dated": as_of != timezone.localdate(),
        "existed": team.is_active_on(as_of),
        "leaders": team.leaders_on(as_of),
        "appointments": team.appointments.all(),
        "programme": programme,
        "programme_items": [i for i in programme.items.all() if i.is_active_on(as_of)] if programme else [],
        "changes": team.changes.all(),
        "snapshot_date": SNAPSHOT_2021,
        "inbox": _inbox_of(team),
    }
    return render(request, "directory/team_detail.html", context)


def _inbox_of(team) -> dict | None:
    if not team.inbox_email:
        return None
    return {
        "email": team.inbox_email,
        "seen": format_partial_date(team.inbox_seen_on, team.inbox_seen_precision),
        "status": Verification(team.inbox_verification).label,
    }


def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    organisations = Organisation.objects.all()
    if form.is_bound and form.is_valid():
        organisations = organisations.search(form.cleaned_data["q"])
        for name in ("kind", "sector"):
            if form.cleaned_data[name]:
                organisations = organisations.filter(**{name: form.cleaned_data[name]})
    elif form.is_bound:
        organisations = organisations.none()
    organisations = in_name_order(organisations)
    page = Paginator(organisations, ORGANISATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "directory/organisation_list.html", {"form": form, "page_obj": page})


def organisation_detail(request, code):
    organisation = get_object_or_404(Organisation, code=code)
    context = {
        "organisation": organisation,
        "hosted_teams": organisation.hosted_teams.all(),
        "changes": organisation.changes.select_related("team"),
    }
    return render(request, "directory/organisation_detail.html", context)
