"""Reading the portfolio: the filters shared by the list page, the exports and the API, and summaries."""

import json

from django import forms
from django.db.models import CharField, Count, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from porth.core.forms import replace_default_choice_message
from porth.core.language import in_name_order
from porth.core.phases import Phase
from porth.directory.models import (
    LeadershipTeam,
    Organisation,
    OrganisationKind,
    ProgrammeItem,
    Service,
    WellbeingGoal,
)

from .models import Project, Status, Tag, Visibility
from .search import project_search

SORTS = {
    "updated": ("-last_update_at", "-id"),
    "oldest_update": ("last_update_at", "id"),
    "title": ("title_en", "title_cy", "id"),
    "newest": ("-created_at", "-id"),
}
# Longer is pasted text, not a search; every entrance (page, export, API) refuses it with the form's message.
MAX_QUERY_LENGTH = 200


class NamedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes that know the names of what they stand for by language: each option's `names` (JSON), which
    the page gives its checkbox as data-names, so that the type-ahead finds a name in either language on
    either language's page. (The page writes the inputs itself: rendering each through its template cost
    more than the rest of the form.)"""

    names: dict[str, dict[str, str]] = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["names"] = json.dumps(self.names.get(str(value), {}), ensure_ascii=False)
        return option


class OrganisationsField(forms.MultipleChoiceField):
    """Organisations by code, several at once. A code in other letters' case still works, as it did when the
    filter was a box to type a code in (and so do links made then)."""

    widget = NamedCheckboxes

    def to_python(self, value):
        codes = {str(code).casefold(): code for code, _ in self.choices}
        return [codes.get(text.strip().casefold(), text) for text in super().to_python(value)]


def _services_and_tags(visible) -> tuple[list, list]:
    """The council services and the tags that at least one project the reader may see has, as choices: a
    private project's tags are not listed to people who may not see it. One query for both (a UNION), as the
    list page keeps count of its queries."""

    def in_use(model, relation: str, value, label: str, kind: str):
        used = model.objects.filter(Exists(visible.filter(**{relation: OuterRef("pk")})))
        return used.order_by().values_list(Value(kind, output_field=CharField()), value, label)

    services = in_use(Service, "services", Cast("lgsl_code", CharField()), "label", "service")
    rows = services.union(in_use(Tag, "tags", "slug", "name", "tag"), all=True)
    choices = {"service": [], "tag": []}
    for kind, value, label in sorted(rows, key=lambda row: row[2].casefold()):
        choices[kind].append((value, label))
    return choices["service"], choices["tag"]


class ProjectFilterForm(forms.Form):
    """The portfolio's filters. The same names work as query parameters for the pages, exports and API.

    Filters are chosen by name and sent by code, id or slug: the URLs stay stable and readable. `visible` is
    the reader's projects (permissions.projects_visible_to); the tags and services offered are theirs."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Words from the titles, summaries, organisations or tags, in English or Welsh"),
        error_messages={"max_length": _("Your search must be %(limit_value)d characters or fewer")},
    )
    phase = forms.MultipleChoiceField(
        label=_("Phase"), required=False, choices=Phase.choices, widget=forms.CheckboxSelectMultiple
    )
    status = forms.MultipleChoiceField(
        label=_("Status"), required=False, choices=Status.choices, widget=forms.CheckboxSelectMultiple
    )
    stale = forms.BooleanField(label=_("Only projects with no update for 90 days"), required=False)
    organisation = OrganisationsField(
        label=_("Organisations"),
        required=False,
        help_text=_("Projects that any of them owns or is a partner in"),
        error_messages={"invalid_choice": _("Choose organisations from the list")},
    )
    kind = forms.ChoiceField(label=_("Kind of owner organisation"), required=False)
    lead_team = forms.ChoiceField(label=_("Lead team"), required=False)
    programme_item = forms.ChoiceField(label=_("Programme item"), required=False)
    goal = forms.ChoiceField(label=_("Well-being goal"), required=False)
    service = forms.TypedChoiceField(label=_("Council service"), required=False, coerce=int, empty_value=None)
    tag = forms.ChoiceField(label=_("Tag"), required=False)
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

    def __init__(self, *args, visible=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible is None:
            visible = Project.objects.filter(visibility=Visibility.PUBLIC)
        self._organisation_choices()
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
        services, tags = _services_and_tags(visible)
        self.fields["service"].choices = [("", _("All council services")), *services]
        self.fields["tag"].choices = [("", _("All tags")), *tags]
        replace_default_choice_message(self, _("Choose a value from the list"))

    def _organisation_choices(self):
        # By name in the reader's language (or the other, marked, when it has none), in that language's
        # alphabetical order.
        organisations = in_name_order(Organisation.objects.only("code", "name_en", "name_cy"))
        field = self.fields["organisation"]
        field.choices = [(o.code, o.name) for o in organisations]
        field.widget.names = {
            o.code: {lang: name for lang, name in (("en", o.name_en), ("cy", o.name_cy)) if name}
            for o in organisations
        }


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
        # By id, not by a join on the code, so that the (owner_organisation, last_update_at) index serves.
        ids = Organisation.objects.filter(code__in=data["organisation"]).values("pk")
        partner = through.partner_organisations.through.objects.filter(organisation_id__in=ids)
        queryset = queryset.filter(Q(owner_organisation_id__in=ids) | Q(pk__in=partner.values("project_id")))
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
