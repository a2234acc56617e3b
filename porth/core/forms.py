"""Forms rendered with GOV.UK Frontend markup, and the GOV.UK date input.

Every form in Porth renders through templates/forms/, so labels, hints, error messages and the error summary
follow one pattern and one set of translations.
"""

import datetime

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .language import in_name_order


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class GovukDateWidget(forms.MultiWidget):
    """Day, month and year boxes, as in the GOV.UK date input pattern."""

    template_name = "forms/date_widget.html"

    def __init__(self, attrs=None):
        boxes = [
            forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),
        ]
        super().__init__(boxes, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A date from three boxes, with the specific messages the GOV.UK pattern asks for."""

    widget = GovukDateWidget
    default_error_messages = {
        "required": _("Enter a date"),
        "incomplete": _("A date must include a day, a month and a year"),
        "invalid": _("Enter a real date, for example 30 6 2021"),
    }

    def __init__(self, *, first_year: int = 1900, last_year: int = 2100, **kwargs):
        fields = (
            forms.IntegerField(min_value=1, max_value=31),
            forms.IntegerField(min_value=1, max_value=12),
            forms.IntegerField(min_value=first_year, max_value=last_year),
        )
        super().__init__(fields, require_all_fields=True, **kwargs)

    def clean(self, value):
        # Report one clear message for the whole date rather than one per box.
        try:
            return super().clean(value)
        except forms.ValidationError as error:
            if any(e.code in {"required", "incomplete"} for e in error.error_list):
                raise
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error

    def compress(self, data_list):
        if not data_list or all(part in (None, "") for part in data_list):
            return None
        if any(part in (None, "") for part in data_list):
            raise forms.ValidationError(self.error_messages["incomplete"], code="incomplete")
        day, month, year = data_list
        try:
            return datetime.date(year, month, day)
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error


def replace_default_choice_message(form: forms.Form, message) -> None:
    """Give every choice field that still has Django's generic 'Select a valid choice' message a clearer one.

    Django's own wording names the raw value and is not translated into Welsh; fields that set their own
    message keep it.
    """
    for field in form.fields.values():
        current = field.error_messages.get("invalid_choice")
        defaults = [
            klass.__dict__.get("default_error_messages", {}).get("invalid_choice")
            for klass in type(field).__mro__
        ]
        if current is not None and any(current is default for default in defaults if default is not None):
            field.error_messages["invalid_choice"] = message


# Rows of links (text and web address) on a form, as `link_1_title`, `link_1_url`, `link_2_title`, ...


def link_rows_add(form: forms.Form, count: int) -> None:
    for n in range(1, count + 1):
        form.fields[f"link_{n}_title"] = forms.CharField(label=_("Link text"), max_length=200, required=False)
        form.fields[f"link_{n}_url"] = forms.URLField(
            label=_("Web address"),
            required=False,
            assume_scheme="https",
            error_messages={"invalid": _("Enter a web address, like https://www.example.gov.wales/")},
        )


def link_rows_clean(form: forms.Form, data: dict, count: int) -> None:
    for n in range(1, count + 1):
        if data.get(f"link_{n}_url") and not data.get(f"link_{n}_title"):
            form.add_error(f"link_{n}_title", _("Enter the text for the link"))
        if data.get(f"link_{n}_title") and not data.get(f"link_{n}_url"):
            form.add_error(f"link_{n}_url", _("Enter the web address of the link"))


def link_rows_data(data: dict, count: int) -> list[dict]:
    return [
        {"title": data[f"link_{n}_title"], "url": data[f"link_{n}_url"]}
        for n in range(1, count + 1)
        if data.get(f"link_{n}_url")
    ]


def link_rows_initial(links: list[dict], count: int) -> dict:
    initial = {}
    for n, link in enumerate(links[:count], start=1):
        initial[f"link_{n}_title"], initial[f"link_{n}_url"] = link.get("title", ""), link.get("url", "")
    return initial


# Text with a limit: the limit is said before typing, counted while typing (GOV.UK Frontend's character
# count, started by porth-init.js) and refused with a clear message when over. The browser's own maxlength
# is left off on purpose: it cuts pasted text short without a word, which is what people tripped over.


class CountedCharField(forms.CharField):
    """A CharField with a `max_length` that renders as a GOV.UK character count (forms/field.html)."""

    counted = True
    default_error_messages = {
        "max_length": _("Shorten this to %(limit_value)s characters or fewer (it has %(show_value)s)"),
    }

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class _InNameOrder(ModelChoiceIterator):
    """The choices sorted by their names in the reader's language when they are drawn, not when the form is
    made: in Welsh alphabetical order on a Welsh page, so "Cyngor Caerdydd" is not filed under "Cardiff"."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for choice in in_name_order(self.queryset):
            yield self.choice(choice)


class NamedChoiceField(forms.ModelChoiceField):
    """A choice of organisations, teams or anything else with a bilingual `name`, shown and ordered by the
    name in the reader's language."""

    iterator = _InNameOrder

    def label_from_instance(self, obj):
        return str(obj.name)


class NamedMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several of them, in the same order and with the same labels as NamedChoiceField."""

    iterator = _InNameOrder

    def label_from_instance(self, obj):
        return str(obj.name)
