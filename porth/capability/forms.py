"""Forms of the specialist pool and the squads. They parse what people type; the rules live in the models'
clean() and the services, which every entrance shares."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from porth.accounts.models import User
from porth.accounts.permissions import organisations_to_ask_for
from porth.core.forms import (
    CountedCharField,
    GovukDateField,
    NamedChoiceField,
    replace_default_choice_message,
)
from porth.core.phases import Phase
from porth.core.text import validate_visible_text
from porth.directory.models import LeadershipTeam, Organisation
from porth.portfolio.permissions import projects_visible_to

from .models import DdatRole, Pool, RoleFamily, Skill, Specialist, Visibility, WelshLevel, validate_half_days

ORGANISATION_ROWS = 4
PROJECT_ROWS = 3
YES_NO = [("yes", pgettext_lazy("there is a need", "Yes")), ("no", pgettext_lazy("there is a need", "No"))]


def _named(field, label=lambda o: str(o.name)):
    field.label_from_instance = label
    return field


class DaysField(forms.CharField):
    """Days a week, as "2", "2.5" or "2,5": from half a day to five, in half days."""

    def __init__(self, **kwargs):
        # No max_length: its validator would measure the number, not the text typed.
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "maxlength": 4}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value).replace(",", ".")[:10]
        if not text:
            return None
        try:
            days = Decimal(text)
        except InvalidOperation:
            days = None  # validate_half_days says what is wanted
        validate_half_days(days)
        return days


class ProjectField(forms.CharField):
    """A portfolio project, by its number or its address (…/projects/123/), among those the reader may see."""

    PATTERN = re.compile(r"^(?:.*/projects/)?(\d{1,12})/?$")

    def __init__(self, *, user=None, **kwargs):
        self.user = user
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value).strip()[:300]
        if not text:
            return None
        match = self.PATTERN.match(text)
        project = projects_visible_to(self.user).filter(pk=int(match.group(1))).first() if match else None
        if project is None:
            raise ValidationError(
                _("Enter the number of a project in the portfolio, or its address, for example 123"),
                code="project",
            )
        return project

    def prepare_value(self, value):
        return getattr(value, "pk", value)


def _role_field(label, required=True):
    groups = {}
    for role in DdatRole.objects.all():
        groups.setdefault(role.family, []).append((role.slug, str(role.name)))
    choices = [("", _("Choose a role"))]
    choices += [(RoleFamily(family).label, roles) for family, roles in groups.items()]
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        error_messages={"required": _("Choose the role"), "invalid_choice": _("Choose a role from the list")},
    )


def _skills_field(label, help_text):
    return _named(
        forms.ModelMultipleChoiceField(
            queryset=Skill.objects.all(),
            to_field_name="slug",
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=label,
            help_text=help_text,
            error_messages={"invalid_choice": _("Choose skills from the list")},
        )
    )


class RoleCleaning:
    def clean_role(self):
        slug = self.cleaned_data.get("role")
        return DdatRole.objects.filter(slug=slug).first() if slug else None


class SpecialistRequestForm(RoleCleaning, forms.Form):
    """What an organisation asks a pool for."""

    organisation = NamedChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="code",
        label=_("Which organisation is it for?"),
        help_text=_("Your own organisation, or, if you work in a leadership team, a body your team serves."),
        empty_label=_("Choose an organisation"),
        widget=forms.Select(attrs={"data-autocomplete": "organisation"}),
        error_messages={
            "required": _("Choose the organisation it is for"),
            "invalid_choice": _("Choose an organisation you work for, or one your leadership team serves"),
        },
    )
    pool = forms.ModelChoiceField(
        queryset=Pool.objects.none(),
        to_field_name="slug",
        label=_("Which pool are you asking?"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Choose the pool you are asking"),
            "invalid_choice": _("Choose a pool"),
        },
    )
    what_for = CountedCharField(
        label=_("What is the work, and what should the specialist do?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Say what the work is and what the specialist should do")},
    )
    days_per_week = DaysField(
        label=_("How many days a week?"),
        help_text=_("In half days, for example 2 or 2.5"),
        error_messages={"required": _("Enter how many days a week you need")},
    )
    starts_on = GovukDateField(
        label=_("From"),
        help_text=_("Bookings are by the week, Monday to Friday. For example, 6 4 2026"),
        error_messages={"required": _("Enter the date you need someone from")},
    )
    ends_on = GovukDateField(
        label=_("To"),
        help_text=_("For example, 26 6 2026"),
        error_messages={"required": _("Enter the date you need someone until")},
    )
    welsh_needed = forms.TypedChoiceField(
        label=_("Does the specialist need to work in Welsh?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if the specialist needs to work in Welsh")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"] = _role_field(_("Which role do you need?"))
        self.fields["skills"] = _skills_field(
            _("Which skills would help? (optional)"), _("Select all that apply.")
        )
        self.fields["project"] = ProjectField(
            user=user,
            label=_("Which project is it for? (optional)"),
            help_text=_("The project's number in the portfolio, or its address, for example 123"),
        )
        self.order_fields(
            ["organisation", "pool", "role", "skills", "what_for", "days_per_week", "starts_on", "ends_on"]
        )
        self.fields["organisation"].queryset = organisations_to_ask_for(user)
        self.fields["pool"].queryset = Pool.objects.select_related("team")
        _named(self.fields["pool"], lambda p: f"{p.name}: {p.summary}" if p.summary else str(p.name))
        replace_default_choice_message(self, _("Choose from the list"))

    def request_fields(self) -> dict:
        data = self.cleaned_data
        names = ("organisation", "pool", "role", "days_per_week", "starts_on", "ends_on", "project")
        return {
            **{name: data[name] for name in names},
            "welsh_needed": data["welsh_needed"],
            "what_for": data["what_for"],
        }


class SpecialistRequestChangeForm(SpecialistRequestForm):
    """The same questions, for a request already sent: it stays with the organisation and pool it was for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["organisation"]
        del self.fields["pool"]


