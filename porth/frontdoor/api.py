"""The front door's JSON API: route (stateless), submit a request, read one's own requests."""

import datetime
from typing import Literal

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import ValidationError
from ninja.pagination import paginate
from pydantic import StrictBool

from porth.accounts.api_auth import AUTH
from porth.core import vocabulary
from porth.core.language import active_language
from porth.core.pagination import Pages
from porth.directory.models import LeadershipTeam, Organisation
from porth.routing.explain import reason_text

from . import services
from .models import HelpRequest, RequestEvent
from .permissions import help_request_get_for_user

router = Router(tags=["Front door"])

HelpCode = Literal[vocabulary.HELP_CODES]
PhaseCode = Literal[vocabulary.REQUEST_PHASES]
TimescaleCode = Literal[vocabulary.TIMESCALES]


class HelperIn(Schema):
    organisation: str = Field(..., max_length=80, description="Code of an organisation that only helps")
    role: Literal[vocabulary.HELPER_ROLES] = Field(..., description="How it helps")


class FactsIn(Schema):
    organisation: str = Field(
        ..., max_length=80, description="GSS code or slug of the asking organisation", examples=["W06000015"]
    )
    # JSON true and false only (StrictBool): a lax bool would read 0, "no" or "off" as false silently.
    asker_owns: StrictBool = Field(
        default=True,
        description="Whether it is the asking organisation's own work (false: it asks for the owners)",
    )
    owners: list[str] = Field(
        default=[], max_length=50, description="Codes of other organisations whose work it is too"
    )
    helpers: list[HelperIn] = Field(
        default=[],
        max_length=50,
        description="Organisations that only help, and how: they never count as owners",
    )
    with_: list[str] = Field(
        default=[],
        alias="with",
        max_length=50,
        description="Codes of other organisations involved, read as owners (version 1 of this API)",
    )
    work_kind: Literal[vocabulary.WORK_KINDS] | None = Field(
        default=None, description="What kind of work it is"
    )
    health_or_social_care: StrictBool = False
    welsh_government_service: StrictBool = False
    help_wanted: list[HelpCode] = []


