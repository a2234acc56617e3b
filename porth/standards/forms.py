"""Forms of the knowledge hub: starting a review, answering a standard, peer review."""

from django import forms
from django.utils.translation import gettext_lazy as _

from porth.core.forms import (
    GovukDateField,
    link_rows_add,
    link_rows_clean,
    link_rows_data,
    link_rows_initial,
    replace_default_choice_message,
)

from .models import REVIEW_PHASES, Framework, Rating

ACTION_ROWS = 2
LINK_ROWS = 2


class StartReviewForm(forms.Form):
    framework = forms.ModelChoiceField(
        queryset=Framework.objects.none(),
        label=_("Review against"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose what to review against")},
    )
    phase = forms.ChoiceField(
        label=_("Which phase is the project in now?"),
        widget=forms.RadioSelect,
        choices=[(p.value, p.label) for p in REVIEW_PHASES],
        error_messages={"required": _("Choose the phase")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = [f.pk for f in Framework.objects.current()]
        self.fields["framework"].queryset = Framework.objects.filter(pk__in=current).order_by("slug")
        self.fields["framework"].label_from_instance = lambda f: str(f.name)
        replace_default_choice_message(self, _("Choose from the list"))


class AnswerForm(forms.Form):
    rating = forms.ChoiceField(
        label=_("How well does the project meet this standard?"),
        choices=Rating.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating")},
    )
    not_applicable_reason = forms.CharField(
        label=_("If it does not apply, why not?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        max_length=5000,
        help_text=_("What you have done or found that shows this, in a few sentences"),
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        link_rows_add(self, LINK_ROWS)
        for n in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{n}_what"] = forms.CharField(
                label=_("What will be done"), max_length=500, required=False
            )
            self.fields[f"action_{n}_who"] = forms.CharField(
                label=_("Who will do it"), max_length=200, required=False
            )
            self.fields[f"action_{n}_due"] = GovukDateField(
                label=_("By when"), required=False, help_text=_("For example, 31 3 2027")
            )
        replace_default_choice_message(self, _("Choose from the list"))

    def clean(self):
        data = super().clean()
        if data.get("rating") == Rating.NOT_APPLICABLE and not data.get("not_applicable_reason"):
            self.add_error("not_applicable_reason", _("Say why the standard does not apply"))
        link_rows_clean(self, data, LINK_ROWS)
        for n in range(1, ACTION_ROWS + 1):
            parts = [data.get(f"action_{n}_{part}") for part in ("what", "who", "due")]
            if any(parts) and not all(parts):
                for part, value in zip(("what", "who", "due"), parts, strict=True):
                    if not value:
                        self.add_error(f"action_{n}_{part}", _("An action needs what, who and by when"))
        return data

    def links(self) -> list[dict]:
        return link_rows_data(self.cleaned_data, LINK_ROWS)

    def actions(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "what": data[f"action_{n}_what"],
                "who": data[f"action_{n}_who"],
                "due_on": data[f"action_{n}_due"],
            }
            for n in range(1, ACTION_ROWS + 1)
            if data[f"action_{n}_what"]
        ]

    @staticmethod
    def initial_for(answer) -> dict:
        if answer is None:
            return {}
        initial = {
            "rating": answer.rating,
            "not_applicable_reason": answer.not_applicable_reason,
            "evidence": answer.evidence,
        }
        initial.update(link_rows_initial(answer.evidence_links, LINK_ROWS))
        for n, action in enumerate(answer.actions.filter(done_at__isnull=True)[:ACTION_ROWS], start=1):
            initial.update(
                {
                    f"action_{n}_what": action.what,
                    f"action_{n}_who": action.who,
                    f"action_{n}_due": action.due_on,
                }
            )
        return initial


class PeerForm(forms.Form):
    reviewer_rating = forms.ChoiceField(
        label=_("Your rating"),
        choices=Rating.choices,
        widget=forms.RadioSelect,
        help_text=_("Keep the team's rating if you agree with it"),
        error_messages={"required": _("Choose a rating")},
    )
    reviewer_comment = forms.CharField(
        label=_("Your comment to the team"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment for the team")},
    )


class CompleteForm(forms.Form):
    summary = forms.CharField(
        label=_("Your overall comments"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
