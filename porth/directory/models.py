"""The directory: Welsh public bodies, the four digital leadership teams, who leads them, their programmes
and the structural changes since 2021.

Structure changes over time (teams are renamed, bodies are merged, leaders come and go), so facts are
effective-dated and the structure is data, never code. Every fact keeps its sources.
"""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from porth.core.dates import Precision, end_of_period, format_partial_date
from porth.core.language import Bilingual


class Verification(models.TextChoices):
    VERIFIED = "verified", _("verified")
    PARTIALLY_VERIFIED = "partially_verified", _("partly verified")
    UNVERIFIED = "unverified", _("not verified")


class SourcedFact(models.Model):
    """Fields every reference fact carries: where it came from and how sure we are."""

    sources = models.JSONField(_("sources"), default=list, blank=True)
    verification = models.CharField(
        _("verification"), max_length=20, choices=Verification.choices, default=Verification.VERIFIED
    )

    class Meta:
        abstract = True


class EffectiveQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date):
        return self.filter(Q(active_from__isnull=True) | Q(active_from__lte=day)).filter(
            Q(active_to__isnull=True) | Q(active_to__gte=day)
        )


class EffectiveDated(models.Model):
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_to = models.DateField(_("active until"), null=True, blank=True)

    class Meta:
        abstract = True

    def is_active_on(self, day: datetime.date) -> bool:
        started = self.active_from is None or self.active_from <= day
        return started and (self.active_to is None or self.active_to >= day)


class OrganisationKind(models.TextChoices):
    """The codes are porth.core.vocabulary.ORGANISATION_KINDS, in the same order."""

    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    COUNCIL_PARTNERSHIP = (
        "council_partnership",
        _("Body of councils (association, joint committee, consortium)"),
    )
    HEALTH_BOARD = "health_board", _("Local health board")
    NHS_TRUST = "nhs_trust", _("NHS trust")
    SPECIAL_HEALTH_AUTHORITY = "special_health_authority", _("Special health authority")
    WELSH_GOVERNMENT = "welsh_government", _("Welsh Government")
    SPONSORED_BODY = "sponsored_body", _("Welsh Government sponsored body or company")
    FIRE_RESCUE = "fire_rescue", _("Fire and rescue authority")
    NATIONAL_PARK = "national_park", _("National park authority")
    POLICE = "police", _("Police force")
    OTHER_PUBLIC_BODY = "other_public_body", _("Other public body")
    NON_PUBLIC = "non_public", _("Supplier, charity or other body outside the public sector")


class Sector(models.TextChoices):
    """The codes are porth.core.vocabulary.SECTORS, in the same order."""

    LOCAL_GOVERNMENT = "local_government", _("Local government")
    HEALTH_AND_CARE = "health_and_care", _("Health and social care")
    CENTRAL_GOVERNMENT = "central_government", _("Welsh Government and its bodies")
    OTHER = "other", _("Other")


class OrganisationQuerySet(EffectiveQuerySet):
    def search(self, text: str):
        text = text.strip()
        if not text:
            return self
        return self.filter(Q(name_en__icontains=text) | Q(name_cy__icontains=text) | Q(code__iexact=text))


class Organisation(SourcedFact, EffectiveDated):
    """A Welsh public body. Its code is the ONS GSS code where one exists, otherwise a stable slug."""

    code = models.CharField(_("code"), max_length=80, unique=True)
    name_en = models.CharField(_("name in English"), max_length=200)
    name_cy = models.CharField(_("name in Welsh"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=40, choices=OrganisationKind.choices)
    sector = models.CharField(_("sector"), max_length=40, choices=Sector.choices)
    notes = models.TextField(_("notes on the sources (English)"), blank=True)

    name = Bilingual("name")
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["kind"]), models.Index(fields=["sector"])]

    def __str__(self):
        return self.name_en

    def get_absolute_url(self):
        return reverse("directory:organisation-detail", args=[self.code])

    @property
    def has_gss_code(self) -> bool:
        return len(self.code) == 9 and self.code[0] == "W" and self.code[1:].isdigit()


