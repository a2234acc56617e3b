"""The specialist pool that councils and other public bodies call on, and the transformation squads.

The seed names two: the WLGA team's capability model (a multidisciplinary team councils can call upon) and
CDPS's digital transformation squad (hands-on help for teams starting agile working). Each is a pool, run by
its leadership team, whose members manage the specialists and the bookings.

A body asks for a specialist (a request); the pool matches and books someone for some days a week over some
weeks. A booking never takes a specialist past their capacity: the check runs inside a transaction that locks
the specialist's row (services.py). A request that cannot be met waits, unconfirmed, and is offered first when
capacity frees. Engagements record a squad's work with organisations on their projects; their progress is
those projects' updates.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from porth.core.language import Bilingual
from porth.core.phases import Phase
from porth.directory.models import LeadershipTeam, Organisation, ProgrammeItem

from .capacity import week_of

MAX_DAYS = Decimal("5")
MAX_WEEKS = 52


def validate_half_days(value: Decimal) -> None:
    """Days a week are from half a day to five, in half days."""
    if value is None or not (Decimal("0.5") <= value <= MAX_DAYS) or (value * 2) % 1:
        raise ValidationError(
            _("Enter the days a week as a number from 0.5 to 5, in half days, for example 2 or 2.5"),
            code="half_days",
        )


class Pool(models.Model):
    """A pool of specialists run by one leadership team, whose members manage it."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_en = models.CharField(_("name in English"), max_length=200)
    name_cy = models.CharField(_("name in Welsh"), max_length=200, blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    summary_cy = models.TextField(_("summary in Welsh"), blank=True)
    team = models.ForeignKey(
        LeadershipTeam, verbose_name=_("run by"), on_delete=models.PROTECT, related_name="pools"
    )
    programme_item = models.ForeignKey(
        ProgrammeItem,
        verbose_name=_("programme item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position in lists"), default=0)

    name = Bilingual("name")
    summary = Bilingual("summary")

    class Meta:
        ordering = ["position", "name_en"]
        verbose_name = _("specialist pool")
        verbose_name_plural = _("specialist pools")

    def __str__(self):
        return self.name_en

    def get_absolute_url(self):
        return reverse("capability:pool-queue", args=[self.slug])


class RoleFamily(models.TextChoices):
    """The job families of the Digital, Data and Technology (DDaT) Capability Framework."""

    PRODUCT_DELIVERY = "product_delivery", _("Product and delivery")
    USER_CENTRED_DESIGN = "user_centred_design", _("User-centred design")
    ARCHITECTURE = "architecture", _("Architecture")
    DATA = "data", _("Data")
    SOFTWARE = "software", _("Software development")
    QUALITY = "quality", _("Quality assurance testing")
    OPERATIONS = "operations", _("IT operations")


class DdatRole(models.Model):
    """A role from the DDaT Capability Framework, such as user researcher or delivery manager."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    family = models.CharField(_("job family"), max_length=30, choices=RoleFamily.choices)
    name_en = models.CharField(_("name in English"), max_length=120)
    name_cy = models.CharField(_("name in Welsh"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position in lists"), default=0)

    name = Bilingual("name")

    class Meta:
        ordering = ["position", "name_en"]
        verbose_name = _("DDaT role")
        verbose_name_plural = _("DDaT roles")

    def __str__(self):
        return self.name_en


class Skill(models.Model):
    """Something a specialist is good at, beyond their role: Welsh-language content, agile coaching, SQL."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_en = models.CharField(_("name in English"), max_length=120)
    name_cy = models.CharField(_("name in Welsh"), max_length=120)

    name = Bilingual("name")

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self):
        return self.name_en


class WelshLevel(models.IntegerChoices):
    """Welsh language skills, on the 0 to 5 scale Welsh public bodies use."""

    NONE = 0, _("0: no Welsh")
    ENTRY = 1, _("1: entry (a few words and phrases)")
    FOUNDATION = 2, _("2: foundation (simple conversations)")
    INTERMEDIATE = 3, _("3: intermediate (can work in Welsh with some support)")
    HIGHER = 4, _("4: higher (works confidently in Welsh)")
    PROFICIENT = 5, _("5: proficient (fluent, including formal writing)")


class SpecialistQuerySet(models.QuerySet):
    def in_pool_on(self, day: datetime.date):
        return self.filter(joined_on__lte=day).filter(Q(left_on__isnull=True) | Q(left_on__gte=day))


