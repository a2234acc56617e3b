"""Template helpers for GOV.UK Frontend markup."""

from django import template

register = template.Library()

INPUT_CLASSES = {
    "select": "govuk-select",
    "textarea": "govuk-textarea",
}


@register.simple_tag
def govuk_widget(field, extra_classes=""):
    """Render a bound field's widget with the GOV.UK classes, error state and aria-describedby."""
    base = INPUT_CLASSES.get(field.widget_type, "govuk-input")
    classes = [base, extra_classes]
    if field.errors:
        classes.append(f"{base}--error")
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    attrs = {"class": " ".join(c for c in classes if c)}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def error_anchor(field):
    """The id the error summary links to: the first box of a date input, else the field itself."""
    if field.widget_type == "govukdate":
        return f"{field.auto_id}_0"
    if field.widget_type in {"radioselect", "checkboxselectmultiple"}:
        return f"{field.auto_id}_0"
    return field.auto_id
