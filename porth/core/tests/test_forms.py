import datetime

from django import forms
from django.utils import translation

from porth.core.forms import GovukDateField


class DateForm(forms.Form):
    when = GovukDateField(label="When", required=False)


def _errors(data):
    form = DateForm(data)
    form.is_valid()
    return form


def test_a_real_date_is_accepted():
    form = _errors({"when_0": "30", "when_1": "6", "when_2": "2021"})
    assert form.cleaned_data["when"] == datetime.date(2021, 6, 30)


def test_empty_date_is_none_when_optional():
    assert _errors({"when_0": "", "when_1": "", "when_2": ""}).cleaned_data["when"] is None


def test_part_of_a_date_asks_for_all_three_parts():
    form = _errors({"when_0": "30", "when_1": "", "when_2": "2021"})
    assert form.errors["when"] == ["A date must include a day, a month and a year"]


def test_an_impossible_date_gets_one_clear_message_in_welsh():
    with translation.override("cy"):
        form = _errors({"when_0": "31", "when_1": "2", "when_2": "2021"})
        assert form.errors["when"] == ["Rhowch ddyddiad go iawn, er enghraifft 30 6 2021"]


def test_letters_in_a_date_get_the_same_message():
    form = _errors({"when_0": "first", "when_1": "6", "when_2": "2021"})
    assert form.errors["when"] == ["Enter a real date, for example 30 6 2021"]


def test_the_boxes_keep_what_was_typed_after_an_error():
    form = _errors({"when_0": "31", "when_1": "2", "when_2": "2021"})
    html = str(form["when"].as_field_group())
    assert 'value="31"' in html and 'value="2"' in html and "govuk-input--error" in html
