"""The front door's JSON API: route (stateless), submit a request, read one's own requests."""

import datetime
from typing import Literal

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import ValidationError
from ninja.pagination import PageNumberPagination, paginate

from porth.accounts.api_auth import AUTH
from porth.core.language import active_language
from porth.directory.models import LeadershipTeam, Organisation

from . import services
from .models import HelpRequest, RequestEvent

router = Router(tags=["Front door"])

HelpCode = Literal[
    "service_design", "data", "skills", "specialists", "assurance", "technology", "connectivity", "inclusion"
]
PhaseCode = Literal["pre_discovery", "discovery", "alpha", "beta", "live", "not_using_phases"]
TimescaleCode = Literal["within_3_months", "within_6_months", "within_a_year", "over_a_year", "not_sure"]


class FactsIn(Schema):
    organisation: str = Field(
        ..., description="GSS code or slug of the asking organisation", examples=["W06000015"]
    )
    with_: list[str] = Field(
        default=[], alias="with", description="Codes of the other organisations involved"
    )
    health_or_social_care: bool = False
    welsh_government_service: bool = False
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
    role: Literal["lead", "support"]
    rule: str
    reason_en: str
    reason_cy: str


class DecisionOut(Schema):
    lead: TeamOut
    support: list[TeamOut]
    fired: list[str] = Field(description="Codes of the rules that applied, in order")
    reasons: list[ReasonOut]
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


def _organisations(payload: FactsIn) -> tuple[Organisation, list[Organisation]]:
    codes = [payload.organisation, *payload.with_]
    found = {o.code.lower(): o for o in Organisation.objects.filter(code__in=_code_variants(codes))}
    errors = [
        {
            "loc": ["body", field],
            "msg": _("There is no organisation with the code %(code)s.") % {"code": code},
            "type": "unknown_organisation",
        }
        for field, code in [("organisation", payload.organisation), *(("with", c) for c in payload.with_)]
        if code.lower() not in found
    ]
    if errors:
        raise ValidationError(errors)
    return found[payload.organisation.lower()], [found[c.lower()] for c in payload.with_]


def _code_variants(codes: list[str]) -> list[str]:
    # GSS codes are upper case and slugs lower case; accept either way of typing them.
    return [variant for code in codes for variant in (code, code.upper(), code.lower())]


def _decision_out(result: dict, rule_set_version: int | None) -> dict:
    slugs = [result["lead"], *result.get("support", [])]
    teams = {t.slug: t for t in LeadershipTeam.objects.filter(slug__in=slugs)}

    def team(slug):
        return {"slug": slug, "name_en": teams[slug].name_en, "name_cy": teams[slug].name_cy}

    return {
        "lead": team(result["lead"]),
        "support": [team(slug) for slug in result.get("support", [])],
        "fired": result.get("fired", []),
        "reasons": [
            {
                "team": r["team"],
                "role": r["role"],
                "rule": r.get("code", ""),
                "reason_en": r["reason_en"],
                "reason_cy": r["reason_cy"],
            }
            for r in result.get("reasons", [])
        ],
        "trace": result.get("trace", []),
        "rule_set_version": rule_set_version,
    }


@router.post("/route", response=DecisionOut, summary="Route a request without saving it")
def route(request, payload: FactsIn):
    """Facts in, decision out: which team would lead, which would support, and why. Nothing is stored."""
    organisation, others = _organisations(payload)
    facts = services.facts_build(
        organisation=organisation,
        others=others,
        health_or_social_care=payload.health_or_social_care,
        welsh_government_service=payload.welsh_government_service,
        help_wanted=list(payload.help_wanted),
    )
    decision, rule_set = services.route(facts)
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
    organisation, others = _organisations(payload)
    answers = services.Answers(
        organisation=organisation,
        others=others,
        **payload.dict(
            include={
                "title",
                "description",
                "health_or_social_care",
                "welsh_government_service",
                "phase",
                "timescale",
                "contact_name",
                "contact_email",
                "contact_phone",
            }
        ),
        help_wanted=list(payload.help_wanted),
    )
    item = services.request_submit(user=request.user, answers=answers, language=active_language())
    return Status(201, request_detail(request, item.reference))


@router.get("/requests", response=list[RequestOut], auth=AUTH, summary="List your requests")
@paginate(PageNumberPagination, page_size=25)
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
    """One of your requests: its status, the routing decision with reasons, and the conversation."""
    item = get_object_or_404(
        HelpRequest.objects.select_related("lead_team").prefetch_related(
            "supporting_teams", Prefetch("events", queryset=RequestEvent.objects.select_related("from_team"))
        ),
        reference=reference,
        submitted_by=request.user,
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
