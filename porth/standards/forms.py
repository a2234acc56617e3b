"""Forms of the knowledge hub: starting a review, answering a standard, peer review, good practice."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from porth.core.forms import (
    CountedCharField,
    GovukDateField,
    NamedChoiceField,
    NamedMultipleChoiceField,
    link_rows_add,
    link_rows_clean,
    link_rows_data,
    link_rows_initial,
    replace_default_choice_message,
)
from porth.core.text import long_tag_problem, validate_visible_text
from porth.directory.models import Organisation, ProgrammeItem
from porth.portfolio.permissions import projects_visible_to

from .models import REVIEW_PHASES, CaseStudy, CaseStudyKind, Framework, Rating, Standard
from .services import case_study_tags

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
    not_applicable_reason = CountedCharField(
        label=_("If it does not apply, why not?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence = CountedCharField(
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
    reviewer_comment = CountedCharField(
        label=_("Your comment to the team"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment for the team")},
    )


class CompleteForm(forms.Form):
    summary = CountedCharField(
        label=_("Your overall comments"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


# ------------------------------------------------------------------------------------------ good practice

CHOOSE_FROM_LIST = _("Choose one of the options in the list")
MAX_PROJECTS = 20


def current_standards():
    frameworks = [f.pk for f in Framework.objects.current()]
    return Standard.objects.filter(framework__in=frameworks).select_related("framework")


def _standard_label(standard) -> str:
    return f"{standard.framework.name}: {standard.number}. {standard.title}"


class CaseStudyFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *CaseStudyKind.choices]
    )
    standard = forms.ModelChoiceField(
        label=_("Standard"), required=False, queryset=Standard.objects.none(), empty_label=_("Any standard")
    )
    organisation = NamedChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=Organisation.objects.none(),
        to_field_name="code",
        empty_label=_("Any organisation"),
    )

    def __init__(self, *args, visible, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard"].queryset = current_standards()
        self.fields["standard"].label_from_instance = _standard_label
        # Only the organisations that have good practice to show: a shorter list, and no empty results.
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=visible.values("organisations")
        )
        replace_default_choice_message(self, CHOOSE_FROM_LIST)

    def filter(self, case_studies):
        data = self.cleaned_data
        if data.get("kind"):
            case_studies = case_studies.filter(kind=data["kind"])
        if data.get("standard"):
            case_studies = case_studies.filter(standards=data["standard"])
        if data.get("organisation"):
            case_studies = case_studies.filter(organisations=data["organisation"])
        return case_studies


class CaseStudyForm(forms.Form):
    """Good practice, written in either language first; the other can follow."""

    # Model fields that the form edits under their own names; a service error on any other goes at the top.
    FIELDS = (
        "kind",
        "title_en",
        "title_cy",
        "summary_en",
        "summary_cy",
        "body_en",
        "body_cy",
        "contact_name",
        "contact_email",
        "is_published",
    )

    kind = forms.ChoiceField(
        label=_("What kind of good practice is it?"),
        choices=CaseStudyKind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "A case study tells what happened in one piece of work; a pattern is a way of working that "
            "others can reuse"
        ),
        error_messages={"required": _("Choose a case study or a reusable pattern")},
    )
    title_en = forms.CharField(
        label=_("Title in English"), max_length=200, required=False, validators=[validate_visible_text]
    )
    title_cy = forms.CharField(
        label=_("Title in Welsh"), max_length=200, required=False, validators=[validate_visible_text]
    )
    summary_en = CountedCharField(
        label=_("Summary in English"),
        help_text=_("One or two sentences for lists and search results"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    summary_cy = CountedCharField(
        label=_("Summary in Welsh"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    body_en = CountedCharField(
        label=_("The story in English"),
        help_text=_("What the problem was, what was done, what changed and what others can learn"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    body_cy = CountedCharField(
        label=_("The story in Welsh"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    organisations = NamedMultipleChoiceField(
        label=_("Organisations involved"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    standards = forms.ModelMultipleChoiceField(
        label=_("Standards it shows how to meet"),
        queryset=Standard.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    programme_items = forms.ModelMultipleChoiceField(
        label=_("Which parts of the teams' programmes it helps with"),
        queryset=ProgrammeItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    projects = forms.CharField(
        label=_("Projects it came from (optional)"),
        help_text=_(
            "Their numbers in the portfolio, separated by commas: the number is in the project's web "
            "address, as in /projects/42/"
        ),
        max_length=300,
        required=False,
    )
    tags = forms.CharField(
        label=_("Tags (optional)"),
        help_text=_("Separate tags with commas, for example: booking, Welsh language"),
        max_length=500,
        required=False,
    )
    source_url = forms.URLField(
        label=_("Where it was first published (optional)"),
        assume_scheme="https",
        required=False,
        error_messages={"invalid": _("Enter a web address, like https://www.example.gov.wales/")},
    )
    contact_name = forms.CharField(
        label=_("Who to contact about it (optional)"), max_length=200, required=False
    )
    contact_email = forms.EmailField(
        label=_("Their e-mail address (optional)"),
        required=False,
        error_messages={
            "invalid": _("Enter an e-mail address in the right format, like name@example.gov.wales")
        },
    )
    is_published = forms.BooleanField(
        label=_("Publish it: anyone can read it"),
        required=False,
        help_text=_(
            "Leave this unticked to save a draft that only leadership teams and administrators who may "
            "change good practice can see"
        ),
    )

    def __init__(self, *args, user, case_study: CaseStudy | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Projects already linked that this writer may not see stay linked, unseen, when they save.
        self.hidden_projects = (
            list(case_study.projects.exclude(pk__in=projects_visible_to(user).values("pk")))
            if case_study and case_study.pk
            else []
        )
        self.other_sources = list(case_study.sources[1:]) if case_study else []
        self.fields["organisations"].queryset = Organisation.objects.all()
        self.fields["standards"].queryset = current_standards()
        self.fields["standards"].label_from_instance = _standard_label
        self.fields["programme_items"].queryset = ProgrammeItem.objects.select_related(
            "programme__team"
        ).order_by("programme__team__position", "number")
        self.fields["programme_items"].label_from_instance = lambda i: (
            f"{i.programme.team.short_name}: {i.number}. {i.title}"
        )
        replace_default_choice_message(self, CHOOSE_FROM_LIST)

    def clean_tags(self):
        text = self.cleaned_data["tags"]
        problem = long_tag_problem(text)
        if problem:
            raise forms.ValidationError(problem)
        return text

    def clean_projects(self):
        """Project numbers the writer may see: a case study never reveals a project to its own writer."""
        text = self.cleaned_data["projects"]
        numbers = list(dict.fromkeys(int(n) for n in re.findall(r"[0-9]{1,9}", text)))
        if re.sub(r"[0-9,\s]", "", text):
            raise ValidationError(_("Enter project numbers separated by commas, like 12, 40"))
        if len(numbers) > MAX_PROJECTS:
            raise ValidationError(_("Enter %(max)s projects or fewer") % {"max": MAX_PROJECTS})
        projects = {p.pk: p for p in projects_visible_to(self.user).filter(pk__in=numbers)}
        missing = [n for n in numbers if n not in projects]
        if missing:
            raise ValidationError(
                _("There is no project numbered %(number)s that you can see") % {"number": missing[0]}
            )
        return [projects[n] for n in numbers]

    def case_study_fields(self) -> dict:
        data = self.cleaned_data
        fields = {name: data[name] for name in self.FIELDS}
        fields["tags"] = case_study_tags(data["tags"])
        # The form shows the first source; any others (from the shipped file) are kept as they are.
        fields["sources"] = [data["source_url"]] if data["source_url"] else []
        fields["sources"] += [url for url in self.other_sources if url not in fields["sources"]]
        return fields

    def related(self) -> dict:
        related = {
            name: self.cleaned_data[name] for name in ("organisations", "standards", "programme_items")
        }
        related["projects"] = [*self.cleaned_data["projects"], *self.hidden_projects]
        return related

    def add_service_errors(self, error: ValidationError) -> None:
        """Put the model's rules (CaseStudy.clean) on the fields they are about; anything else at the top."""
        for name, messages in error.message_dict.items():
            self.add_error(name if name in self.fields else None, messages)

    @staticmethod
    def initial_for(case_study: CaseStudy, user) -> dict:
        initial = {name: getattr(case_study, name) for name in CaseStudyForm.FIELDS}
        initial.update(
            organisations=list(case_study.organisations.all()),
            standards=list(case_study.standards.all()),
            programme_items=list(case_study.programme_items.all()),
            projects=", ".join(
                str(pk)
                for pk in projects_visible_to(user, case_study.projects.all()).values_list("pk", flat=True)
            ),
            tags=", ".join(case_study.tags),
            source_url=(case_study.sources or [""])[0],
        )
        return initial