class Specialist(models.Model):
    """Someone in a pool: their DDaT role, skills, Welsh, where they are from, and the days they work."""

    pool = models.ForeignKey(
        Pool, verbose_name=_("pool"), on_delete=models.PROTECT, related_name="specialists"
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("work email address"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Porth account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="specialist",
    )
    role = models.ForeignKey(
        DdatRole, verbose_name=_("DDaT role"), on_delete=models.PROTECT, related_name="+"
    )
    skills = models.ManyToManyField(Skill, verbose_name=_("skills"), blank=True, related_name="specialists")
    welsh_level = models.PositiveSmallIntegerField(
        _("Welsh language level"), choices=WelshLevel.choices, default=WelshLevel.NONE
    )
    home_team = models.ForeignKey(
        LeadershipTeam,
        verbose_name=_("home team"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    home_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("home organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    working_days = models.DecimalField(
        _("working days a week"), max_digits=2, decimal_places=1, validators=[validate_half_days]
    )
    joined_on = models.DateField(_("in the pool from"), default=timezone.localdate)
    left_on = models.DateField(_("in the pool until"), null=True, blank=True)
    about_en = models.TextField(_("about them, in English"), blank=True, max_length=2000)
    about_cy = models.TextField(_("about them, in Welsh"), blank=True, max_length=2000)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    about = Bilingual("about")
    objects = SpecialistQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[skills])

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("specialist")
        verbose_name_plural = _("specialists")
        constraints = [
            models.CheckConstraint(
                condition=Q(working_days__gt=0, working_days__lte=MAX_DAYS), name="specialist_working_days"
            ),
            models.CheckConstraint(
                condition=Q(home_team__isnull=False) | Q(home_organisation__isnull=False),
                name="specialist_has_a_home",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="specialist_leaves_after_joining",
            ),
        ]
        indexes = [models.Index(fields=["pool", "full_name"], name="specialist_pool")]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("capability:specialist-detail", args=[self.pk])

    def clean(self):
        errors = {}
        if not self.home_team_id and not self.home_organisation_id:
            errors["home_organisation"] = _("Choose their home team or organisation, or both")
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            errors["left_on"] = _("The date they leave the pool must be on or after the date they joined")
        if errors:
            raise ValidationError(errors)

    @property
    def home(self) -> str:
        parts = [str(part.name) for part in (self.home_team, self.home_organisation) if part]
        return ", ".join(dict.fromkeys(parts))


class Leave(models.Model):
    """Time a specialist is away: their capacity in those weeks is less by the working days it covers."""

    specialist = models.ForeignKey(Specialist, on_delete=models.CASCADE, related_name="leave")
    starts_on = models.DateField(_("first day of leave"))
    ends_on = models.DateField(_("last day of leave"))
    note = models.CharField(_("note (optional)"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("leave")
        verbose_name_plural = _("leave")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="leave_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.specialist_id}: {self.starts_on} to {self.ends_on}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day of leave must be on or after the first day")})


def _weeks_span_clean(
    first: datetime.date | None, last: datetime.date | None, start_field: str, end_field: str
):
    """Shared by requests and bookings: the end is not before the start, and it spans no more than a year."""
    errors = {}
    if first and last and last < first:
        errors[end_field] = _("The end must be the same as or after the start")
    elif first and last and (week_of(last) - week_of(first)).days // 7 + 1 > MAX_WEEKS:
        errors[end_field] = _("Ask for %(weeks)s weeks or fewer at a time") % {"weeks": MAX_WEEKS}
    if first and week_of(first) < week_of(timezone.localdate()):
        errors[start_field] = _("The start must be this week or later")
    return errors


class SpecialistRequest(models.Model):
    """An organisation asks a pool for a specialist: the role, skills and days a week, from when to when."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("a request", "In the queue")
        WAITING = "waiting", pgettext_lazy("a request", "Unconfirmed: waiting for capacity")
        OFFERED = (
            "offered",
            pgettext_lazy("a request", "Offered: capacity has freed, waiting for confirmation"),
        )
        BOOKED = "booked", pgettext_lazy("a request", "Booked")
        WITHDRAWN = "withdrawn", pgettext_lazy("a request", "Withdrawn by the organisation")
        DECLINED = "declined", pgettext_lazy("a request", "Declined by the pool")

    CLOSED = (Status.WITHDRAWN, Status.DECLINED)

    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, blank=True)
    pool = models.ForeignKey(Pool, verbose_name=_("pool"), on_delete=models.PROTECT, related_name="requests")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("for"), on_delete=models.PROTECT, related_name="specialist_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="specialist_requests",
    )
    role = models.ForeignKey(DdatRole, verbose_name=_("role"), on_delete=models.PROTECT, related_name="+")
    skills = models.ManyToManyField(Skill, verbose_name=_("skills"), blank=True, related_name="+")
    days_per_week = models.DecimalField(
        _("days a week"), max_digits=2, decimal_places=1, validators=[validate_half_days]
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    project = models.ForeignKey(
        "portfolio.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="specialist_requests",
    )
    welsh_needed = models.BooleanField(_("Welsh needed"), default=False)
    what_for = models.TextField(_("what the work is"), max_length=3000)
    language = models.CharField(_("language written in"), max_length=2, default="en")
    # The front-door request this came from, by its reference: the front door sits above the pool.
    front_door_reference = models.CharField(_("front-door request"), max_length=20, blank=True, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_reason = models.TextField(_("why it was withdrawn or declined"), blank=True, max_length=2000)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)

    history = HistoricalRecords(m2m_fields=[skills], excluded_fields=["status_changed_at"])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("request for a specialist")
        verbose_name_plural = _("requests for specialists")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="request_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(days_per_week__gt=0, days_per_week__lte=MAX_DAYS), name="request_days_a_week"
            ),
        ]
        indexes = [
            models.Index(fields=["pool", "status", "created_at"], name="specialist_request_queue"),
            models.Index(fields=["organisation", "created_at"], name="specialist_request_org"),
        ]

    def __str__(self):
        return f"{self.reference}: {self.role}"

    def get_absolute_url(self):
        return reverse("capability:request-detail", args=[self.reference])

    def clean(self):
        errors = _weeks_span_clean(self.starts_on, self.ends_on, "starts_on", "ends_on")
        if not self._state.adding:
            # A request already in the queue may keep a start that has since passed.
            errors.pop("starts_on", None)
        if errors:
            raise ValidationError(errors)

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED

    @property
    def first_week(self) -> datetime.date:
        return week_of(self.starts_on)

    @property
    def last_week(self) -> datetime.date:
        return week_of(self.ends_on)


class BookingQuerySet(models.QuerySet):
    def holding(self):
        """Bookings that take capacity: confirmed ones, and ones offered to a waiting request."""
        return self.filter(status__in=Booking.HOLDING)

    def active(self):
        return self.exclude(status=Booking.Status.CANCELLED)

    def overlapping(self, first: datetime.date, last: datetime.date):
        return self.filter(first_week__lte=last, last_week__gte=first)


class Booking(models.Model):
    """A specialist booked for some days a week, from one ISO week to another, for an organisation.

    A confirmed booking holds capacity. One that did not fit waits, unconfirmed, holding nothing; when
    capacity frees, the oldest waiting booking that now fits is offered, and holds the capacity until it is
    confirmed or let go.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", pgettext_lazy("a booking", "Confirmed")
        WAITING = "waiting", pgettext_lazy("a booking", "Unconfirmed: waiting for capacity")
        OFFERED = (
            "offered",
            pgettext_lazy("a booking", "Offered: capacity has freed, waiting for confirmation"),
        )
        CANCELLED = "cancelled", pgettext_lazy("a booking", "Cancelled")

    class Ended(models.TextChoices):
        """Why a booking was cancelled, when it was not a person who cancelled it with a reason."""

        BY_PERSON = "", pgettext_lazy("a booking", "Cancelled")
        LET_GO = "let_go", _("The offer was let go.")
        OFFER_LAPSED = "offer_lapsed", _("The offer was not taken up within 7 days.")
        WEEKS_PASSED = "weeks_passed", _("The weeks it was waiting for have passed.")
        REQUEST_WITHDRAWN = "request_withdrawn", _("The request was withdrawn.")
        REQUEST_DECLINED = "request_declined", _("The request was declined.")

    HOLDING = (Status.CONFIRMED, Status.OFFERED)

    specialist = models.ForeignKey(
        Specialist, verbose_name=_("specialist"), on_delete=models.PROTECT, related_name="bookings"
    )
    request = models.ForeignKey(
        SpecialistRequest,
        verbose_name=_("request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    engagement = models.ForeignKey(
        "capability.Engagement",
        verbose_name=_("squad engagement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("for"), on_delete=models.PROTECT, related_name="specialist_bookings"
    )
    project = models.ForeignKey(
        "portfolio.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="specialist_bookings",
    )
    first_week = models.DateField(_("first week"))
    last_week = models.DateField(_("last week"))
    days_per_week = models.DecimalField(
        _("days a week"), max_digits=2, decimal_places=1, validators=[validate_half_days]
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    note = models.CharField(_("note (optional)"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("made"), default=timezone.now)
    offered_at = models.DateTimeField(_("offered"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason = models.CharField(_("why it was cancelled"), max_length=500, blank=True)
    ended = models.CharField(_("how it ended"), max_length=20, choices=Ended.choices, blank=True, default="")
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = BookingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["first_week", "id"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_week__gte=models.F("first_week")), name="booking_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(days_per_week__gt=0, days_per_week__lte=MAX_DAYS), name="booking_days_a_week"
            ),
        ]
        indexes = [
            models.Index(fields=["specialist", "status", "first_week"], name="booking_specialist"),
            models.Index(fields=["status", "first_week", "last_week"], name="booking_weeks"),
        ]

    def __str__(self):
        return f"{self.specialist} {self.first_week}–{self.last_week} ({self.status})"

    def get_absolute_url(self):
        return reverse("capability:booking-detail", args=[self.pk])

    def clean(self):
        errors = _weeks_span_clean(self.first_week, self.last_week, "first_week", "last_week")
        if not self._state.adding:
            errors.pop("first_week", None)
        if errors:
            raise ValidationError(errors)

    @property
    def week_count(self) -> int:
        return (self.last_week - self.first_week).days // 7 + 1

    @property
    def last_friday(self) -> datetime.date:
        return self.last_week + datetime.timedelta(days=4)

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone can see it")
    PUBLIC_SECTOR = "public_sector", _("Public sector: people signed in from Welsh public bodies")


class EngagementState(models.TextChoices):
    """Where an engagement stands today, from its dates."""

    PLANNED = "planned", _("Planned")
    UNDER_WAY = "under_way", _("Under way")
    FINISHED = "finished", _("Finished")


class EngagementQuerySet(models.QuerySet):
    def current(self, day: datetime.date | None = None):
        day = day or timezone.localdate()
        return self.filter(starts_on__lte=day).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))


class Engagement(models.Model):
    """A squad working with organisations on their projects: its goals, phase and dates, and in the end what
    came of it and what was learnt. The squad is the pool's specialists booked for it, and/or a supplier."""

    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    pool = models.ForeignKey(
        Pool, verbose_name=_("run by"), on_delete=models.PROTECT, related_name="engagements"
    )
    supplier = models.CharField(_("supplier"), max_length=200, blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations worked with"), related_name="engagements"
    )
    projects = models.ManyToManyField(
        "portfolio.Project", verbose_name=_("projects"), blank=True, related_name="engagements"
    )
    goals_en = models.TextField(_("goals in English"), blank=True, max_length=3000)
    goals_cy = models.TextField(_("goals in Welsh"), blank=True, max_length=3000)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, default=Phase.DISCOVERY)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True)
    outcomes_en = models.TextField(_("outcomes in English"), blank=True, max_length=5000)
    outcomes_cy = models.TextField(_("outcomes in Welsh"), blank=True, max_length=5000)
    lessons_en = models.TextField(_("lessons in English"), blank=True, max_length=5000)
    lessons_cy = models.TextField(_("lessons in Welsh"), blank=True, max_length=5000)
    visibility = models.CharField(
        _("who can see it"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    title = Bilingual("title")
    goals = Bilingual("goals")
    outcomes = Bilingual("outcomes")
    lessons = Bilingual("lessons")
    objects = EngagementQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[organisations, projects], excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("squad engagement")
        verbose_name_plural = _("squad engagements")
        constraints = [
            models.CheckConstraint(condition=~Q(title_en="", title_cy=""), name="engagement_has_a_title"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="engagement_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title_en or self.title_cy

    def get_absolute_url(self):
        return reverse("capability:engagement-detail", args=[self.pk])

    def clean(self):
        errors = {}
        if not (self.title_en or self.title_cy):
            errors["title_en"] = _("Enter a title in English or in Welsh")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end date must be the same as or after the start date")
        if errors:
            raise ValidationError(errors)

    @property
    def state(self) -> str:
        today = timezone.localdate()
        if self.starts_on > today:
            return EngagementState.PLANNED
        if self.ends_on and self.ends_on < today:
            return EngagementState.FINISHED
        return EngagementState.UNDER_WAY

    def get_state_display(self) -> str:
        return EngagementState(self.state).label

    @property
    def missing_language(self) -> str | None:
        """'en' or 'cy' when the title or goals are written in one language only."""
        if not (self.title_cy and (self.goals_cy or not self.goals_en)):
            return "cy"
        if not (self.title_en and (self.goals_en or not self.goals_cy)):
            return "en"
        return None
