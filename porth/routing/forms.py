"""Forms for administrators editing routing rule sets."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from porth.core.forms import CountedCharField, GovukDateField
from porth.directory.models import LeadershipTeam


class ConditionField(forms.JSONField):
    """A condition as JSON. Text nested too deep for the JSON reader is refused as invalid, not a crash."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except RecursionError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error

    def bound_data(self, data, initial):
        try:
            return super().bound_data(data, initial)
        except RecursionError:
            return forms.fields.InvalidJSONInput(data)


class RuleForm(forms.Form):
    """One routing rule, as an administrator edits it. The condition is the engine's small JSON vocabulary."""

    code = forms.RegexField(
        label=_("Code"),
        help_text=_("Capital letters, numbers and underscores, for example COUNCIL_WORK. It never changes."),
        regex=r"^[A-Z][A-Z0-9_]{1,39}$",
        error_messages={
            "required": _("Enter a code for the rule"),
            "invalid": _("Use 2 to 40 capital letters, numbers and underscores, starting with a letter"),
        },
    )
    kind = forms.ChoiceField(
        label=_("What the rule does"),
        choices=[
            ("lead", _("Chooses the lead team (or adds support if an earlier rule chose the lead)")),
            ("support", _("Adds supporting teams")),
            ("fallback", _("Chooses the lead team only if no rule has")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what the rule does")},
    )
    condition = ConditionField(
        label=_("When it applies"),
        help_text=_(
            'A condition in Porth\'s rule vocabulary, for example {"fact": "health_or_social_care", "is": true}.'  # noqa: E501
        ),
        widget=forms.Textarea(
            attrs={"rows": 6, "spellcheck": "false", "class": "govuk-!-font-family-monospace"}
        ),
        error_messages={
            "required": _("Enter the condition"),
            "invalid": _("The condition must be valid JSON"),
        },
    )
    lead = forms.ModelChoiceField(
        queryset=LeadershipTeam.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Lead team"),
        empty_label=_("No lead team"),
        error_messages={"invalid_choice": _("Choose a team from the list")},
    )
    support = forms.ModelMultipleChoiceField(
        queryset=LeadershipTeam.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Supporting teams"),
        error_messages={"invalid_choice": _("Choose teams from the list")},
    )
    reason_en = CountedCharField(
        label=_("Reason shown to people, in English"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Enter the reason in English")},
    )
    reason_cy = CountedCharField(
        label=_("Reason shown to people, in Welsh"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Enter the reason in Welsh")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("lead", "support"):
            self.fields[name].queryset = LeadershipTeam.objects.all()
            self.fields[name].label_from_instance = lambda t: str(t.name)

    def clean(self):
        cleaned = super().clean()
        kind, lead = cleaned.get("kind"), cleaned.get("lead")
        if kind in {"lead", "fallback"} and not lead:
            self.add_error("lead", _("Choose the lead team: this kind of rule needs one"))
        if kind == "support" and not cleaned.get("support"):
            self.add_error("support", _("Choose at least one supporting team"))
        if kind == "support":
            cleaned["lead"] = None
        return cleaned

    def rule_data(self) -> dict:
        data = self.cleaned_data
        return {
            "code": data["code"],
            "kind": data["kind"],
            "condition": data["condition"],
            "lead": data["lead"].slug if data["lead"] else None,
            "support": [team.slug for team in data["support"]],
            "reason_en": data["reason_en"],
            "reason_cy": data["reason_cy"],
        }

    @staticmethod
    def initial_for(rule: dict) -> dict:
        return {**rule, "support": rule.get("support", [])}


class PublishForm(forms.Form):
    effective_from = GovukDateField(
        label=_("In force from"),
        help_text=_("New requests are routed with these rules from this date. For example, 1 4 2027"),
        error_messages={"required": _("Enter the date the rules come into force")},
    )

    def clean_effective_from(self):
        day = self.cleaned_data["effective_from"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("The date must be today or in the future"))
        return day


class NotesForm(forms.Form):
    notes_en = CountedCharField(
        label=_("What changed and why, in English"),
        help_text=_(
            "Needed, in both languages, before the version can be published. Up to 2,000 characters."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("The note must be 2,000 characters or fewer")},
    )
    notes_cy = CountedCharField(
        label=_("What changed and why, in Welsh"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("The note must be 2,000 characters or fewer")},
    )
