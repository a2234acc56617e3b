"""The front-door journey: one question per page, answers kept in the session until they are sent.

Answers live in the session, so they survive a reload and a sign-in part-way through (Django keeps session
data when it renews the session key at sign-in). Nothing is written to the database until the person sends
the request from the check-your-answers page.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from porth.directory.models import Organisation

from . import forms
from .services import Answers

SESSION_KEY = "frontdoor_answers"


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[forms.QuestionForm]
    summary_label: str


STEPS = (
    Step("organisation", forms.OrganisationForm, _("Your organisation")),
    Step("others", forms.OthersForm, _("Other organisations involved")),
    Step("title", forms.TitleForm, _("Name of the work")),
    Step("problem", forms.DescriptionForm, _("The problem and who it is for")),
    Step("similar", forms.SimilarForm, _("Similar projects")),
    Step("health", forms.HealthForm, _("About health or social care")),
    Step("welsh-government", forms.WelshGovernmentForm, _("A Welsh Government service")),
    Step("help", forms.HelpForm, _("Help wanted")),
    Step("phase", forms.PhaseForm, _("Phase")),
    Step("timescale", forms.TimescaleForm, _("When help is needed")),
    Step("contact", forms.ContactForm, _("Contact details")),
)
STEP_BY_SLUG = {step.slug: step for step in STEPS}


def answers_get(session) -> dict:
    return dict(session.get(SESSION_KEY, {}))


def answers_save(session, new: dict) -> None:
    session[SESSION_KEY] = {**answers_get(session), **new}


def answers_clear(session) -> None:
    session.pop(SESSION_KEY, None)


def step_is_answered(step: Step, answers: dict) -> bool:
    return all(name in answers for name in step.form.answer_names())


def first_unanswered(answers: dict) -> Step | None:
    return next((step for step in STEPS if not step_is_answered(step, answers)), None)


def next_step(step: Step, answers: dict | None = None) -> Step | None:
    for following in STEPS[STEPS.index(step) + 1 :]:
        if not (following.form.skip_when_answered and step_is_answered(following, answers or {})):
            return following
    return None


def previous_step(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index - 1] if index > 0 else None


def form_for(step: Step, answers: dict, data=None) -> forms.QuestionForm:
    kwargs = {"asking": answers.get("organisation")} if step.form is forms.OthersForm else {}
    return step.form(data, initial=step.form.initial_from(answers), **kwargs)


class AnswerNoLongerValid(Exception):
    """A stored answer points at something that has gone (an organisation removed from the directory)."""

    def __init__(self, step: Step):
        self.step = step


def answers_resolve(answers: dict) -> Answers:
    """Turn stored answers into what the service needs."""
    codes = [answers["organisation"], *answers["others"]]
    organisations = {o.code: o for o in Organisation.objects.filter(code__in=codes)}
    if answers["organisation"] not in organisations:
        raise AnswerNoLongerValid(STEP_BY_SLUG["organisation"])
    if any(code not in organisations for code in answers["others"]):
        raise AnswerNoLongerValid(STEP_BY_SLUG["others"])
    return Answers(
        organisation=organisations[answers["organisation"]],
        others=[organisations[code] for code in answers["others"]],
        title=answers["title"],
        description=answers["description"],
        health_or_social_care=answers["health_or_social_care"],
        welsh_government_service=answers["welsh_government_service"],
        help_wanted=list(answers["help_wanted"]),
        phase=answers["phase"],
        timescale=answers["timescale"],
        contact_name=answers["contact_name"],
        contact_email=answers["contact_email"],
        contact_phone=answers.get("contact_phone", ""),
    )


def summary_rows(answers: dict) -> list[dict]:
    """Rows for the check-your-answers page: what was asked, what was answered, where to change it."""
    codes = [answers.get("organisation"), *answers.get("others", [])]
    names = {o.code: o.name for o in Organisation.objects.filter(code__in=[c for c in codes if c])}
    choices = {
        "help_wanted": dict(forms.HelpForm.base_fields["help_wanted"].choices),
        "phase": dict(forms.PhaseForm.base_fields["phase"].choices),
        "timescale": dict(forms.TimescaleForm.base_fields["timescale"].choices),
    }
    yes_no = {True: _("Yes"), False: _("No")}
    values = {
        "organisation": [names.get(answers.get("organisation"), "")],
        "others": [names[c] for c in answers.get("others", []) if c in names] or [_("None")],
        "title": [answers.get("title", "")],
        "problem": [answers.get("description", "")],
        "health": [yes_no.get(answers.get("health_or_social_care"), "")],
        "welsh-government": [yes_no.get(answers.get("welsh_government_service"), "")],
        "help": [choices["help_wanted"].get(code, code) for code in answers.get("help_wanted", [])],
        "phase": [choices["phase"].get(answers.get("phase"), "")],
        "timescale": [choices["timescale"].get(answers.get("timescale"), "")],
        "contact": [
            answers.get(k, "") for k in ("contact_name", "contact_email", "contact_phone") if answers.get(k)
        ],
    }
    return [
        {"step": step, "label": step.summary_label, "values": values[step.slug]}
        for step in STEPS
        if step.slug in values
    ]
