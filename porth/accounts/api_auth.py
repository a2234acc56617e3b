"""How API callers say who they are: a personal token (`Authorization: Bearer porth_...`) or a signed-in
session. Each app's API router names one of these lists for each endpoint.

A call that carries an Authorization header is decided by it alone, before any endpoint runs
(ApiTokenMiddleware): a token that is not valid is refused with 401, whatever session cookie comes with it
and even on endpoints anonymous readers may use (a client with a broken token must hear so, not quietly get
the public answer)."""

import threading

from django.core.signals import request_finished
from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, django_auth

from .services import api_token_find, api_token_use_record

_after_response = threading.local()


def _record_token_use(sender, **kwargs):
    token = getattr(_after_response, "token", None)
    if token is not None:
        _after_response.token = None
        api_token_use_record(token)


# request_finished is sent when the response has been handed to the client, in the thread that served it.
request_finished.connect(_record_token_use, dispatch_uid="porth-api-token-use")


def invalid_token_response() -> JsonResponse:
    response = JsonResponse(
        {
            "detail": _(
                "The API token is not valid: it may have been revoked, or ended when its owner's password "
                "changed or they left their organisation. Make a new one on your account page."
            )
        },
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="porth", error="invalid_token"'
    return response


class ApiTokenMiddleware:
    """For /api/: a call with an Authorization header is the token's owner, or is refused with 401."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.api_token = None
        if request.path.startswith("/api/") and "Authorization" in request.headers:
            scheme, _, key = request.headers["Authorization"].strip().partition(" ")
            token = api_token_find(key.strip()) if scheme.lower() == "bearer" and key.strip() else None
            if token is None:
                return invalid_token_response()
            request.api_token, request.user = token, token.user
            _after_response.token = token
        return self.get_response(request)


class TokenAuth(HttpBearer):
    """A personal API token, sent as `Authorization: Bearer porth_...` (checked by ApiTokenMiddleware)."""

    def __call__(self, request):
        return self.authenticate(request, "")

    def authenticate(self, request, token):
        found = getattr(request, "api_token", None)
        return found.user if found is not None else None


AUTH = [TokenAuth(), django_auth]


class _Anonymous:
    """Lets a call through without a sign-in: readers who are not signed in see public data only."""

    def __call__(self, request):
        return True


# For public reads: a token or a session if there is one, otherwise anonymous.
OPTIONAL_AUTH = [TokenAuth(), django_auth, _Anonymous()]