class LeadershipTeam(SourcedFact, EffectiveDated):
    """One of the digital leadership teams of Wales, with its remit. Retired teams stay for history."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_en = models.CharField(_("name in English"), max_length=200)
    name_cy = models.CharField(_("name in Welsh"), max_length=200, blank=True)
    short_name_en = models.CharField(_("short name in English"), max_length=80)
    short_name_cy = models.CharField(_("short name in Welsh"), max_length=80, blank=True)
    host_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("host organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_teams",
    )
    remit_en = models.TextField(_("remit in English"))
    remit_cy = models.TextField(_("remit in Welsh"), blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    summary_cy = models.TextField(_("summary in Welsh"), blank=True)
    routing_hint_en = models.TextField(_("the work that comes to this team, in English"), blank=True)
    routing_hint_cy = models.TextField(_("the work that comes to this team, in Welsh"), blank=True)
    website_en = models.URLField(_("website in English"), blank=True)
    website_cy = models.URLField(_("website in Welsh"), blank=True)
    position = models.PositiveSmallIntegerField(_("position in lists"), default=0)
    # The sectors whose bodies the team serves: its members may ask the front door on their behalf.
    serves_sectors = models.JSONField(_("sectors it serves"), default=list, blank=True)

    name = Bilingual("name")
    short_name = Bilingual("short_name")
    remit = Bilingual("remit")
    summary = Bilingual("summary")
    routing_hint = Bilingual("routing_hint")
    website = Bilingual("website")
    objects = EffectiveQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name_en"]
        verbose_name = _("leadership team")
        verbose_name_plural = _("leadership teams")

    def __str__(self):
        return self.name_en

    def get_absolute_url(self):
        return reverse("directory:team-detail", args=[self.slug])

    @property
    def hosted_by(self) -> "Organisation | None":
        """The organisation that hosts the team, unless the team is that organisation's own record (CDPS is
        both a team and a body): a page saying a body is hosted by itself reads as a mistake."""
        host = self.host_organisation
        if host is None or host.name_en == self.name_en:
            return None
        return host

    def leaders_on(self, day: datetime.date) -> list["Appointment"]:
        return [a for a in self.appointments.all() if a.is_current_on(day)]


class Appointment(SourcedFact):
    """Who held (or did not hold) a team's leading role, and when.

    A vacancy is an appointment with no person: the role existed and nobody held it."""

    team = models.ForeignKey(
        LeadershipTeam, verbose_name=_("team"), on_delete=models.CASCADE, related_name="appointments"
    )
    role_title_en = models.CharField(_("role title in English"), max_length=200)
    role_title_cy = models.CharField(_("role title in Welsh"), max_length=200, blank=True)
    person = models.CharField(_("person"), max_length=200, blank=True)
    is_interim = models.BooleanField(_("interim"), default=False)
    is_vacant = models.BooleanField(_("vacant"), default=False)
    started_on = models.DateField(_("started"))
    start_precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.DAY)
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.DAY)
    note_en = models.TextField(_("note in English"), blank=True)
    note_cy = models.TextField(_("note in Welsh"), blank=True)

    role_title = Bilingual("role_title")
    note = Bilingual("note")

    class Meta:
        ordering = ["team", "started_on", "person"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        constraints = [
            models.CheckConstraint(
                condition=Q(is_vacant=True) | ~Q(person=""), name="appointment_person_or_vacant"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="appointment_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.role_title_en}: {self.person or 'vacant'}"

    def is_current_on(self, day: datetime.date) -> bool:
        if self.started_on > day:
            return False
        return self.ended_on is None or end_of_period(self.ended_on, self.end_precision) >= day

    @property
    def started_display(self) -> str:
        return format_partial_date(self.started_on, self.start_precision)

    @property
    def ended_display(self) -> str:
        return format_partial_date(self.ended_on, self.end_precision)


class Programme(SourcedFact):
    """A team's programme as published: principles, missions, priorities or projects."""

    class Kind(models.TextChoices):
        PRINCIPLE = "principle", _("principle")
        MISSION = "mission", _("mission")
        PRIORITY = "priority", _("priority")
        PROJECT = "project", _("project")

    team = models.OneToOneField(
        LeadershipTeam, verbose_name=_("team"), on_delete=models.CASCADE, related_name="programme"
    )
    name_en = models.CharField(_("name in English"), max_length=200)
    name_cy = models.CharField(_("name in Welsh"), max_length=200, blank=True)
    kind = models.CharField(_("kind of item"), max_length=20, choices=Kind.choices)

    name = Bilingual("name")

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name_en


class ProgrammeItem(SourcedFact, EffectiveDated):
    """One numbered principle, mission, priority or project in a team's programme."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="items"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title_en = models.CharField(_("title in English"), max_length=200)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    summary_cy = models.TextField(_("summary in Welsh"), blank=True)
    cy_is_our_translation = models.BooleanField(_("Welsh title translated by Porth"), default=False)

    title = Bilingual("title")
    summary = Bilingual("summary")
    objects = EffectiveQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="programme_item_number_unique")
        ]

    def __str__(self):
        return f"{self.number}. {self.title_en}"


class WellbeingGoal(SourcedFact):
    """One of the seven well-being goals of the Well-being of Future Generations (Wales) Act 2015."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_en = models.CharField(_("name in English"), max_length=200)
    name_cy = models.CharField(_("name in Welsh"), max_length=200)
    summary_en = models.TextField(_("summary in English"))
    summary_cy = models.TextField(_("summary in Welsh"))

    name = Bilingual("name")
    summary = Bilingual("summary")

    class Meta:
        ordering = ["number"]
        verbose_name = _("well-being goal")
        verbose_name_plural = _("well-being goals")

    def __str__(self):
        return self.name_en


