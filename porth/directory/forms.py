from django import forms
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
    as_of = GovukDateField(
        label=_("Show the team as it was on"),
        help_text=_("For example, 30 6 2021"),
        required=False,
    )
