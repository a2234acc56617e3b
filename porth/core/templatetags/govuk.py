"""Template helpers for GOV.UK Frontend markup."""

from django import template
from django.utils.html import format_html_join
from django.utils.translation import get_language, gettext, ngettext

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
    if getattr(field.field, "counted", False):
        described_by.append(f"{field.auto_id}-info")
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


# A number in each of the language's plural categories (CLDR, as the browser's Intl.PluralRules reads them),
# so the character count's messages can be given in every form Welsh needs.
PLURAL_SAMPLES = {
    "cy": {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 6, "other": 4},
    "en": {"one": 1, "other": 2},
}


@register.simple_tag
def character_limit(limit):
    """What a character count says before anything is typed (and all it says without JavaScript)."""
    return ngettext(
        "You can enter up to %(count)s character", "You can enter up to %(count)s characters", limit
    ) % {"count": limit}


@register.simple_tag
def character_count_i18n():
    """The character count's data-i18n attributes, in the reader's language (its own are English only)."""
    samples = PLURAL_SAMPLES.get(get_language(), PLURAL_SAMPLES["en"])
    attrs = []
    for form, n in samples.items():
        attrs.append(
            (
                f"characters-under-limit.{form}",
                ngettext(
                    "You have %{count} character remaining", "You have %{count} characters remaining", n
                ),
            )
        )
        attrs.append(
            (
                f"characters-over-limit.{form}",
                ngettext("You have %{count} character too many", "You have %{count} characters too many", n),
            )
        )
    attrs.append(("characters-at-limit", gettext("You have 0 characters remaining")))
    return format_html_join("", ' data-i18n.{}="{}"', attrs)