class RequestIn(FactsIn):
    title: str = Field(..., min_length=1, max_length=150)
    description: str = Field(..., min_length=1, max_length=5000, description="The problem, and who it is for")
    help_wanted: list[HelpCode] = Field(..., min_length=1)
    phase: PhaseCode
    timescale: TimescaleCode
    contact_name: str = Field(..., min_length=1, max_length=200)
    contact_email: str = Field(..., min_length=3, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    contact_phone: str = Field(default="", max_length=40)


class TeamOut(Schema):
    slug: str
    name_en: str
    name_cy: str


class ReasonOut(Schema):
    team: str
    role: Literal["lead", "support", "overlap"]
    rule: str
    reason_en: str
    reason_cy: str


class DecisionOut(Schema):
    lead: TeamOut
    support: list[TeamOut]
    fired: list[str] = Field(description="Codes of the rules that applied, in order")
    reasons: list[ReasonOut]
    overlap: list[ReasonOut] = Field(
        description="Other teams that could reasonably lead this too, each with why (empty when it is clear)"
    )
    trace: list[str]
    rule_set_version: int | None


class EventOut(Schema):
    kind: str
    status: str
    message: str
    from_team: str | None
    created_at: datetime.datetime


class RequestOut(Schema):
    reference: str
    title: str
    status: str
    lead_team: str
    supporting_teams: list[str]
    created_at: datetime.datetime
    status_changed_at: datetime.datetime

    @staticmethod
    def resolve_lead_team(obj):
        return obj["lead_team"] if isinstance(obj, dict) else obj.lead_team.slug

    @staticmethod
    def resolve_supporting_teams(obj):
        return (
            obj["supporting_teams"] if isinstance(obj, dict) else [t.slug for t in obj.supporting_teams.all()]
        )


class RequestDetailOut(RequestOut):
    decision: DecisionOut | None
    events: list[EventOut]


def _answers_parts(payload: FactsIn) -> dict:
    """The asking organisation, the others and how each is involved, from the codes in a request."""
    named = [
        ("organisation", payload.organisation),
        *(("owners", c) for c in payload.owners),
        *(("with", c) for c in payload.with_),
        *(("helpers", h.organisation) for h in payload.helpers),
    ]
    found = {
        o.code.lower(): o
        for o in Organisation.objects.filter(code__in=_code_variants([c for _f, c in named]))
    }
    errors = [
        {
            "loc": ["body", field],
            "msg": _("There is no organisation with the code %(code)s.") % {"code": code},
            "type": "unknown_organisation",
        }
        for field, code in named
        if code.lower() not in found
    ]
    if errors:
        raise ValidationError(errors)
    roles = {found[c.lower()].code: services.OWNER for c in [*payload.owners, *payload.with_]}
    roles.update({found[h.organisation.lower()].code: h.role for h in payload.helpers})
    asking = found[payload.organisation.lower()]
    return {
        "organisation": asking,
        "others": [o for o in {found[c.lower()] for _f, c in named[1:]} if o.pk != asking.pk],
        "roles": roles,
        "asker_owns": payload.asker_owns,
        "work_kind": payload.work_kind or "",
        "health_or_social_care": payload.health_or_social_care,
        "welsh_government_service": payload.welsh_government_service,
        "help_wanted": list(payload.help_wanted),
    }


def _code_variants(codes: list[str]) -> list[str]:
    # GSS codes are upper case and slugs lower case; accept either way of typing them.
    return [variant for code in codes for variant in (code, code.upper(), code.lower())]


def _decision_out(result: dict, rule_set_version: int | None) -> dict:
    slugs = [result["lead"], *result.get("support", [])]
    teams = {t.slug: t for t in LeadershipTeam.objects.filter(slug__in=slugs)}

    def team(slug):
        return {"slug": slug, "name_en": teams[slug].name_en, "name_cy": teams[slug].name_cy}

    def reason(r):
        return {
            "team": r["team"],
            "role": r["role"],
            "rule": r.get("code", ""),
            "reason_en": str(reason_text(r, "en")),
            "reason_cy": str(reason_text(r, "cy")),
        }

    return {
        "lead": team(result["lead"]),
        "support": [team(slug) for slug in result.get("support", [])],
        "fired": result.get("fired", []),
        "reasons": [reason(r) for r in result.get("reasons", [])],
        "overlap": [reason(r) for r in result.get("overlap", [])],
        "trace": result.get("trace", []),
        "rule_set_version": rule_set_version,
    }


@router.post("/route", response=DecisionOut, summary="Route a request without saving it")
def route(request, payload: FactsIn):
    """Facts in, decision out: which team would lead, which would support, who could also lead, and why.
    Nothing is stored."""
    parts = _answers_parts(payload)
    answers = services.Answers(
        **parts, title="", description="", phase="", timescale="", contact_name="", contact_email=""
    )
    _facts, decision, rule_set = services.route_answers(answers)
    return _decision_out(decision.to_dict(), rule_set.version)


def _request_out(item: HelpRequest) -> dict:
    return {
        "reference": item.reference,
        "title": item.title,
        "status": item.status,
        "lead_team": item.lead_team.slug,
        "supporting_teams": [t.slug for t in item.supporting_teams.all()],
        "created_at": item.created_at,
        "status_changed_at": item.status_changed_at,
    }


@router.post("/requests", response={201: RequestDetailOut}, auth=AUTH, summary="Send a request for help")
def request_create(request, payload: RequestIn):
    """Send a request, as the signed-in user or the owner of the token. It is routed at once."""
    fields = payload.dict(
        include={
            "title",
            "description",
            "phase",
            "timescale",
            "contact_name",
            "contact_email",
            "contact_phone",
        }
    )
    answers = services.Answers(**_answers_parts(payload), **fields)
    item = services.request_submit(user=request.user, answers=answers, language=active_language())
    return Status(201, request_detail(request, item.reference))


@router.get("/requests", response=list[RequestOut], auth=AUTH, summary="List your requests")
@paginate(Pages, page_size=25)
def request_list(request):
    """Your requests, newest first, with their status."""
    return (
        HelpRequest.objects.submitted_by(request.user)
        .select_related("lead_team")
        .prefetch_related("supporting_teams")
    )


@router.get(
    "/requests/{reference}", response=RequestDetailOut, auth=AUTH, summary="Read one of your requests"
)
def request_detail(request, reference: str):
    """A request you sent, or one your team leads or supports: its status, the routing decision with
    reasons, and the conversation."""
    events = Prefetch("events", queryset=RequestEvent.objects.select_related("from_team"))
    item, _access = help_request_get_for_user(
        request.user, reference, HelpRequest.objects.prefetch_related(events)
    )
    decision = item.decisions.select_related("rule_set").first()
    return {
        **_request_out(item),
        "decision": _decision_out(decision.result, decision.rule_set.version if decision.rule_set else None)
        if decision
        else None,
        "events": [
            {
                "kind": e.kind,
                "status": e.status,
                "message": e.message,
                "from_team": e.from_team.slug if e.from_team else None,
                "created_at": e.created_at,
            }
            for e in item.events.all()
        ],
    }
