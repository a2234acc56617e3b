"""The feedback form behind the alpha banner's "Tell us what you think"."""

from django import forms
from django.utils.translation import gettext_lazy as _

from porth.accounts.forms import EMAIL_MESSAGES
from porth.core.forms import CountedCharField

from .models import Feedback


class FeedbackForm(forms.Form):
    satisfaction = forms.ChoiceField(
        label=_("Overall, how do you feel about Porth?"),
        choices=Feedback.Satisfaction.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select how you feel about Porth"),
            "invalid_choice": _("Select how you feel about Porth"),
        },
    )
    message = CountedCharField(
        label=_("How could we improve it?"),
        help_text=_("Do not include personal or financial information, like your National Insurance number."),
        max_length=1200,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Tell us how we could improve Porth")},
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        help_text=_("Only if you would like a reply. We will not use it for anything else."),
        required=False,
        max_length=254,
        error_messages={"invalid": EMAIL_MESSAGES["invalid"]},
    )
    page = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_page(self):
        # The page the banner was on, for context. Not typed by the person: keep it only when it is a path on
        # this site of a sensible length, else drop it (an error on a hidden field would help nobody).
        page = self.cleaned_data["page"].strip()
        if not page.startswith("/") or page.startswith("//") or len(page) > 500:
            return ""
        return page
