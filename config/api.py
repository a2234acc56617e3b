"""Porth's JSON API, version 1, under /api/v1/: one NinjaAPI instance, its error handlers, and a router per
app. Like config/urls.py, this is the only place that knows every app's API."""

from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from porth.capability.api import router as capability_router
from porth.frontdoor import services as frontdoor_services
from porth.frontdoor.api import router as frontdoor_router
from porth.portfolio.api import router as portfolio_router
from porth.routing.services import NoRuleSetInForce, NoTeamAvailable
from porth.skills.api import router as skills_router
from porth.standards.api import router as standards_router

# Clear messages, in the client's language, for the validation errors pydantic can raise.
VALIDATION_MESSAGES = {
    "missing": lambda ctx: _("This field is required."),
    "string_too_short": lambda ctx: _("Enter at least %(min)s characters.") % {"min": ctx.get("min_length")},
    "string_too_long": lambda ctx: _("Enter %(max)s characters or fewer.") % {"max": ctx.get("max_length")},
    "too_short": lambda ctx: _("Give at least %(min)s item(s).") % {"min": ctx.get("min_length")},
    "literal_error": lambda ctx: _("Use one of: %(expected)s.") % {"expected": ctx.get("expected")},
    "bool_parsing": lambda ctx: _("Use true or false."),
    "bool_type": lambda ctx: _("Use true or false."),
    "string_type": lambda ctx: _("Use text."),
    "list_type": lambda ctx: _("Use a list."),
    "value_error": lambda ctx: _("Enter a valid value."),
    "json_invalid": lambda ctx: _("The request body is not valid JSON."),
}

api = NinjaAPI(
    title="Porth API",
    version="1",
    description=(
        "The front door, portfolio and knowledge hub for digital work in the Welsh public sector. "
        "Send Accept-Language: cy for Welsh messages. Authenticate with a personal token "
        "(Authorization: Bearer ...) made on your account page, or with a signed-in session."
    ),
    urls_namespace="api",
    docs_url="/docs/interactive",
    openapi_url="/openapi.json",
)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    detail = []
    for error in exc.errors:
        message = error.get("msg")
        if error.get("type") in VALIDATION_MESSAGES:
            message = VALIDATION_MESSAGES[error["type"]](error.get("ctx") or {})
        detail.append({"loc": list(error.get("loc", [])), "msg": message, "type": error.get("type", "")})
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(AuthenticationError)
def authentication_error(request, exc):
    return api.create_response(
        request, {"detail": _("Sign in, or send a valid API token, to use this.")}, status=401
    )


@api.exception_handler(NoRuleSetInForce)
@api.exception_handler(NoTeamAvailable)
def cannot_route(request, exc):
    message = _(
        "Porth has no routing rules in force, or none of the teams its rules name can take new work, so it "
        "cannot route this now. Try again later."
    )
    return api.create_response(request, {"detail": message}, status=503)


@api.exception_handler(frontdoor_services.NoOwner)
def no_owner(request, exc):
    detail = {
        "loc": ["body", "owners"],
        "msg": _(
            "Name at least one organisation whose work it is, or say that it is the asking organisation's."
        ),
        "type": "no_owner",
    }
    return api.create_response(request, {"detail": [detail]}, status=422)


@api.exception_handler(frontdoor_services.RequestInvalid)
def request_invalid(request, exc):
    detail = [
        {"loc": ["body", name], "msg": message, "type": "value_error"}
        for name, message in exc.problems.items()
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(frontdoor_services.TooManyRequests)
def too_many_requests(request, exc):
    response = api.create_response(request, {"detail": exc.message()}, status=429)
    response["Retry-After"] = str(24 * 60 * 60)
    return response


@api.exception_handler(frontdoor_services.AskingNotAllowed)
def asking_not_allowed(request, exc):
    message = _(
        "You can ask for an organisation you work for, or, if you are in a leadership team, for a body your "
        "team serves."
    )
    return api.create_response(request, {"detail": message}, status=403)


api.add_router("/", frontdoor_router)
api.add_router("/", portfolio_router)
api.add_router("/", skills_router)
api.add_router("/", standards_router)
api.add_router("/", capability_router)
