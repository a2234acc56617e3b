from django import forms
from django.utils.translation import gettext_lazy as _

from porth.core.forms import GovukDateField

from .periods import Period

EARLIEST_YEAR = 2015  # no digital leadership team existed before; earlier dates are mistakes


class PeriodForm(forms.Form):
    """The dates a dashboard covers. Either date may be left out: the default is the last 12 months."""

    start = GovukDateField(label=_("From"), help_text=_("For example, 1 4 2025"), required=False)
    end = GovukDateField(label=_("To"), help_text=_("For example, 31 3 2026"), required=False)

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.default = Period.default(today)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and start.year < EARLIEST_YEAR:
            self.add_error(
                "start", _("The start date must be in %(year)s or later") % {"year": EARLIEST_YEAR}
            )
        if start and end and end < start:
            self.add_error("end", _("The end date must be the same as or after the start date"))
        elif end and end > self.default.end:
            self.add_error("end", _("The end date must be today or in the past"))
        return data

    def period(self) -> Period:
        """The period asked for, or the default when the form was not filled in or has errors."""
        if not self.is_bound or not self.is_valid():
            return self.default
        end = self.cleaned_data.get("end") or self.default.end
        start = self.cleaned_data.get("start") or Period.default(end).start
        return Period(start, end)
