"""Forms for projects: the record itself, an update, a hand-over and working together."""

from django import forms
from django.utils.translation import gettext_lazy as _

from porth.accounts.forms import EMAIL_MESSAGES
from porth.accounts.models import User
from porth.core.forms import (
    CountedCharField,
    GovukDateField,
    NamedChoiceField,
    NamedMultipleChoiceField,
    link_rows_add,
    link_rows_clean,
    link_rows_data,
    link_rows_initial,
    replace_default_choice_message,
)
from porth.core.phases import Phase
from porth.core.text import long_tag_problem, validate_visible_text
from porth.directory.models import LeadershipTeam, Organisation, ProgrammeItem, Service, WellbeingGoal

from .models import BudgetBand, Collaboration, CollaborationRequest, Project, Status, Visibility
from .services import project_problems

CONTACT_ROWS = 2
LINK_ROWS = 3


def _named(field, label=lambda o: str(o.name)):
    field.label_from_instance = label
    return field


class ProjectForm(forms.Form):
    """A project's record. Write the title and summary in either language first; the other can follow."""

    title_en = CountedCharField(
        label=_("Title in English"), max_length=200, required=False, validators=[validate_visible_text]
    )
    title_cy = CountedCharField(
        label=_("Title in Welsh"), max_length=200, required=False, validators=[validate_visible_text]
    )
    summary_en = CountedCharField(
        label=_("Summary in English"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "data-similar-source": ""}),
    )
    summary_cy = CountedCharField(
        label=_("Summary in Welsh"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "data-similar-source": ""}),
    )
    owner_organisation = NamedChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="code",
        label=_("Organisation that owns it"),
        empty_label=_("Choose an organisation"),
        error_messages={
            "required": _("Choose the organisation that owns the project"),
            "invalid_choice": _("Choose one of your organisations"),
        },
    )
    partner_organisations = NamedMultipleChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Partner organisations"),
    )
    phase = forms.ChoiceField(
        label=_("Phase"),
        choices=Phase.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the phase")},
    )
    status = forms.ChoiceField(
        label=_("How it is going"),
        choices=Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how it is going")},
    )
    status_reason = CountedCharField(label=_("Why, in a sentence (optional)"), max_length=300, required=False)
    started_on = GovukDateField(
        label=_("Start date (optional)"), required=False, help_text=_("For example, 1 4 2026")
    )
    expected_end_on = GovukDateField(
        label=_("Expected end date (optional)"), required=False, help_text=_("For example, 31 3 2027")
    )
    budget_band = forms.ChoiceField(
        label=_("Budget"),
        choices=BudgetBand.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the budget")},
    )
    collaboration = forms.ChoiceField(
        label=_("Working with others"),
        choices=Collaboration.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how open you are to working with others")},
    )
    lead_team = forms.ModelChoiceField(
        queryset=LeadershipTeam.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Lead team"),
        empty_label=_("No lead team"),
    )
    supporting_teams = forms.ModelMultipleChoiceField(
        queryset=LeadershipTeam.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Supporting teams"),
    )
    programme_items = forms.ModelMultipleChoiceField(
        queryset=ProgrammeItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Which parts of the teams' programmes it helps with"),
    )
    wellbeing_goals = forms.ModelMultipleChoiceField(
        queryset=WellbeingGoal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Well-being goals it contributes to"),
    )
    service_1 = forms.ModelChoiceField(
        queryset=Service.objects.none(),
        to_field_name="lgsl_code",
        required=False,
        label=_("Council service it is about (optional)"),
        empty_label=_("None"),
        help_text=_("From the Local Government Service List, which is in English only"),
    )
    service_2 = forms.ModelChoiceField(
        queryset=Service.objects.none(),
        to_field_name="lgsl_code",
        required=False,
        label=_("Another council service (optional)"),
        empty_label=_("None"),
    )
    tags = forms.CharField(
        label=_("Tags (optional)"),
        max_length=300,
        required=False,
        help_text=_("Words that help others find it, separated by commas, for example: booking, waste"),
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who can see the project")},
    )
    # Set by the page's script once it has shown similar projects as the person typed. When it is not set
    # (no JavaScript), a new project is not saved until its similar projects have been shown on a page.
    similar_seen = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, owner_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = (
            owner_choices if owner_choices is not None else Organisation.objects.all()
        )
        self.fields["partner_organisations"].queryset = Organisation.objects.all()
        for name in (
            "lead_team",
            "supporting_teams",
            "wellbeing_goals",
        ):
            _named(self.fields[name])
        self.fields["lead_team"].queryset = LeadershipTeam.objects.all()
        self.fields["supporting_teams"].queryset = LeadershipTeam.objects.all()
        self.fields["wellbeing_goals"].queryset = WellbeingGoal.objects.all()
        self.fields["programme_items"].queryset = ProgrammeItem.objects.select_related("programme__team")
        _named(
            self.fields["programme_items"], lambda i: f"{i.programme.team.short_name}: {i.number}. {i.title}"
        )
        for name in ("service_1", "service_2"):
            self.fields[name].queryset = Service.objects.all()
            self.fields[name].widget.attrs["data-autocomplete"] = "service"
            _named(self.fields[name], lambda s: s.label)
        replace_default_choice_message(self, _("Choose from the list"))
        self._add_rows()

    def _add_rows(self):
        for n in range(1, CONTACT_ROWS + 1):
            self.fields[f"contact_{n}_name"] = forms.CharField(
                label=_("Name"), max_length=200, required=False
            )
            self.fields[f"contact_{n}_role"] = forms.CharField(
                label=_("Role"), max_length=200, required=False
            )
            self.fields[f"contact_{n}_email"] = forms.EmailField(
                label=_("Email address"), required=False, error_messages=EMAIL_MESSAGES
            )
        link_rows_add(self, LINK_ROWS)

    def clean_tags(self):
        text = self.cleaned_data["tags"]
        problem = long_tag_problem(text)
        if problem:
            raise forms.ValidationError(problem)
        return text

    def clean(self):
        data = super().clean()
        # The project's own rules, from the one place the service keeps them too.
        names = (
            "title_en",
            "title_cy",
            "summary_en",
            "summary_cy",
            "owner_organisation",
            "started_on",
            "expected_end_on",
        )
        draft = Project(**{name: data.get(name) or None for name in names})
        for name, message in project_problems(
            draft, {"partner_organisations": data.get("partner_organisations") or []}
        ).items():
            if name not in self.errors:
                self.add_error(name, message)
        self._clean_rows(data)
        return data

    def _clean_rows(self, data):
        for n in range(1, CONTACT_ROWS + 1):
            if (data.get(f"contact_{n}_email") or data.get(f"contact_{n}_role")) and not data.get(
                f"contact_{n}_name"
            ):
                self.add_error(f"contact_{n}_name", _("Enter the contact's name"))
        link_rows_clean(self, data, LINK_ROWS)

    # --- turning the form into the service's arguments, and a project back into the form

    def similar_text(self) -> str:
        """The words similar projects are looked for by: the title and summary, in both languages."""
        names = ("title_en", "title_cy", "summary_en", "summary_cy")
        return "\n".join(self.cleaned_data[name] for name in names if self.cleaned_data.get(name))

    def project_fields(self) -> dict:
        data = self.cleaned_data
        names = (
            "title_en",
            "title_cy",
            "summary_en",
            "summary_cy",
            "owner_organisation",
            "phase",
            "status",
            "status_reason",
            "started_on",
            "expected_end_on",
            "budget_band",
            "collaboration",
            "lead_team",
            "visibility",
        )
        fields = {name: data[name] for name in names}
        fields["contacts"] = [
            {
                "name": data[f"contact_{n}_name"],
                "role": data[f"contact_{n}_role"],
                "email": data[f"contact_{n}_email"],
            }
            for n in range(1, CONTACT_ROWS + 1)
            if data[f"contact_{n}_name"]
        ]
        fields["links"] = link_rows_data(data, LINK_ROWS)
        return fields

    def related(self) -> dict:
        data = self.cleaned_data
        related = {
            name: list(data[name])
            for name in ("partner_organisations", "supporting_teams", "programme_items", "wellbeing_goals")
        }
        related["services"] = [s for s in (data["service_1"], data["service_2"]) if s]
        return related

    @staticmethod
    def initial_for(project: Project) -> dict:
        initial = {
            name: getattr(project, name)
            for name in (
                "title_en",
                "title_cy",
                "summary_en",
                "summary_cy",
                "phase",
                "status",
                "status_reason",
                "started_on",
                "expected_end_on",
                "budget_band",
                "collaboration",
                "visibility",
            )
        }
        initial["owner_organisation"] = project.owner_organisation.code
        initial["lead_team"] = project.lead_team.slug if project.lead_team else None
        initial["partner_organisations"] = [o.code for o in project.partner_organisations.all()]
        initial["supporting_teams"] = [t.slug for t in project.supporting_teams.all()]
        initial["programme_items"] = [i.pk for i in project.programme_items.all()]
        initial["wellbeing_goals"] = [g.pk for g in project.wellbeing_goals.all()]
        services = [s.lgsl_code for s in project.services.all()]
        initial["service_1"], initial["service_2"] = [*services, None, None][:2]
        initial["tags"] = ", ".join(t.name for t in project.tags.all())
        for n, contact in enumerate(project.contacts[:CONTACT_ROWS], start=1):
            for key in ("name", "role", "email"):
                initial[f"contact_{n}_{key}"] = contact.get(key, "")
        initial.update(link_rows_initial(project.links, LINK_ROWS))
        return initial