class WayOfWorking(SourcedFact):
    """One of the five ways of working of the sustainable development principle in the same Act."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    number = models.PositiveSmallIntegerField(_("number"))
    name_en = models.CharField(_("name in English"), max_length=100)
    name_cy = models.CharField(_("name in Welsh"), max_length=100)
    summary_en = models.TextField(_("summary in English"))
    summary_cy = models.TextField(_("summary in Welsh"))
    cy_is_our_translation = models.BooleanField(_("Welsh name translated by Porth"), default=False)

    name = Bilingual("name")
    summary = Bilingual("summary")

    class Meta:
        ordering = ["number"]
        verbose_name = _("way of working")
        verbose_name_plural = _("ways of working")

    def __str__(self):
        return self.name_en


class StructuralChange(SourcedFact):
    """A dated event that changed the leadership structure: a new body, a new leader, a merger."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    happened_on = models.DateField(_("date"))
    date_precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.DAY)
    date_is_evidence = models.BooleanField(
        _("date is when a source shows it, not when it happened"), default=False
    )
    team = models.ForeignKey(
        LeadershipTeam,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="changes",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changes",
    )
    title_en = models.CharField(_("title in English"), max_length=300)
    title_cy = models.CharField(_("title in Welsh"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary in English"))
    summary_cy = models.TextField(_("summary in Welsh"), blank=True)

    title = Bilingual("title")
    summary = Bilingual("summary")

    class Meta:
        ordering = ["happened_on", "key"]
        verbose_name = _("structural change")
        verbose_name_plural = _("structural changes")

    def __str__(self):
        return f"{self.happened_on}: {self.title_en}"

    @property
    def date_display(self) -> str:
        return format_partial_date(self.happened_on, self.date_precision)


class Service(models.Model):
    """A council service from the Local Government Service List (LGSL), for tagging what a project is about.

    The list is published in English only, so its labels are shown in English on Welsh pages too, marked as
    such.
    """

    lgsl_code = models.PositiveIntegerField(_("LGSL code"), unique=True)
    label = models.CharField(_("label"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["label"]
        verbose_name = _("council service (LGSL)")
        verbose_name_plural = _("council services (LGSL)")

    def __str__(self):
        return f"{self.label} ({self.lgsl_code})"


class OrganisationIdentifier(SourcedFact):
    """An org-id.guide identifier for a body, beside its GSS code: the principal local authorities register
    (GB-PLA) for councils, the NHS Organisation Data Service (GB-NHS) for NHS bodies, Companies House (GB-COH)
    for companies. Open data carries it so that others can join Porth's records to theirs."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="identifiers"
    )
    scheme = models.CharField(_("scheme"), max_length=20)
    value = models.CharField(_("identifier in the scheme"), max_length=40)

    class Meta:
        ordering = ["organisation", "scheme"]
        verbose_name = _("organisation identifier")
        verbose_name_plural = _("organisation identifiers")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "value"], name="organisation_identifier_unique")
        ]

    def __str__(self):
        return self.org_id

    @property
    def org_id(self) -> str:
        return f"{self.scheme}-{self.value}"


class TeamRemit(SourcedFact, EffectiveDated):
    """What a team was for over a period, as the sources put it then. A team's own remit is what it is for
    now; these rows keep earlier remits, so the structure then and now can be read side by side."""

    team = models.ForeignKey(
        LeadershipTeam, verbose_name=_("team"), on_delete=models.CASCADE, related_name="remits"
    )
    remit_en = models.TextField(_("remit in English"))
    remit_cy = models.TextField(_("remit in Welsh"), blank=True)

    remit = Bilingual("remit")
    objects = EffectiveQuerySet.as_manager()

    class Meta:
        ordering = ["team", "active_from"]
        verbose_name = _("team remit")
        verbose_name_plural = _("team remits")

    def __str__(self):
        return f"{self.team.slug}: {self.remit_en[:60]}"


class TeamInbox(SourcedFact):
    """An e-mail address a team has published for people to reach it, and when a source showed it."""

    team = models.ForeignKey(
        LeadershipTeam, verbose_name=_("team"), on_delete=models.CASCADE, related_name="inboxes"
    )
    email = models.EmailField(_("e-mail address"))
    seen_on = models.DateField(_("published by"))
    seen_precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.DAY)

    class Meta:
        ordering = ["team", "-seen_on"]
        verbose_name = _("team inbox")
        verbose_name_plural = _("team inboxes")
        constraints = [models.UniqueConstraint(fields=["team", "email"], name="team_inbox_unique")]

    def __str__(self):
        return f"{self.team.slug}: {self.email}"
