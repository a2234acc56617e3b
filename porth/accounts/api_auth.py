"""How API callers say who they are: a personal token (`Authorization: Bearer porth_...`) or a signed-in
session. Each app's API router names one of these lists for each endpoint."""

from ninja.security import HttpBearer, django_auth

from .services import api_token_user


class TokenAuth(HttpBearer):
    """A personal API token, sent as `Authorization: Bearer porth_...`."""

    def authenticate(self, request, token):
        user = api_token_user(token)
        if user is not None:
            request.user = user
        return user


AUTH = [TokenAuth(), django_auth]


class _Anonymous:
    """Lets a call through without a sign-in: readers who are not signed in see public data only."""

    def __call__(self, request):
        return True


# For public reads: a token or a session if there is one, otherwise anonymous.
OPTIONAL_AUTH = [TokenAuth(), django_auth, _Anonymous()]