class UpdateForm(forms.Form):
    status = forms.ChoiceField(
        label=_("How is it going?"),
        choices=Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how it is going")},
    )
    status_reason = CountedCharField(label=_("Why, in a sentence (optional)"), max_length=300, required=False)
    # Not required: a report sent without it (an older page, a script) keeps the phase the project has.
    phase = forms.ChoiceField(
        label=_("Which phase is it in now?"),
        choices=Phase.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    what_happened = CountedCharField(
        label=_("What has happened since the last update?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Say what has happened"),
            "max_length": _("Keep it to 3,000 characters or fewer"),
        },
    )
    whats_next = CountedCharField(
        label=_("What happens next? (optional)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Keep it to 3,000 characters or fewer")},
    )


class HandOverForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the new owner"),
        error_messages=EMAIL_MESSAGES,
        help_text=_("They need a Porth account."),
    )
    keep_me = forms.BooleanField(label=_("Keep me as an owner too"), required=False)

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("There is no Porth account with that email address"))
        self.cleaned_data["user"] = user
        return email


class AskToJoinForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What would you like?"),
        choices=CollaborationRequest.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what you would like")},
    )
    organisation = NamedChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="code",
        label=_("On behalf of"),
        empty_label=_("Choose your organisation"),
        error_messages={
            "required": _("Choose your organisation"),
            "invalid_choice": _("Choose one of your organisations"),
        },
    )
    message = CountedCharField(
        label=_("Your message to the owners"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a short message to the owners")},
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select accept or decline")},
    )
    reply = CountedCharField(
        label=_("Reply (optional)"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
