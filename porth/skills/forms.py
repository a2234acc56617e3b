"""Forms for training. They parse what people type; the rules live in the models' clean() and the services,
which the forms' errors come back from (see `errors_from`)."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from porth.accounts.models import User
from porth.core.forms import (
    CountedCharField,
    GovukDateField,
    NamedChoiceField,
    replace_default_choice_message,
)
from porth.core.text import validate_visible_text
from porth.directory.models import LeadershipTeam, Organisation, ProgrammeItem
from porth.standards.models import Framework, Standard

from .models import Attendance, Audience, Course, DeliveryLanguage, Level, Mode, RoleFamily
from .times import local, london_datetime

CHOOSE_FROM_LIST = _("Choose one of the options in the list")


def errors_from(form: forms.Form, error: ValidationError, fields: dict[str, str] | None = None) -> None:
    """Put a service's or a model's errors on the form, naming the form's fields (`fields` maps a model field
    to the form field that holds it); anything else goes at the top."""
    fields = fields or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages in error.message_dict.items():
        target = fields.get(name, name)
        form.add_error(target if target in form.fields else None, messages)


# --------------------------------------------------------------------------------------------- catalogue


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=100,
        required=False,
        help_text=_("Words from the title or summary, in English or Welsh"),
        error_messages={"max_length": _("Enter 100 characters or fewer")},
    )
    audience = forms.ChoiceField(
        label=_("Who it is for"), choices=[("", _("Anyone")), *Audience.choices], required=False
    )
    language = forms.ChoiceField(
        label=_("Language of the sessions"),
        choices=[("", _("Any language")), ("cy", _("Welsh")), ("en", _("English"))],
        required=False,
        help_text=_("Bilingual sessions count for both"),
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", _("Any level")), *Level.choices], required=False
    )
    role_family = forms.ChoiceField(
        label=_("DDaT role family"), choices=[("", _("Any role family")), *RoleFamily.choices], required=False
    )
    provider = forms.ChoiceField(label=_("Offered by"), choices=[], required=False)

    def __init__(self, *args, providers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [("", _("Anyone")), *providers]
        replace_default_choice_message(self, CHOOSE_FROM_LIST)


# ----------------------------------------------------------------------------------------------- courses


def provider_choices(teams, organisations) -> list[tuple[str, str]]:
    return [(f"team:{t.slug}", str(t.name)) for t in teams] + [
        (f"org:{o.code}", str(o.name)) for o in organisations
    ]


def provider_value(course) -> str:
    if course.provider_team_id:
        return f"team:{course.provider_team.slug}"
    if course.provider_organisation_id:
        return f"org:{course.provider_organisation.code}"
    return ""


class CourseForm(forms.Form):
    """A course in the catalogue. Write it in either language first; the other can follow."""

    title_en = forms.CharField(
        label=_("Title in English"), max_length=200, required=False, validators=[validate_visible_text]
    )
    title_cy = forms.CharField(
        label=_("Title in Welsh"), max_length=200, required=False, validators=[validate_visible_text]
    )
    summary_en = CountedCharField(
        label=_("Summary in English"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    summary_cy = CountedCharField(
        label=_("Summary in Welsh"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    provider = forms.ChoiceField(
        label=_("Offered by"),
        choices=[],
        error_messages={
            "required": _("Choose the team or organisation that offers the course"),
            "invalid_choice": _("Choose a team or organisation you offer courses for"),
        },
    )
    audiences = forms.MultipleChoiceField(
        label=_("Who it is for"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one audience")},
    )
    level = forms.ChoiceField(
        label=_("Level"),
        choices=Level.choices,
        widget=forms.RadioSelect,
        help_text=_("The skill levels of the DDaT capability framework"),
        error_messages={"required": _("Choose the level")},
    )
    role_family = forms.ChoiceField(
        label=_("DDaT role family"),
        choices=RoleFamily.choices,
        error_messages={"required": _("Choose the role family")},
    )
    programme_items = forms.ModelMultipleChoiceField(
        queryset=ProgrammeItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Which parts of the teams' programmes it helps with"),
    )
    standards = forms.ModelMultipleChoiceField(
        queryset=Standard.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Standards it helps people meet"),
    )
    external_url = forms.URLField(
        label=_("If the course is run elsewhere: the web address where people book it (optional)"),
        required=False,
        assume_scheme="https",
        help_text=_("Porth lists it with this link and takes no bookings for it"),
        error_messages={"invalid": _("Enter a web address, like https://www.example.gov.wales/")},
    )
    external_name = forms.CharField(
        label=_("Who runs it there (optional)"),
        max_length=100,
        required=False,
        help_text=_("For example, Academi Wales"),
    )

    def __init__(self, *args, providers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [("", _("Choose a team or organisation")), *providers]
        items = ProgrammeItem.objects.select_related("programme__team").order_by(
            "programme__team__position", "number"
        )
        self.fields["programme_items"].queryset = items
        self.fields["programme_items"].label_from_instance = lambda i: (
            f"{i.programme.team.short_name}: {i.number}. {i.title}"
        )
        frameworks = [f.pk for f in Framework.objects.current()]
        self.fields["standards"].queryset = Standard.objects.filter(framework__in=frameworks).select_related(
            "framework"
        )
        self.fields["standards"].label_from_instance = lambda s: f"{s.number}. {s.title}"
        replace_default_choice_message(self, CHOOSE_FROM_LIST)

    @staticmethod
    def initial_for(course) -> dict:
        return {
            "title_en": course.title_en,
            "title_cy": course.title_cy,
            "summary_en": course.summary_en,
            "summary_cy": course.summary_cy,
            "provider": provider_value(course),
            "audiences": course.audiences,
            "level": course.level,
            "role_family": course.role_family,
            "programme_items": list(course.programme_items.all()),
            "standards": list(course.standards.all()),
            "external_url": course.external_url,
            "external_name": course.external_name,
        }

    def clean(self):
        data = super().clean()
        # The course's own rule for its text, checked here too so that every problem shows at once.
        texts = {name: data.get(name) or "" for name in ("title_en", "title_cy", "summary_en", "summary_cy")}
        for name, message in Course(**texts).text_errors().items():
            self.add_error(name, message)
        return data

    def course_fields(self) -> dict:
        data = self.cleaned_data
        kind, _sep, key = data["provider"].partition(":")
        team = LeadershipTeam.objects.get(slug=key) if kind == "team" else None
        organisation = Organisation.objects.get(code=key) if kind == "org" else None
        names = ["title_en", "title_cy", "summary_en", "summary_cy", "level", "role_family"]
        return {
            **{name: data[name].strip() for name in names},
            "provider_team": team,
            "provider_organisation": organisation,
            "external_url": data["external_url"],
            "external_name": data["external_name"].strip(),
        }


# ---------------------------------------------------------------------------------------------- sessions

TIME = re.compile(r"^\s*([01]?\d|2[0-3])\s*[:.]?\s*([0-5]\d)\s*$")


class TimeField(forms.CharField):
    """A time on the 24-hour clock: 09:30, 9:30, 9.30 or 0930."""

    def __init__(self, *, invalid, **kwargs):
        super().__init__(max_length=10, **kwargs)
        self.invalid = invalid
        self.widget.attrs.update(
            {"inputmode": "numeric", "class": "govuk-input--width-5", "autocomplete": "off"}
        )

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        match = TIME.match(text)
        if not match:
            raise ValidationError(self.invalid, code="invalid")
        return datetime.time(int(match.group(1)), int(match.group(2)))


class SessionForm(forms.Form):
    """When, where and how a session runs. Times are on the clocks in Wales."""

    date = GovukDateField(label=_("Date"), help_text=_("For example, 27 3 2027"))
    start_time = TimeField(
        label=_("Start time"),
        help_text=_("On the 24-hour clock, for example 09:30"),
        invalid=_("Enter a start time on the 24-hour clock, like 09:30 or 14:00"),
        error_messages={"required": _("Enter a start time")},
    )
    end_time = TimeField(
        label=_("End time"),
        help_text=_("On the 24-hour clock, for example 12:30"),
        invalid=_("Enter an end time on the 24-hour clock, like 12:30 or 16:00"),
        error_messages={"required": _("Enter an end time")},
    )
    mode = forms.ChoiceField(
        label=_("Online or in person"),
        choices=Mode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose online or in person")},
    )
    place_en = forms.CharField(
        label=_("Place, in English"),
        max_length=300,
        required=False,
        help_text=_("For an in-person session: the building and town"),
    )
    place_cy = forms.CharField(label=_("Place, in Welsh"), max_length=300, required=False)
    online_link = forms.URLField(
        label=_("Joining link (optional)"),
        required=False,
        assume_scheme="https",
        help_text=_("Shown only to people with a place, and put in their calendar files"),
        error_messages={"invalid": _("Enter a web address, like https://www.example.gov.wales/")},
    )
    language = forms.ChoiceField(
        label=_("Language of delivery"),
        choices=DeliveryLanguage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language the session is run in")},
    )
    capacity = forms.IntegerField(
        label=_("Number of places"),
        min_value=1,
        max_value=1000,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        error_messages={
            "required": _("Enter the number of places"),
            "invalid": _("Enter the number of places as a whole number, like 20"),
            "min_value": _("A session needs at least 1 place"),
            "max_value": _("Enter 1,000 places or fewer"),
        },
    )
    closes_on = GovukDateField(
        label=_("Booking closes on"),
        help_text=_("Booking closes at the end of this day, or when the session starts if that is sooner"),
    )
    offer_hours = forms.IntegerField(
        label=_("Hours to accept a place offered from the waiting list"),
        min_value=1,
        max_value=336,
        initial=48,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "required": _("Enter the number of hours"),
            "invalid": _("Enter the number of hours as a whole number, like 48"),
            "min_value": _("Give people at least 1 hour"),
            "max_value": _("Enter 336 hours (2 weeks) or fewer"),
        },
    )
    trainer_email = forms.EmailField(
        label=_("Trainer's email address"),
        help_text=_("The trainer needs a Porth account: they mark attendance"),
        error_messages={
            "required": _("Enter the trainer's email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )

    # Where each model field's errors show on this form.
    FIELDS = {
        "starts_at": "date",
        "ends_at": "end_time",
        "booking_closes_at": "closes_on",
        "place_en": "place_en",
        "capacity": "capacity",
        "trainer": "trainer_email",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        replace_default_choice_message(self, CHOOSE_FROM_LIST)

    def clean_trainer_email(self):
        email = self.cleaned_data["trainer_email"]
        trainer = User.objects.filter(email__iexact=email, is_active=True).first()
        if trainer is None:
            raise ValidationError(
                _("There is no Porth account with this email address. Ask the trainer to make one first.")
            )
        return trainer

    @staticmethod
    def initial_for(session) -> dict:
        starts, ends, closes = (
            local(session.starts_at),
            local(session.ends_at),
            local(session.booking_closes_at),
        )
        return {
            "date": starts.date(),
            "start_time": starts.strftime("%H:%M"),
            "end_time": ends.strftime("%H:%M"),
            "mode": session.mode,
            "place_en": session.place_en,
            "place_cy": session.place_cy,
            "online_link": session.online_link,
            "language": session.language,
            "capacity": session.capacity,
            "closes_on": closes.date(),
            "offer_hours": session.offer_hours,
            "trainer_email": session.trainer.email if session.trainer else "",
        }

    def session_fields(self) -> dict:
        data = self.cleaned_data
        starts_at = london_datetime(data["date"], data["start_time"])
        ends_at = london_datetime(data["date"], data["end_time"])
        closes_at = london_datetime(data["closes_on"], datetime.time(23, 59))
        if data["closes_on"] == data["date"]:
            closes_at = starts_at
        return {
            "starts_at": starts_at,
            "ends_at": ends_at,
            "mode": data["mode"],
            "place_en": data["place_en"].strip(),
            "place_cy": data["place_cy"].strip(),
            "online_link": data["online_link"],
            "language": data["language"],
            "capacity": data["capacity"],
            "booking_closes_at": closes_at,
            "offer_hours": data["offer_hours"],
            "trainer": data["trainer_email"],
        }


class SessionCancelForm(forms.Form):
    reason_en = CountedCharField(
        label=_("Why, in English (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Everyone booked or waiting gets this in their e-mail"),
    )
    reason_cy = CountedCharField(
        label=_("Why, in Welsh (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


# ---------------------------------------------------------------------------------------------- bookings


class BookForm(forms.Form):
    """A place for yourself: which organisation you come from, which role you come in, what would help."""

    organisation = NamedChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="code",
        label=_("Which organisation are you booking as?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the organisation you are booking as"),
            "invalid_choice": _("Choose one of your organisations"),
        },
    )
    audience = forms.ChoiceField(
        label=_("Which best describes your role?"),
        choices=[],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the role that best describes yours")},
    )
    needs = CountedCharField(
        label=_("Is there anything that would help you take part? (optional)"),
        help_text=_(
            "For example, access needs or a hearing loop. Only the trainer and the course team see this."
        ),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Enter 1,000 characters or fewer")},
    )

    def __init__(self, *args, organisations, audiences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        )
        labels = dict(Audience.choices)
        self.fields["audience"].choices = [(code, labels[code]) for code in audiences]
        replace_default_choice_message(self, CHOOSE_FROM_LIST)


class ColleagueBookForm(BookForm):
    """A place for a colleague, booked by an administrator of their organisation."""

    person = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label=_("Who are you booking for?"),
        empty_label=_("Choose a colleague"),
        error_messages={
            "required": _("Choose the colleague you are booking for"),
            "invalid_choice": _("Choose a colleague from your organisation"),
        },
    )
    field_order = ["person", "organisation", "audience", "needs"]

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = colleagues
        self.fields["person"].label_from_instance = lambda u: f"{u.get_full_name()} ({u.email})"
        self.fields["organisation"].label = _("Which organisation are they booking as?")
        self.fields["audience"].label = _("Which best describes their role?")
        self.fields["needs"].label = _("Is there anything that would help them take part? (optional)")


class AttendanceForm(forms.Form):
    """One choice per person with a place: present, absent or not marked yet."""

    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.bookings = list(bookings)
        for booking in self.bookings:
            self.fields[f"b{booking.pk}"] = forms.ChoiceField(
                label=booking.person.get_full_name(),
                choices=Attendance.choices,
                widget=forms.RadioSelect,
                initial=booking.attendance,
                required=False,
            )
        replace_default_choice_message(self, CHOOSE_FROM_LIST)

    def rows(self):
        return [(booking, self[f"b{booking.pk}"]) for booking in self.bookings]

    def marks(self) -> dict[int, str]:
        return {
            b.pk: self.cleaned_data[f"b{b.pk}"] for b in self.bookings if self.cleaned_data.get(f"b{b.pk}")
        }


# ----------------------------------------------------------------------------------------------- reports


class ReportFilterForm(forms.Form):
    starts = GovukDateField(label=_("Sessions from"), required=False, help_text=_("For example, 1 4 2026"))
    ends = GovukDateField(label=_("Sessions to"), required=False, help_text=_("For example, 31 3 2027"))
    organisation = NamedChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="code",
        required=False,
        label=_("Organisation"),
        empty_label=_("Every organisation you can see"),
        error_messages={"invalid_choice": _("Choose an organisation from the list")},
    )
    language = forms.ChoiceField(
        label=_("Language of delivery"),
        choices=[("", _("Any language")), *DeliveryLanguage.choices],
        required=False,
    )
    course = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        replace_default_choice_message(self, CHOOSE_FROM_LIST)

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] < data["starts"]:
            self.add_error("ends", _("The end of the period must be on or after its start"))
        return data
