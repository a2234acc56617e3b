"""The shared portfolio: every digital project in the Welsh public sector, kept true by the people doing it.

A project is reported once: its updates feed the project page, the activity feeds and the digests. Every
change to a project is kept as history. A project with no update for 90 days is stale, and its owners are
nudged.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from porth.core.language import Bilingual
from porth.core.phases import Phase
from porth.directory.models import LeadershipTeam, Organisation, ProgrammeItem, Service, WellbeingGoal

STALE_AFTER = datetime.timedelta(days=90)


class Status(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")


class BudgetBand(models.TextChoices):
    UNKNOWN = "unknown", _("Not known or not shared")
    UNDER_50K = "under_50k", _("Under £50,000")
    UP_TO_250K = "50k_250k", _("£50,000 to £250,000")
    UP_TO_1M = "250k_1m", _("£250,000 to £1 million")
    OVER_1M = "over_1m", _("Over £1 million")


class Collaboration(models.TextChoices):
    SHARING = "sharing_ideas", _("Happy to share ideas")
    OPEN = "open_to_partners", _("Open to partners")
    FUNDING = "seeking_funding_partners", _("Looking for funding partners")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone can see it")
    PUBLIC_SECTOR = "public_sector", _("Public sector: people signed in from Welsh public bodies")
    PRIVATE = "private", _("Private: the owners, partners and leadership teams involved")


class Tag(models.Model):
    """A free label that people add to projects, such as 'booking' or 'chatbot'."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True, allow_unicode=True)
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name


class ProjectQuerySet(models.QuerySet):
    def stale(self, now: datetime.datetime | None = None):
        cutoff = (now or timezone.now()) - STALE_AFTER
        return self.exclude(phase=Phase.RETIRED).filter(last_update_at__lt=cutoff)

    def fresh(self, now: datetime.datetime | None = None):
        cutoff = (now or timezone.now()) - STALE_AFTER
        return self.filter(Q(phase=Phase.RETIRED) | Q(last_update_at__gte=cutoff))

    def for_team(self, team: LeadershipTeam):
        return self.filter(
            Q(lead_team=team)
            | Q(
                pk__in=Project.supporting_teams.through.objects.filter(leadershipteam=team).values(
                    "project_id"
                )
            )
        )


