"""Porth's JSON API, version 1, under /api/v1/: one NinjaAPI instance, with a router per app."""

from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import HttpBearer, django_auth

from porth.accounts.services import api_token_user

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


class TokenAuth(HttpBearer):
    """A personal API token, sent as `Authorization: Bearer porth_...`."""

    def authenticate(self, request, token):
        user = api_token_user(token)
        if user is not None:
            request.user = user
        return user


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
AUTH = [TokenAuth(), django_auth]


class _Anonymous:
    """Lets a call through without a sign-in: readers who are not signed in see public data only."""

    def __call__(self, request):
        return True


# For public reads: a token or a session if there is one, otherwise anonymous.
OPTIONAL_AUTH = [TokenAuth(), django_auth, _Anonymous()]


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


def _register_routers():
    from porth.frontdoor.api import router as frontdoor_router
    from porth.portfolio.api import router as portfolio_router

    api.add_router("/", frontdoor_router)
    api.add_router("/", portfolio_router)


_register_routers()
