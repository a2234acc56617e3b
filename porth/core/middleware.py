import re

from django.http import JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from .limits import API, over_limit
from .views import rate_limited

# Longer addresses than this are refused with a page (a browser sends about 2,000 characters at most when
# someone follows a link; a 20,000-character search is a paste gone wrong).
MAX_URL_LENGTH = 4096
_NUL_IN_JSON = re.compile(rb"\\u0000", re.IGNORECASE)


SSO_LANGUAGE_KEY = "porth_sso_language"


class UnprefixedLanguageMiddleware:
    """Pages keep the language of their address; two parts of Porth have no language in theirs.

    The JSON API answers in the language the client asks for (Accept-Language: cy for Welsh). Single sign-on
    (/auth/) answers in the language of the page the person started from: its sign-in button sends it
    (`language`), and it is kept in the session for the return from the provider."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = None
        if request.path.startswith("/api/"):
            language = translation.get_language_from_request(request, check_path=False)
        elif request.path.startswith("/auth/"):
            chosen = request.POST.get("language") if request.method == "POST" else None
            if chosen in {"en", "cy"}:
                request.session[SSO_LANGUAGE_KEY] = chosen
            language = request.session.get(SSO_LANGUAGE_KEY, "en")
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


def _refuse(request, status: int, message: str):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return render(request, "errors/refused.html", {"message": message, "status": status}, status=status)


def _has_nul(request) -> bool:
    if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
        return True
    if "\x00" in "".join(f"{k}{v}" for k, values in request.GET.lists() for v in values):
        return True
    if request.method in {"POST", "PUT", "PATCH"}:
        if request.content_type == "application/json":
            return b"\x00" in request.body or bool(_NUL_IN_JSON.search(request.body))
        if request.content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
            return any("\x00" in f"{k}{v}" for k, values in request.POST.lists() for v in values)
    return False


class RequestGuardMiddleware:
    """Refuses, with a clear page in the reader's language, what no part of Porth can use: addresses too long
    to be real, and null characters anywhere (PostgreSQL cannot store them, and no keyboard types them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.get_full_path()) > MAX_URL_LENGTH:
            return _refuse(
                request,
                414,
                _("That web address is too long (more than %(max)s characters). Check it and try again.")
                % {"max": f"{MAX_URL_LENGTH:,}"},
            )
        try:
            has_nul = _has_nul(request)
        except MultiPartParserError:
            return _refuse(
                request,
                400,
                _("Porth could not read what was sent: the form data is not in the format it says it is."),
            )
        if has_nul:
            return _refuse(
                request,
                400,
                _(
                    "What you sent contains a null character, which Porth cannot accept. It usually comes "
                    "from copying text out of another program. Remove it and try again."
                ),
            )
        return self.get_response(request)


class ApiRateLimitMiddleware:
    """Every API call counts against the caller's limit (porth.core.limits.API)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/v1/") and over_limit(request, API):
            return rate_limited(request)
        return self.get_response(request)
