"""The front-door journey: one question per page, answers kept in the session until they are sent.

Answers live in the session, so they survive a reload and a sign-in part-way through (Django keeps session
data when it renews the session key at sign-in). Nothing is written to the database until the person sends
the request from the check-your-answers page.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from porth.directory.models import LeadershipTeam, Organisation

from . import forms
from .services import OWNER, Answers

SESSION_KEY = "frontdoor_answers"


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[forms.QuestionForm]
    summary_label: str


STEPS = (
    Step("organisation", forms.OrganisationForm, _("Your organisation")),
    Step("others", forms.OthersForm, _("Other organisations involved")),
    Step("roles", forms.RolesForm, _("How the other organisations are involved")),
    Step("own-work", forms.OwnWorkForm, _("Your organisation's own work")),
    Step("work-kind", forms.WorkKindForm, _("Kind of work")),
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
    return not step.form.applies(answers) or step.form.is_answered(answers)


def first_unanswered(answers: dict) -> Step | None:
    return next((step for step in STEPS if not step_is_answered(step, answers)), None)


def next_step(step: Step, answers: dict | None = None) -> Step | None:
    answers = answers or {}
    for following in STEPS[STEPS.index(step) + 1 :]:
        if not following.form.applies(answers):
            continue
        if not (following.form.skip_when_answered and step_is_answered(following, answers)):
            return following
    return None


def previous_step(step: Step, answers: dict | None = None) -> Step | None:
    earlier = [s for s in STEPS[: STEPS.index(step)] if s.form.applies(answers or {})]
    return earlier[-1] if earlier else None


def form_for(step: Step, answers: dict, data=None, user=None) -> forms.QuestionForm:
    kwargs = {}
    if step.form is forms.OrganisationForm:
        kwargs = {"user": user}
    elif step.form is forms.OthersForm:
        kwargs = {"asking": answers.get("organisation")}
    elif step.form is forms.RolesForm:
        kwargs = {"others": list(Organisation.objects.filter(code__in=answers.get("others", [])))}
    elif step.form is forms.OwnWorkForm:
        kwargs = {"owners_named": any(r == OWNER for r in _roles(answers).values())}
    initial = step.form.initial_from(answers)
    if step.form is forms.ContactForm and not initial and user is not None and user.is_authenticated:
        initial = {"contact_name": user.full_name, "contact_email": user.email}
    return step.form(data, initial=initial, **kwargs)


def _roles(answers: dict) -> dict[str, str]:
    """Each other organisation's role; one asked about before roles were asked is an owner."""
    stored = answers.get("roles", {})
    return {code: stored.get(code, OWNER) for code in answers.get("others", [])}


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
        roles=_roles(answers),
        asker_owns=answers.get("asker_owns", True),
        work_kind=answers.get("work_kind", ""),
        asked_team=LeadershipTeam.objects.filter(slug=answers.get("asked_team") or "").first(),
    )


def asked_team_note(session, slug: str | None) -> LeadershipTeam | None:
    """Note the team someone chose to ask (?team=<slug> from its page), if it is a team taking work today."""
    team = LeadershipTeam.objects.active_on(timezone.localdate()).filter(slug=slug).first() if slug else None
    if team is not None:
        answers_save(session, {"asked_team": team.slug})
    return team


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
    roles = dict(forms.ROLE_CHOICES)
    kinds = dict(forms.WorkKindForm.base_fields["work_kind"].choices)
    values = {
        "organisation": [names.get(answers.get("organisation"), "")],
        "others": [names[c] for c in answers.get("others", []) if c in names] or [_("None")],
        "roles": [f"{names[c]}: {roles[role]}" for c, role in _roles(answers).items() if c in names],
        "own-work": [yes_no.get(answers.get("asker_owns"), "")],
        "work-kind": [kinds.get(answers.get("work_kind") or "not_sure", "")],
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
        if step.slug in values and step.form.applies(answers)
    ]
