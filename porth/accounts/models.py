"""People who sign in to Porth, and their membership of organisations and leadership teams."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from porth.directory.models import LeadershipTeam, Organisation, SourcedFact


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("A user needs an email address.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with a Porth account. They sign in with their email address."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=[("en", "English"), ("cy", "Cymraeg")], default="en"
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("can use the administration pages"), default=False)
    is_demo = models.BooleanField(_("demo account"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_any_case")]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def save(self, *args, **kwargs):
        # A new password (a reset, a change, or an administrator setting one) ends every API token made
        # before it: whoever held the old password may have made one.
        if self.pk and self._password is not None:
            self.api_tokens.all().delete()
        super().save(*args, **kwargs)

    @property
    def email_domain(self) -> str:
        return self.email.rsplit("@", 1)[-1].lower()


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    ADMINISTRATOR = "administrator", _("Administrator")


class JoinedBy(models.TextChoices):
    ADDED = "added", _("added by an administrator")
    EMAIL_DOMAIN = "email_domain", _("registered with a work e-mail address")
    SINGLE_SIGN_ON = "sso", _("signed in through the organisation's single sign-on")
    REQUEST = "request", _("asked to join, and was accepted")


class OrganisationMembership(models.Model):
    """A person works for an organisation; an administrator there can manage its records in Porth."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="organisation_memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_by = models.CharField(
        _("how they joined"), max_length=20, choices=JoinedBy.choices, default="added"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="organisation_membership_unique")
        ]

    def __str__(self):
        return f"{self.user} - {self.organisation} ({self.role})"


class TeamMembership(models.Model):
    """A person works in a leadership team; members triage its work, administrators also manage the team."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="team_memberships")
    team = models.ForeignKey(LeadershipTeam, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        # Site-wide permissions (see permissions.py); they sit here because they are about what membership
        # normally decides.
        permissions = [
            ("see_every_project", _("Can see every project, private ones included")),
            ("work_for_any_team", _("Can open every leadership team's queue and work pages")),
        ]
        constraints = [models.UniqueConstraint(fields=["user", "team"], name="team_membership_unique")]

    def __str__(self):
        return f"{self.user} - {self.team} ({self.role})"


class OrganisationDomain(SourcedFact):
    """An e-mail domain an organisation's people use. An address there, once confirmed, makes its owner a
    member. A shared domain (several NHS Wales bodies use one) asks the person which body they work for."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="email_domains")
    domain = models.CharField(_("e-mail domain"), max_length=253)
    shared = models.BooleanField(_("shared with other organisations"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["domain"]
        verbose_name = _("organisation e-mail domain")
        verbose_name_plural = _("organisation e-mail domains")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "domain"], name="organisation_domain_unique")
        ]

    def __str__(self):
        return f"{self.domain} ({self.organisation})"


class JoinRequest(models.Model):
    """Someone without a work address at an organisation's domain asks its administrators to admit them."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="join_requests")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="join_requests")
    message = models.TextField(_("message"), max_length=1000, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request to join an organisation")
        verbose_name_plural = _("requests to join an organisation")
        constraints = [
            # One open request per person and organisation; old answered ones stay as history.
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(state="pending"),
                name="join_request_one_pending",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation} ({self.state})"


class ApiToken(models.Model):
    """A personal key for the JSON API. Only a hash is stored; the key itself is shown once, when made."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("first characters"), max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"
