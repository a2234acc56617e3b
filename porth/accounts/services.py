"""Writes to accounts: creating people and memberships, changing profile details."""

import contextlib
import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.core import signing
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from porth.core.mail import absolute_url, message_render, messages_send
from porth.directory.models import LeadershipTeam, Organisation, Verification

from .models import (
    ApiToken,
    JoinedBy,
    JoinRequest,
    OrganisationMembership,
    Role,
    TeamMembership,
    User,
)
from .permissions import organisation_administrators


def user_update_profile(*, user: User, full_name: str, preferred_language: str) -> User:
    user.full_name = full_name
    user.preferred_language = preferred_language
    user.save(update_fields=["full_name", "preferred_language"])
    return user


@transaction.atomic
def user_ensure(*, email: str, password: str, full_name: str = "", is_demo: bool = False, **flags) -> User:
    """Create the user if missing; an existing user keeps their password and details."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email, password, full_name=full_name, is_demo=is_demo, **flags)
    return user


def organisation_add_member(*, user: User, organisation: Organisation, role: str = Role.MEMBER):
    membership, _ = OrganisationMembership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    return membership


def team_add_member(*, user: User, team: LeadershipTeam, role: str = Role.MEMBER):
    membership, _ = TeamMembership.objects.update_or_create(user=user, team=team, defaults={"role": role})
    return membership


def local_password_generate() -> str:
    return secrets.token_urlsafe(12)


def api_token_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token; return it with the key, which is not stored and cannot be shown again."""
    key = "porth_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=key[6:14], key_hash=api_token_hash(key))
    return token, key


# How often a token's "last used" time is written: it is for people reviewing their tokens, to the minute
# is plenty, and writing it on every call would make every API read a database write.
TOKEN_USE_RECORDED_EVERY = datetime.timedelta(minutes=5)


def api_token_find(key: str) -> ApiToken | None:
    """The token a key is, if it is valid: it exists and its owner's account is active."""
    token = ApiToken.objects.select_related("user").filter(key_hash=api_token_hash(key)).first()
    if token is None or not token.user.is_active:
        return None
    return token


def api_token_use_record(token: ApiToken) -> None:
    """Note that the token was used, at most once every few minutes. Called after the response has gone
    (see api_auth), and a busy database only means this one note is skipped."""
    now = timezone.now()
    if token.last_used_at and now - token.last_used_at < TOKEN_USE_RECORDED_EVERY:
        return
    with contextlib.suppress(DatabaseError):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)