class WithdrawForm(forms.Form):
    reason = CountedCharField(
        label=_("Why is it no longer needed? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DeclineForm(forms.Form):
    reason = CountedCharField(
        label=_("Why can the pool not help?"),
        help_text=_("The organisation will see this. Say what they could do instead, if you can."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say why the pool cannot help, so the organisation knows what to do")},
    )


class CancelForm(forms.Form):
    reason = CountedCharField(
        label=_("Why is the booking cancelled?"),
        help_text=_("The organisation and the specialist will see this."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the booking is cancelled; the organisation will be told")},
    )


class BookingForm(forms.Form):
    """The weeks and days of a booking; the specialist and whom it is for are chosen before."""

    first_week = GovukDateField(
        label=_("From the week that includes"),
        help_text=_("Bookings run Monday to Friday, week by week. For example, 6 4 2026"),
        error_messages={"required": _("Enter a date in the first week")},
    )
    last_week = GovukDateField(
        label=_("To the week that includes"),
        help_text=_("For example, 26 6 2026"),
        error_messages={"required": _("Enter a date in the last week")},
    )
    days_per_week = DaysField(
        label=_("Days a week"),
        help_text=_("In half days, for example 2 or 2.5"),
        error_messages={"required": _("Enter the days a week")},
    )
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)


class EngagementBookingForm(BookingForm):
    """A booking of someone from the pool for a squad engagement."""

    specialist = forms.ModelChoiceField(
        queryset=Specialist.objects.none(),
        label=_("Who from the pool?"),
        empty_label=_("Choose a specialist"),
        error_messages={
            "required": _("Choose a specialist"),
            "invalid_choice": _("Choose a specialist from the list"),
        },
    )
    organisation = NamedChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="code",
        label=_("Whose work is the time for?"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Choose the organisation the time is for"),
            "invalid_choice": _("Choose one of the organisations the squad works with"),
        },
    )

    def __init__(self, *args, engagement, specialists, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["specialist"].queryset = specialists
        _named(self.fields["specialist"], lambda s: f"{s.full_name} ({s.role.name})")
        self.fields["organisation"].queryset = engagement.organisations.all()
        self.order_fields(["specialist", "organisation", "first_week", "last_week", "days_per_week", "note"])


class LeaveForm(forms.Form):
    starts_on = GovukDateField(
        label=_("First day of leave"),
        help_text=_("For example, 4 8 2026"),
        error_messages={"required": _("Enter the first day of leave")},
    )
    ends_on = GovukDateField(
        label=_("Last day of leave"),
        help_text=_("For example, 15 8 2026"),
        error_messages={"required": _("Enter the last day of leave")},
    )
    note = forms.CharField(label=_("Note (optional)"), max_length=200, required=False)


class SpecialistForm(RoleCleaning, forms.Form):
    """A specialist's record, kept by the pool's managers."""

    pool = forms.ModelChoiceField(
        queryset=Pool.objects.none(),
        to_field_name="slug",
        label=_("Pool"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose the pool"), "invalid_choice": _("Choose a pool you manage")},
    )
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, error_messages={"required": _("Enter their full name")}
    )
    email = forms.EmailField(
        label=_("Work email address (optional)"),
        required=False,
        error_messages={"invalid": _("Enter an email address in the correct format, like name@example.com")},
    )
    account = forms.EmailField(
        label=_("Their Porth account (optional)"),
        help_text=_("The email address they sign in to Porth with, so that they can see their own bookings."),
        required=False,
        error_messages={"invalid": _("Enter an email address in the correct format, like name@example.com")},
    )
    welsh_level = forms.TypedChoiceField(
        label=_("Welsh language level"),
        choices=WelshLevel.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose their Welsh language level")},
    )
    home_team = forms.ModelChoiceField(
        queryset=LeadershipTeam.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Home team (optional)"),
        empty_label=_("None"),
    )
    home_organisation = NamedChoiceField(
        queryset=Organisation.objects.all(),
        to_field_name="code",
        required=False,
        label=_("Home organisation (optional)"),
        help_text=_("The organisation that employs them. Give a home team, a home organisation or both."),
        empty_label=_("None"),
        widget=forms.Select(attrs={"data-autocomplete": "organisation"}),
    )
    working_days = DaysField(
        label=_("Working days a week"),
        help_text=_("The days a week they give the pool, in half days, for example 3 or 4.5"),
        error_messages={"required": _("Enter their working days a week")},
    )
    joined_on = GovukDateField(
        label=_("In the pool from"),
        help_text=_("For example, 1 4 2026"),
        error_messages={"required": _("Enter the date they joined the pool")},
    )
    left_on = GovukDateField(
        label=_("In the pool until (optional)"),
        required=False,
        help_text=_("Leave it empty while they stay in the pool"),
    )
    about_en = CountedCharField(
        label=_("About them, in English (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    about_cy = CountedCharField(
        label=_("About them, in Welsh (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, pools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"] = _role_field(_("DDaT role"))
        self.fields["skills"] = _skills_field(_("Skills (optional)"), _("Select all that apply."))
        self.order_fields(["pool", "full_name", "email", "account", "role", "skills", "welsh_level"])
        self.fields["pool"].queryset = pools
        for name in ("pool", "home_team", "home_organisation"):
            _named(self.fields[name])
        replace_default_choice_message(self, _("Choose from the list"))

    def clean_account(self):
        email = self.cleaned_data.get("account")
        if not email:
            return None
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise ValidationError(_("Nobody has a Porth account with that email address"))
        return user

    def specialist_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["user"] = data.pop("account")
        data.pop("skills")
        return data

    @staticmethod
    def initial_for(specialist: Specialist) -> dict:
        return {
            "pool": specialist.pool.slug,
            "full_name": specialist.full_name,
            "email": specialist.email,
            "account": specialist.user.email if specialist.user else "",
            "role": specialist.role.slug,
            "skills": [s.slug for s in specialist.skills.all()],
            "welsh_level": specialist.welsh_level,
            "home_team": specialist.home_team.slug if specialist.home_team else None,
            "home_organisation": specialist.home_organisation.code if specialist.home_organisation else None,
            "working_days": f"{specialist.working_days.normalize():f}",
            "joined_on": specialist.joined_on,
            "left_on": specialist.left_on,
            "about_en": specialist.about_en,
            "about_cy": specialist.about_cy,
        }


class EngagementForm(forms.Form):
    """A squad engagement. Write it in either language first; the other can follow."""

    title_en = forms.CharField(
        label=_("Title in English"), max_length=200, required=False, validators=[validate_visible_text]
    )
    title_cy = forms.CharField(
        label=_("Title in Welsh"), max_length=200, required=False, validators=[validate_visible_text]
    )
    pool = forms.ModelChoiceField(
        queryset=Pool.objects.none(),
        to_field_name="slug",
        label=_("Which pool's squad is it?"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose the pool"), "invalid_choice": _("Choose a pool you manage")},
    )
    supplier = forms.CharField(
        label=_("Supplier (optional)"),
        max_length=200,
        required=False,
        help_text=_("A company or other body that is part of the squad, if there is one."),
    )
    goals_en = CountedCharField(
        label=_("Goals in English"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    goals_cy = CountedCharField(
        label=_("Goals in Welsh"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    phase = forms.ChoiceField(
        label=_("Phase"),
        choices=Phase.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the phase")},
    )
    starts_on = GovukDateField(
        label=_("From"),
        help_text=_("For example, 1 4 2026"),
        error_messages={"required": _("Enter the start date")},
    )
    ends_on = GovukDateField(
        label=_("To (optional)"), required=False, help_text=_("Leave it empty if it has no end date yet")
    )
    outcomes_en = CountedCharField(
        label=_("Outcomes in English (optional)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    outcomes_cy = CountedCharField(
        label=_("Outcomes in Welsh (optional)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    lessons_en = CountedCharField(
        label=_("Lessons in English (optional)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    lessons_cy = CountedCharField(
        label=_("Lessons in Welsh (optional)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who can see it")},
    )

    def __init__(self, *args, user, pools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pool"].queryset = pools
        _named(self.fields["pool"])
        organisations = Organisation.objects.all()
        for n in range(1, ORGANISATION_ROWS + 1):
            field = NamedChoiceField(
                queryset=organisations,
                to_field_name="code",
                required=n == 1,
                label=_("Organisation the squad works with")
                if n == 1
                else _("Another organisation (optional)"),
                empty_label=_("Choose an organisation"),
                widget=forms.Select(attrs={"data-autocomplete": "organisation"}),
                error_messages={
                    "required": _("Choose at least one organisation the squad works with"),
                    "invalid_choice": _("Choose an organisation from the list"),
                },
            )
            self.fields[f"organisation_{n}"] = _named(field)
        for n in range(1, PROJECT_ROWS + 1):
            self.fields[f"project_{n}"] = ProjectField(
                user=user,
                label=_("A project it works on (optional)"),
                help_text=_("The project's number in the portfolio, or its address, for example 123")
                if n == 1
                else None,
            )
        replace_default_choice_message(self, _("Choose from the list"))

    def clean(self):
        data = super().clean()
        if not (data.get("title_en") or data.get("title_cy")):
            self.add_error("title_en", _("Enter a title in English or in Welsh"))
        return data

    def organisations(self) -> list:
        chosen = [self.cleaned_data.get(f"organisation_{n}") for n in range(1, ORGANISATION_ROWS + 1)]
        return list(dict.fromkeys(o for o in chosen if o))

    def projects(self) -> list:
        chosen = [self.cleaned_data.get(f"project_{n}") for n in range(1, PROJECT_ROWS + 1)]
        return list(dict.fromkeys(p for p in chosen if p))

    def engagement_fields(self) -> dict:
        skip = {f"organisation_{n}" for n in range(1, ORGANISATION_ROWS + 1)}
        skip |= {f"project_{n}" for n in range(1, PROJECT_ROWS + 1)}
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}

    @staticmethod
    def initial_for(engagement) -> dict:
        initial = {
            name: getattr(engagement, name)
            for name in (
                "title_en",
                "title_cy",
                "supplier",
                "goals_en",
                "goals_cy",
                "phase",
                "starts_on",
                "ends_on",
                "outcomes_en",
                "outcomes_cy",
                "lessons_en",
                "lessons_cy",
                "visibility",
            )
        }
        initial["pool"] = engagement.pool.slug
        for n, organisation in enumerate(engagement.organisations.order_by("name_en")[:ORGANISATION_ROWS], 1):
            initial[f"organisation_{n}"] = organisation.code
        for n, project in enumerate(engagement.projects.all()[:PROJECT_ROWS], 1):
            initial[f"project_{n}"] = project.pk
        return initial


class SpecialistFilterForm(RoleCleaning, forms.Form):
    """Filters of the list of specialists. Every filter is optional."""

    q = forms.CharField(label=_("Name"), max_length=100, required=False)
    pool = forms.ModelChoiceField(
        queryset=Pool.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Pool"),
        empty_label=_("Any"),
    )
    skill = forms.ModelChoiceField(
        queryset=Skill.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Skill"),
        empty_label=_("Any"),
    )
    welsh = forms.BooleanField(label=_("Works in Welsh"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"] = _role_field(_("Role"), required=False)
        self.fields["role"].choices = [("", _("Any")), *self.fields["role"].choices[1:]]
        self.order_fields(["q", "pool", "role", "skill", "welsh"])
        for name in ("pool", "skill"):
            _named(self.fields[name])
        replace_default_choice_message(self, _("Choose from the list"))


class UtilisationForm(forms.Form):
    """Which utilisation to show: grouped how, over which weeks, week by week or month by month."""

    BY = [
        ("specialist", _("Specialist")),
        ("home_team", _("Home team")),
        ("home_organisation", _("Home organisation")),
        ("served", _("Organisation served")),
    ]
    EVERY = [("week", _("Week by week")), ("month", _("Month by month"))]

    by = forms.ChoiceField(label=_("Show by"), choices=BY, required=False, widget=forms.RadioSelect)
    start = GovukDateField(
        label=_("From the week that includes"),
        required=False,
        help_text=_("Leave it empty for this week. For example, 6 4 2026"),
    )
    weeks = forms.IntegerField(
        label=_("Number of weeks"),
        min_value=1,
        max_value=52,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter a number of weeks from 1 to 52"),
            "min_value": _("Enter a number of weeks from 1 to 52"),
            "max_value": _("Enter a number of weeks from 1 to 52"),
        },
    )
    every = forms.ChoiceField(label=_("Columns"), choices=EVERY, required=False, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        replace_default_choice_message(self, _("Choose from the list"))
