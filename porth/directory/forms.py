import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from porth.core.forms import GovukDateField

from .models import OrganisationKind, Sector


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search by name"),
        help_text=_("In English or Welsh, for example Swansea or Abertawe"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "spellcheck": "false"}),
    )
    kind = forms.ChoiceField(label=_("Kind of organisation"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *OrganisationKind.choices]
        self.fields["sector"].choices = [("", _("All sectors")), *Sector.choices]
        for name in ("kind", "sector"):
            self.fields[name].error_messages["invalid_choice"] = _("Choose a value from the list")


class AsOfForm(forms.Form):
    # Any year a calendar has: a date long ago is a real date (the page says the team did not exist then), and
    # a date in the future is refused for what it is, not as an unreal date.
    as_of = GovukDateField(
        label=_("Show the team as it was on"),
        help_text=_("For example, 30 6 2021"),
        required=False,
        first_year=datetime.MINYEAR,
        last_year=datetime.MAXYEAR,
    )

    def clean_as_of(self):
        as_of = self.cleaned_data["as_of"]
        if as_of and as_of > timezone.localdate():
            raise forms.ValidationError(_("The date must be today or in the past"), code="future")
        return as_of
