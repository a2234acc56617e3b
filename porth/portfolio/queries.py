"""Reading the portfolio: the filters shared by the list page, the exports and the API, and summaries."""

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from porth.core.forms import replace_default_choice_message
from porth.core.phases import Phase
from porth.directory.models import LeadershipTeam, OrganisationKind, ProgrammeItem, WellbeingGoal

from .models import Project, Status
from .search import project_search

SORTS = {
    "updated": ("-last_update_at", "-id"),
    "oldest_update": ("last_update_at", "id"),
    "title": ("title_en", "title_cy", "id"),
    "newest": ("-created_at", "-id"),
}


class ProjectFilterForm(forms.Form):
    """The portfolio's filters. The same names work as query parameters for the pages, exports and API."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Words from the title or summary, in English or Welsh"),
    )
    phase = forms.MultipleChoiceField(
        label=_("Phase"), required=False, choices=Phase.choices, widget=forms.CheckboxSelectMultiple
    )
    status = forms.MultipleChoiceField(
        label=_("Status"), required=False, choices=Status.choices, widget=forms.CheckboxSelectMultiple
    )
    stale = forms.BooleanField(label=_("Only projects with no update for 90 days"), required=False)
    organisation = forms.CharField(
        label=_("Organisation code"),
        required=False,
        max_length=80,
        help_text=_("Projects it owns or is a partner in"),
    )
    kind = forms.ChoiceField(label=_("Kind of owner organisation"), required=False)
    lead_team = forms.ChoiceField(label=_("Lead team"), required=False)
    programme_item = forms.ChoiceField(label=_("Programme item"), required=False)
    goal = forms.ChoiceField(label=_("Well-being goal"), required=False)
    service = forms.IntegerField(label=_("Council service (LGSL code)"), required=False, min_value=1)
    tag = forms.SlugField(label=_("Tag"), required=False, allow_unicode=True)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("updated", _("Most recently updated")),
            ("oldest_update", _("Longest since an update")),
            ("newest", _("Newest added")),
            ("title", _("Title")),
            ("relevance", _("Best match (when searching)")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *OrganisationKind.choices]
        self.fields["lead_team"].choices = [("", _("All teams"))] + [
            (t.slug, str(t.name)) for t in LeadershipTeam.objects.all()
        ]
        self.fields["programme_item"].choices = [("", _("All programme items"))] + [
            (str(i.pk), f"{i.programme.team.short_name}: {i.number}. {i.title}")
            for i in ProgrammeItem.objects.select_related("programme__team")
        ]
        self.fields["goal"].choices = [("", _("All goals"))] + [
            (str(g.number), str(g.name)) for g in WellbeingGoal.objects.all()
        ]
        replace_default_choice_message(self, _("Choose a value from the list"))
        self.fields["service"].error_messages["invalid"] = _("Enter an LGSL code as a whole number")
        self.fields["tag"].error_messages["invalid"] = _("Enter a tag as it appears on projects")


def projects_filtered(queryset, data: dict):
    """Apply cleaned ProjectFilterForm data to a queryset of projects, and order it."""
    filters = Q()
    if data.get("phase"):
        filters &= Q(phase__in=data["phase"])
    if data.get("status"):
        filters &= Q(status__in=data["status"])
    if data.get("kind"):
        filters &= Q(owner_organisation__kind=data["kind"])
    if data.get("lead_team"):
        # By id, not by a join on the team's slug, so that the (lead_team, last_update_at) index serves.
        filters &= Q(lead_team_id=LeadershipTeam.objects.filter(slug=data["lead_team"]).values("pk")[:1])
    queryset = queryset.filter(filters)
    queryset = _filter_related(queryset, data)
    if data.get("stale"):
        queryset = queryset.stale()
    if data.get("q"):
        queryset = project_search(queryset, data["q"])
        if data.get("sort") in (None, "", "relevance"):
            return queryset
    return queryset.order_by(*SORTS.get(data.get("sort") or "updated", SORTS["updated"]))


def _filter_related(queryset, data: dict):
    # Many-to-many filters go through subqueries, so a project is never listed twice.
    through = Project
    if data.get("organisation"):
        code = data["organisation"]
        partner = through.partner_organisations.through.objects.filter(organisation__code__iexact=code)
        queryset = queryset.filter(
            Q(owner_organisation__code__iexact=code) | Q(pk__in=partner.values("project_id"))
        )
    related = {
        "programme_item": (through.programme_items.through, "programmeitem_id"),
        "goal": (through.wellbeing_goals.through, "wellbeinggoal__number"),
        "service": (through.services.through, "service__lgsl_code"),
        "tag": (through.tags.through, "tag__slug"),
    }
    for name, (model, lookup) in related.items():
        if data.get(name) not in (None, ""):
            queryset = queryset.filter(
                pk__in=model.objects.filter(**{lookup: data[name]}).values("project_id")
            )
    return queryset


def team_portfolio(team: LeadershipTeam, visible) -> dict:
    """A team's projects (that the viewer may see) counted by phase and by programme item."""
    projects = visible.for_team(team)
    by_phase = dict(projects.order_by().values_list("phase").annotate(n=Count("pk")))
    items = (
        ProgrammeItem.objects.filter(programme__team=team)
        .order_by("number")
        .annotate(n=Count("projects", filter=Q(projects__in=projects.values("pk"))))
    )
    return {
        "phases": [(value, label, by_phase.get(value, 0)) for value, label in Phase.choices],
        "programme_items": list(items),
        "total": sum(by_phase.values()),
        "stale": projects.stale().count(),
    }
