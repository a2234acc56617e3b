"""Single sign-on by OpenID Connect, through django-allauth (configured in config/sso.py and settings).

A provider is trusted only for the e-mail domains it is configured with: it may sign in people whose address
is at one of them, and nobody else. Someone it signs in is linked to the Porth account with the same address
if there is one, and becomes a member of the organisation the address's domain belongs to (reference data).
allauth's own messages and pages are English only, so Porth says what happened itself."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.signals import user_logged_in
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.dispatch import receiver
from django.shortcuts import render

from porth.core.language import active_language

from .models import JoinedBy, User
from .services import membership_from_trusted_email


def _trusted_domains(provider_id: str) -> list[str]:
    return settings.SSO.domains.get(provider_id, [])


def _email(sociallogin) -> str:
    addresses = [a.email for a in sociallogin.email_addresses if a.email]
    return (addresses[0] if addresses else sociallogin.user.email or "").strip().lower()


class AccountAdapter(DefaultAccountAdapter):
    def add_message(self, *args, **kwargs):
        # allauth's messages ("Successfully signed in as ...") have no Welsh; Porth's pages say enough.
        return None


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin):
        provider_id = sociallogin.account.provider
        email = _email(sociallogin)
        domain = email.rsplit("@", 1)[-1] if "@" in email else ""
        if not domain or domain not in _trusted_domains(provider_id):
            response = render(
                request,
                "accounts/sso_refused.html",
                {"email": email, "provider": provider_id, "domains": _trusted_domains(provider_id)},
                status=403,
            )
            raise ImmediateHttpResponse(response)
        if not sociallogin.is_existing:
            existing = User.objects.filter(email__iexact=email, is_active=True).first()
            if existing is not None:
                sociallogin.connect(request, existing)

    def is_open_for_signup(self, request, sociallogin):
        return True

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        user.email = _email(sociallogin)
        name = data.get("name") or " ".join(p for p in (data.get("first_name"), data.get("last_name")) if p)
        user.full_name = (name or "").strip()[:200]
        user.preferred_language = active_language()
        return user


@receiver(user_logged_in, dispatch_uid="porth-sso-membership")
def membership_after_sso(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is not None:
        membership_from_trusted_email(
            user=user,
            domains=_trusted_domains(sociallogin.account.provider),
            joined_by=JoinedBy.SINGLE_SIGN_ON,
        )