class Project(models.Model):
    """A digital project: who owns it, who is working with them, where it is, and how it is going."""

    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    summary_en = models.TextField(_("summary in English"), max_length=5000, blank=True)
    summary_cy = models.TextField(_("summary in Welsh"), max_length=5000, blank=True)
    owner_organisation = models.ForeignKey(
        Organisation, verbose_name=_("owner organisation"), on_delete=models.PROTECT, related_name="projects"
    )
    partner_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("partner organisations"), blank=True, related_name="partner_projects"
    )
    owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("owners"), related_name="owned_projects"
    )
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, default=Phase.DISCOVERY)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ON_TRACK)
    status_reason = models.CharField(_("why it has this status"), max_length=300, blank=True)
    started_on = models.DateField(_("start date"), null=True, blank=True)
    expected_end_on = models.DateField(_("expected end date"), null=True, blank=True)
    budget_band = models.CharField(
        _("budget"), max_length=20, choices=BudgetBand.choices, default=BudgetBand.UNKNOWN
    )
    collaboration = models.CharField(
        _("working with others"), max_length=30, choices=Collaboration.choices, default=Collaboration.SHARING
    )
    lead_team = models.ForeignKey(
        LeadershipTeam,
        verbose_name=_("lead team"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_projects",
    )
    supporting_teams = models.ManyToManyField(
        LeadershipTeam, verbose_name=_("supporting teams"), blank=True, related_name="supported_projects"
    )
    programme_items = models.ManyToManyField(
        ProgrammeItem, verbose_name=_("programme items"), blank=True, related_name="projects"
    )
    wellbeing_goals = models.ManyToManyField(
        WellbeingGoal, verbose_name=_("well-being goals"), blank=True, related_name="projects"
    )
    services = models.ManyToManyField(
        Service, verbose_name=_("council services"), blank=True, related_name="projects"
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="projects")
    contacts = models.JSONField(_("contacts"), default=list, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    visibility = models.CharField(
        _("who can see it"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    last_update_at = models.DateTimeField(_("last update"), default=timezone.now)
    nudged_at = models.DateTimeField(_("owners last reminded"), null=True, blank=True)
    # What the full-text index holds (porth.portfolio.search): the forms of every word of the titles, and of
    # the summaries, organisation names and tags, in both languages. Written by the portfolio's service.
    search_title = models.TextField(default="", blank=True, editable=False)
    search_body = models.TextField(default="", blank=True, editable=False)

    title = Bilingual("title")
    summary = Bilingual("summary")
    objects = ProjectQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=[
            partner_organisations,
            owners,
            supporting_teams,
            programme_items,
            wellbeing_goals,
            services,
            tags,
        ],
        excluded_fields=["updated_at", "last_update_at", "nudged_at", "search_title", "search_body"],
    )

    class Meta:
        ordering = ["-last_update_at", "-id"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(condition=~Q(title_en="", title_cy=""), name="project_has_a_title"),
        ]
        indexes = [
            # Newest first: a scan in this order that stops after a page. (An index led by visibility would
            # tempt SQLite into an OR of index lookups and a sort of every visible project instead.)
            models.Index(fields=["last_update_at", "id"], name="project_updated"),
            # The few private projects, found without reading the rest (see permissions.projects_visible_to).
            models.Index(fields=["id"], condition=Q(visibility="private"), name="project_private"),
            # An organisation's or a team's private projects without reading their rows (private_project_ids
            # at 100,000 projects: 11 ms → 5 for a council member).
            models.Index(
                fields=["owner_organisation", "id"],
                condition=Q(visibility="private"),
                name="project_private_owner",
            ),
            models.Index(
                fields=["lead_team", "id"], condition=Q(visibility="private"), name="project_private_lead"
            ),
            models.Index(fields=["phase", "last_update_at"], name="project_phase"),
            models.Index(fields=["status", "last_update_at"], name="project_status"),
            models.Index(fields=["owner_organisation", "last_update_at"], name="project_owner"),
            models.Index(fields=["lead_team", "last_update_at"], name="project_lead_team"),
            # What changed since a time: how the similar-project index keeps up with saves.
            models.Index(fields=["updated_at"], name="project_changed"),
        ]

    def __str__(self):
        return self.title_en or self.title_cy

    def get_absolute_url(self):
        return reverse("portfolio:project-detail", args=[self.pk])

    @property
    def is_stale(self) -> bool:
        return self.phase != Phase.RETIRED and self.last_update_at < timezone.now() - STALE_AFTER

    @property
    def missing_language(self) -> str | None:
        """'en' or 'cy' when the title or summary is written in one language only."""
        if not (self.title_cy and (self.summary_cy or not self.summary_en)):
            return "cy"
        if not (self.title_en and (self.summary_en or not self.summary_cy)):
            return "en"
        return None


class ProjectUpdate(models.Model):
    """One report on a project: its status, what happened, what comes next. Written once, shown everywhere."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    status_reason = models.CharField(_("why it has this status"), max_length=300, blank=True)
    what_happened = models.TextField(_("what happened"), max_length=3000)
    whats_next = models.TextField(_("what happens next"), max_length=3000, blank=True)
    language = models.CharField(_("language written in"), max_length=2, default="en")
    created_at = models.DateTimeField(_("reported"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")

    def __str__(self):
        return f"{self.project_id} {self.created_at:%Y-%m-%d}"


class Follow(models.Model):
    """Someone follows a project, an organisation or a team, for the weekly digest."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    team = models.ForeignKey(
        LeadershipTeam, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(project__isnull=False, organisation__isnull=True, team__isnull=True)
                    | Q(project__isnull=True, organisation__isnull=False, team__isnull=True)
                    | Q(project__isnull=True, organisation__isnull=True, team__isnull=False)
                ),
                name="follow_exactly_one_thing",
            ),
            models.UniqueConstraint(fields=["user", "project"], name="follow_project_once"),
            models.UniqueConstraint(fields=["user", "organisation"], name="follow_organisation_once"),
            models.UniqueConstraint(fields=["user", "team"], name="follow_team_once"),
        ]

    def __str__(self):
        return f"{self.user} follows {self.project or self.organisation or self.team}"


class DigestSent(models.Model):
    """Which weekly digests have gone out, so that sending again in the same week sends nothing."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week_starting = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "week_starting"], name="digest_once_a_week")]

    def __str__(self):
        return f"{self.user_id} {self.week_starting}"


class CollaborationRequest(models.Model):
    """Someone asks to join a project as a partner, or just to talk; the project's owners decide."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("Join as a partner")
        TALK = "talk", _("Talk about the project")

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="collaboration_requests")
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, verbose_name=_("on behalf of"), on_delete=models.PROTECT)
    kind = models.CharField(_("what they ask"), max_length=10, choices=Kind.choices)
    message = models.TextField(_("message"), max_length=2000)
    state = models.CharField(_("answer"), max_length=10, choices=State.choices, default=State.PENDING)
    reply = models.TextField(_("reply"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request to work together")
        verbose_name_plural = _("requests to work together")

    def __str__(self):
        return f"{self.organisation} → {self.project} ({self.kind}, {self.state})"
