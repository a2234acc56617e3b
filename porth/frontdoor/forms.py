"""The questions of the front-door journey (one per page) and the triage forms for teams."""

from django import forms
from django.utils.translation import gettext_lazy as _

from porth.accounts.forms import EMAIL_MESSAGES
from porth.accounts.permissions import organisations_to_ask_for
from porth.core.forms import CountedCharField, NamedChoiceField, NamedMultipleChoiceField
from porth.core.phases import REQUEST_PHASES
from porth.core.text import validate_visible_text
from porth.directory.models import LeadershipTeam, Organisation
from porth.routing.models import Help, HelperRole, WorkKind

from . import services
from .models import HelpRequest, Timescale

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class QuestionForm(forms.Form):
    """A form that asks one question: its `question_field` label is the page heading."""

    question_field = ""
    # The answers that show the question has been answered; by default, every field of the form.
    answer_keys: tuple[str, ...] = ()
    skip_when_answered = False

    @classmethod
    def answer_names(cls) -> tuple[str, ...]:
        return cls.answer_keys or tuple(cls.base_fields)

    def answers(self) -> dict:
        """The cleaned answers in a form that can be kept in the session (codes, strings, booleans)."""
        return dict(self.cleaned_data)

    @classmethod
    def initial_from(cls, stored: dict) -> dict:
        return {name: stored[name] for name in cls.base_fields if name in stored}

    @classmethod
    def applies(cls, answers: dict) -> bool:
        """Whether the question is asked at all, given the answers so far."""
        return True

    @classmethod
    def is_answered(cls, answers: dict) -> bool:
        return all(name in answers for name in cls.answer_names())


def _organisations():
    return Organisation.objects.all()


class OrganisationForm(QuestionForm):
    question_field = "organisation"
    organisation = NamedChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="code",
        label=_("Which organisation do you work for?"),
        help_text=_("Start typing the name in English or Welsh, then choose it from the list."),
        empty_label=_("Choose an organisation"),
        widget=forms.Select(attrs={"data-autocomplete": "organisation"}),
        error_messages={
            "required": _("Choose the organisation you work for"),
            "invalid_choice": _("Choose an organisation from the list"),
        },
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Signed in, a person asks for an organisation they may ask for; before signing in, any (it is
        # checked again when the request is sent).
        choices = _organisations()
        if user is not None and user.is_authenticated:
            choices = organisations_to_ask_for(user)
            self.fields["organisation"].label = _("Which organisation are you asking for?")
            self.fields["organisation"].help_text = _(
                "Your own organisation, or, if you work in a leadership team, a body your team serves. "
                "Start typing the name in English or Welsh, then choose it from the list."
            )
            self.fields["organisation"].error_messages["invalid_choice"] = _(
                "Choose an organisation you work for, or one your leadership team serves"
            )
        self.fields["organisation"].queryset = choices

    def answers(self):
        return {"organisation": self.cleaned_data["organisation"].code}


class OthersForm(QuestionForm):
    question_field = "others"
    others = NamedMultipleChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Which other organisations are involved?"),
        help_text=_("Select all that apply. Leave them all unselected if no other organisation is involved."),
        error_messages={"invalid_choice": _("Choose organisations from the list")},
    )

    def __init__(self, *args, asking: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["others"].queryset = _organisations().exclude(code=asking)

    def answers(self):
        return {"others": [o.code for o in self.cleaned_data["others"]]}


# Whose work it is, or how an organisation that only helps is involved (the routing's helper roles).
ROLE_CHOICES = [("owner", _("It is their work too")), *HelperRole.choices]


class RolesForm(QuestionForm):
    """How each of the other organisations is involved: whose work it is, and who only helps."""

    question_field = ""
    answer_keys = ("roles",)

    def __init__(self, *args, others: list[Organisation] = (), **kwargs):
        super().__init__(*args, **kwargs)
        for organisation in others:
            self.fields[organisation.code] = forms.ChoiceField(
                choices=ROLE_CHOICES,
                widget=forms.RadioSelect,
                label=str(organisation.name),
                error_messages={
                    "required": _("Select how %(organisation)s is involved")
                    % {"organisation": organisation.name}
                },
            )

    @classmethod
    def applies(cls, answers: dict) -> bool:
        return bool(answers.get("others"))

    @classmethod
    def is_answered(cls, answers: dict) -> bool:
        # Answered for every organisation named now (one added after answering needs a role too).
        return set(answers.get("others", [])) <= set(answers.get("roles", {}))

    @classmethod
    def initial_from(cls, stored: dict) -> dict:
        return dict(stored.get("roles", {}))

    def answers(self):
        return {"roles": dict(self.cleaned_data)}


class TitleForm(QuestionForm):
    question_field = "title"
    title = CountedCharField(
        label=_("What is the work called?"),
        help_text=_(
            "A short name that others will recognise, for example 'Booking a visit to a recycling centre'."
        ),
        max_length=150,
        validators=[validate_visible_text],
        error_messages={
            "required": _("Enter a name for the work"),
            "max_length": _("The name must be 150 characters or fewer"),
        },
    )


class DescriptionForm(QuestionForm):
    question_field = "description"
    answer_keys = ("description",)
    description = CountedCharField(
        label=_("What is the problem, and who is it for?"),
        help_text=_("Say what is not working today, who it affects and what you hope will change."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8, "data-similar-source": ""}),
        error_messages={
            "required": _("Describe the problem and who it is for"),
            "max_length": _("The description must be 5,000 characters or fewer"),
        },
    )

    # Set by the page's script once it has shown similar projects as the person typed, so that the journey
    # can skip the page that shows them to people without JavaScript.
    similar_seen = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def answers(self):
        answers = {"description": self.cleaned_data["description"]}
        if self.cleaned_data.get("similar_seen"):
            answers["similar_seen"] = True
        return answers

    def clean_description(self):
        text = self.cleaned_data["description"]
        problem = services.description_problem(text)
        if problem:
            raise forms.ValidationError(problem)
        return text