def api_token_revoke(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


# Registering -------------------------------------------------------------------------------------------

SIGN_UP_SALT = "porth.accounts.sign-up"
SIGN_UP_LINK_DAYS = 2


@dataclass(frozen=True)
class SignUp:
    """What a confirmation link carries: the address it proves, the language, and where to go after."""

    email: str
    language: str
    next: str = ""


class SignUpLinkInvalid(Exception):
    """The link is damaged or was made for something else."""


class SignUpLinkExpired(Exception):
    """The link is older than SIGN_UP_LINK_DAYS."""


def organisations_for_email(email: str):
    """The organisations an address's domain belongs to (several for a shared domain, none for others).

    The whole domain must match (a subdomain is not its parent), and only domains a source shows the
    organisation uses, or serves its website from, count: an inferred (unverified) one lets nobody in."""
    domain = email.rsplit("@", 1)[-1].strip().lower()
    return (
        Organisation.objects.filter(
            email_domains__domain=domain,
            email_domains__verification__in=[Verification.VERIFIED, Verification.PARTIALLY_VERIFIED],
        )
        .order_by("name_en")
        .distinct()
    )


def sign_up_start(*, email: str, language: str, next_path: str = "") -> None:
    """E-mail a confirmation link to the address; if it already has an account, say so instead. The page
    says the same either way, so it cannot be used to find out who has an account."""
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        message = message_render(
            template="accounts/email/sign_up_exists",
            to=email,
            language=existing.preferred_language,
            context={
                "sign_in_url": absolute_url(reverse("accounts:sign-in"), existing.preferred_language),
                "reset_url": absolute_url(reverse("accounts:password-reset"), existing.preferred_language),
            },
        )
    else:
        token = signing.dumps({"email": email, "language": language, "next": next_path}, salt=SIGN_UP_SALT)
        organisations = list(organisations_for_email(email))
        message = message_render(
            template="accounts/email/sign_up_confirm",
            to=email,
            language=language,
            context={
                "link": absolute_url(reverse("accounts:sign-up-complete", args=[token]), language),
                "days": SIGN_UP_LINK_DAYS,
                "organisations": [str(o.name) for o in organisations],
            },
        )
    messages_send([message])


def sign_up_read(token: str) -> SignUp:
    try:
        data = signing.loads(token, salt=SIGN_UP_SALT, max_age=datetime.timedelta(days=SIGN_UP_LINK_DAYS))
    except signing.SignatureExpired:
        raise SignUpLinkExpired from None
    except signing.BadSignature:
        raise SignUpLinkInvalid from None
    return SignUp(email=data["email"], language=data.get("language", "en"), next=data.get("next", ""))


class AccountExists(Exception):
    """The address already has an account (the link was used, or the person registered another way)."""


@transaction.atomic
def sign_up_complete(
    *, sign_up: SignUp, full_name: str, password: str, organisation: Organisation | None = None
) -> User:
    """Create the account the link confirmed. An address at one organisation's domain makes its owner a
    member there; at a shared domain, of the one they chose among those sharing it; otherwise the account is
    a public one (they can ask an organisation to admit them)."""
    if User.objects.filter(email__iexact=sign_up.email).exists():
        raise AccountExists
    user = User.objects.create_user(
        sign_up.email, password, full_name=full_name, preferred_language=sign_up.language
    )
    choices = list(organisations_for_email(sign_up.email))
    if organisation is None and len(choices) == 1:
        organisation = choices[0]
    if organisation is not None:
        if organisation not in choices:
            raise ValueError("the organisation does not use this address's domain")
        OrganisationMembership.objects.create(
            user=user, organisation=organisation, joined_by=JoinedBy.EMAIL_DOMAIN
        )
    return user


def membership_from_trusted_email(*, user: User, domains: list[str], joined_by: str) -> None:
    """After a single sign-on: make the person a member of the organisation their address belongs to, when
    the provider is trusted for that domain and the domain is one organisation's (not shared)."""
    if user.email_domain not in domains:
        return
    organisations = list(organisations_for_email(user.email))
    if len(organisations) == 1:
        OrganisationMembership.objects.get_or_create(
            user=user, organisation=organisations[0], defaults={"joined_by": joined_by}
        )


# Joining an organisation -------------------------------------------------------------------------------


class AlreadyMember(Exception):
    pass


class AlreadyAsked(Exception):
    pass


def join_request_create(*, user: User, organisation: Organisation, message: str) -> JoinRequest:
    if OrganisationMembership.objects.filter(user=user, organisation=organisation).exists():
        raise AlreadyMember
    if JoinRequest.objects.filter(
        user=user, organisation=organisation, state=JoinRequest.State.PENDING
    ).exists():
        raise AlreadyAsked
    ask = JoinRequest.objects.create(user=user, organisation=organisation, message=message)
    administrators = organisation_administrators(organisation)
    people_path = reverse("accounts:organisation-people", args=[organisation.code])
    messages_send(
        [
            message_render(
                template="accounts/email/join_request_admin",
                to=admin.email,
                language=admin.preferred_language,
                context={
                    "person": user.full_name or user.email,
                    "email": user.email,
                    "organisation": _name_in(organisation, admin.preferred_language),
                    "message": message,
                    "link": absolute_url(people_path, admin.preferred_language),
                },
            )
            for admin in administrators
        ]
    )
    return ask


def _name_in(organisation: Organisation, language: str) -> str:
    with translation.override(language):
        return str(organisation.name)


class AlreadyDecided(Exception):
    pass


@transaction.atomic
def join_request_decide(*, ask: JoinRequest, by: User, accept: bool) -> JoinRequest:
    ask = JoinRequest.objects.select_for_update().get(pk=ask.pk)
    if ask.state != JoinRequest.State.PENDING:
        raise AlreadyDecided
    ask.state = JoinRequest.State.ACCEPTED if accept else JoinRequest.State.DECLINED
    ask.decided_at, ask.decided_by = timezone.now(), by
    ask.save(update_fields=["state", "decided_at", "decided_by"])
    if accept:
        OrganisationMembership.objects.get_or_create(
            user=ask.user, organisation=ask.organisation, defaults={"joined_by": JoinedBy.REQUEST}
        )
    person = ask.user
    transaction.on_commit(
        lambda: messages_send(
            [
                message_render(
                    template="accounts/email/join_request_decided",
                    to=person.email,
                    language=person.preferred_language,
                    context={
                        "accepted": accept,
                        "organisation": _name_in(ask.organisation, person.preferred_language),
                        "link": absolute_url(reverse("accounts:profile"), person.preferred_language),
                    },
                )
            ]
        )
    )
    return ask


def join_request_withdraw(*, ask: JoinRequest) -> None:
    JoinRequest.objects.filter(pk=ask.pk, state=JoinRequest.State.PENDING).update(
        state=JoinRequest.State.WITHDRAWN, decided_at=timezone.now()
    )


class LastAdministrator(Exception):
    """Removing this person would leave the organisation with nobody to manage its people."""


@transaction.atomic
def organisation_remove_member(*, membership: OrganisationMembership) -> None:
    """Remove someone from an organisation. Their API tokens die with it (see signals)."""
    if membership.role == Role.ADMINISTRATOR:
        others = OrganisationMembership.objects.filter(
            organisation=membership.organisation, role=Role.ADMINISTRATOR
        ).exclude(pk=membership.pk)
        if not others.exists():
            raise LastAdministrator
    membership.delete()
