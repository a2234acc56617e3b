"""Every rate limit in Porth, in one place (counted by django-ratelimit in the "limits" cache).

A limit is a number of requests in a period, per key: the client's address ("ip"), an address typed into a
form ("email"), or an API caller (its token, or its address when it has none). Pages over a limit answer 429
with a page in the reader's language saying when to try again (porth.core.views.rate_limited); the API
answers 429 in JSON.

Sign-in is limited per address typed and per client, and the check runs before the password is hashed, so
a flood of attempts costs Porth almost nothing (each hash takes ~0.1 s and 100 MiB).
"""

import hashlib
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited


@dataclass(frozen=True)
class Limit:
    group: str
    rate: str  # "<number>/<period>", period s, m, h or d, optionally with a count: "10/15m"
    key: str  # "ip", "email" (the form field `field`) or "api"
    field: str = ""


def _typed_address(field):
    def key(group, request):
        return request.POST.get(field, "").strip().lower()[:254] or "-"

    return key


def _api_caller(group, request):
    authorization = request.headers.get("Authorization", "")
    if authorization:
        return "token:" + hashlib.sha256(authorization.encode()).hexdigest()
    return "ip:" + (request.META.get("REMOTE_ADDR") or "-")


SIGN_IN = (
    Limit("sign-in-ip", "30/m", "ip"),
    Limit("sign-in-address", "10/15m", "email", "username"),
)
SIGN_UP = (
    Limit("sign-up-ip", "10/h", "ip"),
    Limit("sign-up-address", "3/h", "email", "email"),
)
PASSWORD_RESET = (
    Limit("password-reset-ip", "10/h", "ip"),
    Limit("password-reset-address", "3/h", "email", "email"),
)
JOIN_REQUEST = (Limit("join-request-ip", "20/h", "ip"),)
FEEDBACK = (Limit("feedback-ip", "10/h", "ip"),)
# The API: reads and writes together, per token (or per address for callers without one). The rate is a
# setting (PORTH_API_RATE), as integrations differ in what they need.
API = (Limit("api", "setting:PORTH_API_RATE", "api"),)


def _key(limit: Limit):
    if limit.key == "email":
        return _typed_address(limit.field)
    if limit.key == "api":
        return _api_caller
    return limit.key


def _rate(limit: Limit):
    if limit.rate.startswith("setting:"):
        name = limit.rate.removeprefix("setting:")
        return lambda group, request: getattr(settings, name)
    return limit.rate


def over_limit(request, limits: tuple[Limit, ...]) -> bool:
    """Count this request against each limit; True if any is exceeded. Every limit counts, even once one is
    exceeded, so that a client hammering one key is not let off the others."""
    exceeded = False
    for limit in limits:
        if is_ratelimited(request, group=limit.group, key=_key(limit), rate=_rate(limit), increment=True):
            exceeded = True
    return exceeded


def limited(limits: tuple[Limit, ...], method: str = "POST"):
    """A view decorator: requests of `method` over any of the limits are refused with 429."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == method and over_limit(request, limits):
                raise Ratelimited()
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
