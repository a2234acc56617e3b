"""The front door: requests for help, the routing rule sets that decide who leads them, and what happens next.

A request is routed once when it is submitted; the decision keeps the facts it saw and the rule set version it
used, so it can be re-run later and give the same answer. A redirect by a team records a new decision.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from porth.core.phases import REQUEST_PHASES
from porth.directory.models import LeadershipTeam, Organisation
from porth.routing.models import Help, RuleSet, WorkKind


class Timescale(models.TextChoices):
    """The codes are porth.core.vocabulary.TIMESCALES, in the same order."""

    WITHIN_3_MONTHS = "within_3_months", _("Within 3 months")
    WITHIN_6_MONTHS = "within_6_months", _("In 3 to 6 months")
    WITHIN_A_YEAR = "within_a_year", _("In 6 to 12 months")
    OVER_A_YEAR = "over_a_year", _("In more than a year")
    NOT_SURE = "not_sure", _("Not sure yet")


class HelpRequestQuerySet(models.QuerySet):
    def for_team(self, team: LeadershipTeam, role: str = "lead"):
        if role == "support":
            return self.filter(supporting_teams=team)
        return self.filter(lead_team=team)

    def submitted_by(self, user):
        return self.filter(submitted_by=user)


class HelpRequest(models.Model):
    """A digital project or a need for help, said once, and routed to the right leadership team(s)."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        NEEDS_INFORMATION = "needs_information", _("Needs more information")
        REDIRECTED = "redirected", _("Redirected")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="help_requests"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("asking organisation"), on_delete=models.PROTECT, related_name="+"
    )
    other_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("other organisations involved"), blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("the problem, and who it is for"), max_length=5000)
    health_or_social_care = models.BooleanField(_("about health or social care"))
    welsh_government_service = models.BooleanField(_("a Welsh Government service"))
    help_wanted = models.JSONField(_("help wanted"), default=list)
    work_kind = models.CharField(_("kind of work"), max_length=30, choices=WorkKind.choices, blank=True)
    asker_owns = models.BooleanField(_("the asking organisation's own work"), default=True)
    # How each other organisation is involved: "owner" (it is their work too) or how they help.
    organisation_roles = models.JSONField(_("how the other organisations are involved"), default=dict)
    acting_for_team = models.ForeignKey(
        LeadershipTeam,
        verbose_name=_("asked by a member of this team, acting for the organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The team the person chose to ask ("Ask this team" on its page). Noted for the teams to see; the rules
    # still decide who leads.
    asked_team = models.ForeignKey(
        LeadershipTeam,
        verbose_name=_("team the person chose to ask"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phase = models.CharField(_("phase"), max_length=20, choices=REQUEST_PHASES)
    timescale = models.CharField(_("timescale"), max_length=20, choices=Timescale.choices)
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact email address"))
    contact_phone = models.CharField(_("contact telephone number"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=2, default="en")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    lead_team = models.ForeignKey(
        LeadershipTeam, verbose_name=_("lead team"), on_delete=models.PROTECT, related_name="led_requests"
    )
    supporting_teams = models.ManyToManyField(
        LeadershipTeam, verbose_name=_("supporting teams"), blank=True, related_name="supported_requests"
    )
    project = models.OneToOneField(
        "portfolio.Project",
        verbose_name=_("the project it became"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_request",
    )
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    # Another team's rules also held when it was routed, and its lead team has not yet said it keeps it.
    could_go_either_way = models.BooleanField(_("could go either way"), default=False)

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("request for help")
        verbose_name_plural = _("requests for help")
        # The queues read one team's requests newest (or oldest) first, with or without a status: these
        # indexes give that order without sorting, whichever way the page asks for it.
        indexes = [
            models.Index(fields=["lead_team", "created_at", "id"], name="request_queue"),
            models.Index(fields=["lead_team", "status", "created_at", "id"], name="request_queue_status"),
            models.Index(fields=["submitted_by", "created_at", "id"], name="request_submitter"),
            models.Index(
                fields=["lead_team", "created_at", "id"],
                condition=models.Q(could_go_either_way=True),
                name="request_queue_either_way",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self):
        return reverse("frontdoor:request-detail", args=[self.reference])

    @property
    def overlap(self) -> list[dict]:
        """The other teams that could lead it, with why, from its latest decision by the rules."""
        decision = self.decisions.filter(rule_set__isnull=False).first()
        return decision.result.get("overlap", []) if decision else []

    def help_labels(self) -> list[str]:
        labels = dict(Help.choices)
        return [labels[code] for code in self.help_wanted if code in labels]


class Decision(models.Model):
    """One routing decision for a request: by a rule set version, or by a team that redirected it."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="decisions")
    rule_set = models.ForeignKey(RuleSet, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    facts = models.JSONField(_("facts the decision saw"))
    result = models.JSONField(_("the decision, with its reasons and trace"))
    lead_team = models.ForeignKey(LeadershipTeam, on_delete=models.PROTECT, related_name="+")
    redirected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    redirect_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("routing decision")
        verbose_name_plural = _("routing decisions")

    def __str__(self):
        return f"{self.request_id}: {self.lead_team_id}"


class RequestEvent(models.Model):
    """Something that happened to a request: submitted, a status change, a redirect, or a message."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        STATUS = "status", _("Status changed")
        REDIRECTED = "redirected", _("Redirected")
        MESSAGE = "message", _("Message")
        KEPT = "kept", _("Kept by its lead team")

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_team = models.ForeignKey(
        LeadershipTeam, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=HelpRequest.Status.choices, blank=True)
    message = models.TextField(blank=True, max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("request event")
        verbose_name_plural = _("request events")

    def __str__(self):
        return f"{self.request_id} {self.kind}"