class SimilarForm(QuestionForm):
    """The page that shows similar projects when the description was written without JavaScript."""

    # Skipped when the question page already showed them (its script says so in `similar_seen`).
    skip_when_answered = True

    similar_seen = forms.BooleanField(required=False, initial=True, widget=forms.HiddenInput)

    def answers(self):
        return {"similar_seen": True}


class YesNoForm(QuestionForm):
    """A yes-or-no question, kept as a boolean."""

    def clean(self):
        cleaned = super().clean()
        if self.question_field in cleaned:
            cleaned[self.question_field] = cleaned[self.question_field] == "yes"
        return cleaned

    @classmethod
    def initial_from(cls, stored):
        value = stored.get(cls.question_field)
        return {} if value is None else {cls.question_field: "yes" if value else "no"}


class OwnWorkForm(YesNoForm):
    question_field = "asker_owns"
    asker_owns = forms.ChoiceField(
        choices=YES_NO,
        widget=forms.RadioSelect,
        label=_("Is it your organisation's own work?"),
        help_text=_(
            "Say no if you are asking on behalf of others: for example the WLGA digital team asking for "
            "councils, or a consortium asking for its members."
        ),
        error_messages={"required": _("Select yes if it is your organisation's own work")},
    )

    def __init__(self, *args, owners_named: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.owners_named = owners_named

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("asker_owns") is False and not self.owners_named:
            self.add_error(
                "asker_owns",
                _(
                    "Select yes, or go back and name the organisations whose work it is, and say that it is "
                    "their work"
                ),
            )
        return cleaned


class WorkKindForm(QuestionForm):
    question_field = "work_kind"
    work_kind = forms.ChoiceField(
        choices=[*WorkKind.choices, ("not_sure", _("Not sure"))],
        widget=forms.RadioSelect,
        label=_("What kind of work is it?"),
        error_messages={"required": _("Select the kind of work, or not sure")},
    )

    @classmethod
    def initial_from(cls, stored: dict) -> dict:
        if "work_kind" not in stored:
            return {}
        return {"work_kind": stored["work_kind"] or "not_sure"}

    def answers(self):
        kind = self.cleaned_data["work_kind"]
        return {"work_kind": "" if kind == "not_sure" else kind}


class HealthForm(YesNoForm):
    question_field = "health_or_social_care"
    health_or_social_care = forms.ChoiceField(
        choices=YES_NO,
        widget=forms.RadioSelect,
        label=_("Is the work about health or social care?"),
        help_text=_("For example, a hospital appointment system, or a council's adult social care service."),
        error_messages={"required": _("Select yes if the work is about health or social care")},
    )


class WelshGovernmentForm(YesNoForm):
    question_field = "welsh_government_service"
    welsh_government_service = forms.ChoiceField(
        choices=YES_NO,
        widget=forms.RadioSelect,
        label=_("Is it a service that the Welsh Government runs?"),
        error_messages={"required": _("Select yes if the Welsh Government runs the service")},
    )


class HelpForm(QuestionForm):
    question_field = "help_wanted"
    help_wanted = forms.MultipleChoiceField(
        choices=Help.choices,
        widget=forms.CheckboxSelectMultiple,
        label=_("What help would you like?"),
        help_text=_("Select all that apply."),
        error_messages={
            "required": _("Select at least one kind of help"),
            "invalid_choice": _("Select kinds of help from the list"),
        },
    )


class PhaseForm(QuestionForm):
    question_field = "phase"
    phase = forms.ChoiceField(
        choices=REQUEST_PHASES,
        widget=forms.RadioSelect,
        label=_("What phase is the work in?"),
        error_messages={"required": _("Select the phase the work is in")},
    )


class TimescaleForm(QuestionForm):
    question_field = "timescale"
    timescale = forms.ChoiceField(
        choices=Timescale.choices,
        widget=forms.RadioSelect,
        label=_("When do you need help?"),
        error_messages={"required": _("Select when you need help")},
    )


class ContactForm(QuestionForm):
    contact_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        error_messages={"required": _("Enter your full name")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We will only use this to talk to you about this request."),
        error_messages=EMAIL_MESSAGES,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    contact_phone = forms.CharField(
        label=_("Telephone number (optional)"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        problem = services.phone_problem(phone)
        if problem:
            raise forms.ValidationError(problem)
        return phone


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[(v, label) for v, label in HelpRequest.Status.choices if v != HelpRequest.Status.REDIRECTED],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the new status")},
    )
    message = CountedCharField(
        label=_("Message to the person who asked (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("The message must be 5,000 characters or fewer")},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == HelpRequest.Status.NEEDS_INFORMATION and not cleaned.get("message"):
            self.add_error("message", _("Say what more information you need"))
        return cleaned


class RedirectForm(forms.Form):
    team = forms.ModelChoiceField(
        queryset=LeadershipTeam.objects.none(),
        to_field_name="slug",
        label=_("Team to pass it to"),
        empty_label=_("Choose a team"),
        error_messages={"required": _("Choose the team to pass it to"), "invalid_choice": _("Choose a team")},
    )
    reason = CountedCharField(
        label=_("Why this team should lead"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why this team should lead")},
    )
    keep_supporting = forms.BooleanField(
        label=_("Keep my team as a supporting team"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams if teams is not None else LeadershipTeam.objects.none()
        self.fields["team"].label_from_instance = lambda t: str(t.name)


class MessageForm(forms.Form):
    message = CountedCharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Enter a message"),
            "max_length": _("The message must be 5,000 characters or fewer"),
        },
    )
