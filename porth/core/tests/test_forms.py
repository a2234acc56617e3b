import datetime

from django import forms
from django.utils import translation

from porth.core.forms import CountedCharField, GovukDateField


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


def _porth_form_classes():
    """Every form class Porth defines, from the apps' forms modules (and site search, which has its own)."""
    import importlib
    import pkgutil

    import porth

    for module in pkgutil.walk_packages(porth.__path__, "porth."):
        if module.name.endswith((".forms", ".search")):
            importlib.import_module(module.name)

    def subclasses(cls):
        for subclass in cls.__subclasses__():
            yield subclass
            yield from subclasses(subclass)

    return {cls for cls in subclasses(forms.BaseForm) if cls.__module__.startswith("porth.")}


def test_every_box_for_long_text_with_a_limit_counts_as_the_person_types():
    """A textarea with a limit is a GOV.UK character count: the limit said before, counted while typing,
    and an over-long text refused with the count, never cut short by the browser's maxlength."""
    classes = _porth_form_classes()
    assert len(classes) > 50
    uncounted = sorted(
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in classes
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.CharField)
        and isinstance(field.widget, forms.Textarea)
        and field.max_length
        and not isinstance(field, CountedCharField)
    )
    assert not uncounted, f"Make these CountedCharField: {uncounted}"


def test_a_counted_box_has_no_maxlength_for_the_browser_to_cut_at_and_refuses_in_welsh():
    class NoteForm(forms.Form):
        note = CountedCharField(max_length=10, widget=forms.Textarea)

    assert "maxlength" not in str(NoteForm()["note"])
    with translation.override("cy"):
        form = NoteForm({"note": "x" * 12})
        assert not form.is_valid()
        assert "12" in form.errors["note"][0] and "10" in form.errors["note"][0]
        assert "Shorten" not in form.errors["note"][0]
