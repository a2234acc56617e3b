"""Training for the people who lead and deliver digital public services in Wales: courses, their sessions,
and the places people book on them.

A course is offered by a leadership team or an organisation, to some of five audiences. Courses run
elsewhere (Academi Wales's leadership programmes, for example) are listed with a link and have no sessions
here. A session has a fixed number of places; a full session keeps a waiting list, and a freed place is
offered to the next person for a limited time. Every change to a booking is kept as an event, and each event
that concerns the person is e-mailed to them in their language, with a calendar file when it changes what is
in their calendar.

Times are stored in UTC and shown in Europe/London.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from porth.core.language import Bilingual
from porth.directory.models import LeadershipTeam, Organisation, ProgrammeItem
from porth.standards.models import Standard

LONDON = ZoneInfo("Europe/London")
# How long a freed place is held for the next person on the waiting list, unless a session says otherwise.
OFFER_HOURS = 48


class Audience(models.TextChoices):
    """Who a course is for, and who a person booking is (so reports can say how many elected members came)."""

    SENIOR_LEADERS = "senior_leaders", _("Senior leaders")
    CHIEF_EXECUTIVES = "chief_executives", _("Chief executives")
    ELECTED_MEMBERS = "elected_members", _("Elected members")
    STAFF = "staff", _("Staff")
    SPECIALISTS = "specialists", _("Digital, data and technology specialists")


class Level(models.TextChoices):
    """The skill levels of the Digital, Data and Technology (DDaT) capability framework."""

    AWARENESS = "awareness", _("Awareness")
    WORKING = "working", _("Working knowledge")
    PRACTITIONER = "practitioner", _("Practitioner")
    EXPERT = "expert", _("Expert")


class RoleFamily(models.TextChoices):
    """The role families of the DDaT capability framework; leaders' courses are usually for every family."""

    ANY = "any", _("Not specific to a role family")
    ARCHITECTURE = "architecture", _("Architecture")
    CHIEF_DIGITAL_AND_DATA = "chief_digital_and_data", _("Chief digital and data")
    DATA = "data", _("Data")
    IT_OPERATIONS = "it_operations", _("IT operations")
    PRODUCT_AND_DELIVERY = "product_and_delivery", _("Product and delivery")
    QUALITY_ASSURANCE_TESTING = "quality_assurance_testing", _("Quality assurance testing")
    SOFTWARE_DEVELOPMENT = "software_development", _("Software development")
    USER_CENTRED_DESIGN = "user_centred_design", _("User-centred design")


class DeliveryLanguage(models.TextChoices):
    """The language a session is run in. The Welsh Language Standards ask how many staff chose Welsh."""

    WELSH = "cy", _("Welsh")
    ENGLISH = "en", _("English")
    BILINGUAL = "bilingual", _("Bilingual")


class Mode(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")


class CourseQuerySet(models.QuerySet):
    def search(self, text: str):
        text = text.strip()
        if not text:
            return self
        return self.filter(
            Q(title_en__icontains=text)
            | Q(title_cy__icontains=text)
            | Q(summary_en__icontains=text)
            | Q(summary_cy__icontains=text)
        )

    def for_audience(self, audience: str):
        return self.filter(pk__in=CourseAudience.objects.filter(audience=audience).values("course_id"))

    def offered_in(self, language: str, now: datetime.datetime):
        """Courses with a session to come in this language (a bilingual session counts for both)."""
        languages = (
            [language, DeliveryLanguage.BILINGUAL] if language != DeliveryLanguage.BILINGUAL else [language]
        )
        sessions = Session.objects.upcoming(now).filter(language__in=languages)
        return self.filter(pk__in=sessions.values("course_id"))

    def with_next_session(self, now: datetime.datetime):
        """Each course with the start of its next bookable session and how many sessions are to come."""
        upcoming = Session.objects.upcoming(now).filter(course=OuterRef("pk"))
        return self.annotate(
            next_starts_at=Subquery(upcoming.order_by("starts_at").values("starts_at")[:1]),
            sessions_to_come=Coalesce(
                Subquery(
                    upcoming.order_by().values("course").annotate(n=Count("pk")).values("n")[:1],
                    output_field=models.IntegerField(),
                ),
                0,
            ),
        )


class Course(models.Model):
    """A course in the catalogue: what it is, who offers it, who it is for, and what it helps with."""

    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    summary_en = models.TextField(_("summary in English"), max_length=3000, blank=True)
    summary_cy = models.TextField(_("summary in Welsh"), max_length=3000, blank=True)
    provider_team = models.ForeignKey(
        LeadershipTeam,
        verbose_name=_("offered by a leadership team"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="courses",
    )
    provider_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("offered by an organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="courses",
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.AWARENESS)
    role_family = models.CharField(
        _("DDaT role family"), max_length=40, choices=RoleFamily.choices, default=RoleFamily.ANY
    )
    programme_items = models.ManyToManyField(
        ProgrammeItem, verbose_name=_("programme items"), blank=True, related_name="courses"
    )
    standards = models.ManyToManyField(
        Standard, verbose_name=_("standards"), blank=True, related_name="courses"
    )
    # A course run elsewhere is listed with a link to where people book it, and has no sessions in Porth.
    external_url = models.URLField(_("web address of a course run elsewhere"), blank=True)
    external_name = models.CharField(_("who runs it elsewhere"), max_length=100, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    title = Bilingual("title")
    summary = Bilingual("summary")
    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title_en", "title_cy", "id"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.CheckConstraint(condition=~Q(title_en="", title_cy=""), name="course_has_a_title"),
            models.CheckConstraint(
                condition=Q(provider_team__isnull=False, provider_organisation__isnull=True)
                | Q(provider_team__isnull=True, provider_organisation__isnull=False),
                name="course_has_one_provider",
            ),
        ]
        indexes = [models.Index(fields=["provider_team"]), models.Index(fields=["provider_organisation"])]

    def __str__(self):
        return self.title_en or self.title_cy

    def get_absolute_url(self):
        return reverse("skills:course-detail", args=[self.pk])

    def text_errors(self) -> dict:
        """A course has a title and a summary, in at least one language."""
        errors = {}
        if not (self.title_en.strip() or self.title_cy.strip()):
            errors["title_en"] = _("Enter a title in English or in Welsh")
        if not (self.summary_en.strip() or self.summary_cy.strip()):
            errors["summary_en"] = _("Enter a summary in English or in Welsh")
        return errors

    def clean(self):
        errors = self.text_errors()
        if (self.provider_team_id is None) == (self.provider_organisation_id is None):
            errors["provider_team"] = _("Choose the team or organisation that offers the course")
        if self.external_name and not self.external_url:
            errors["external_url"] = _("Enter the web address where people book the course")
        if errors:
            raise ValidationError(errors)

    @property
    def provider(self):
        return self.provider_team or self.provider_organisation

    @property
    def is_external(self) -> bool:
        return bool(self.external_url)

    @property
    def audiences(self) -> list[str]:
        """The course's audience codes, in the order the list of audiences has them."""
        codes = {row.audience for row in self.audience_rows.all()}
        return [code for code in Audience.values if code in codes]

    def audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [labels[code] for code in self.audiences]

    @property
    def missing_language(self) -> str | None:
        """'en' or 'cy' when the title or summary is written in one language only."""
        if not (self.title_cy and (self.summary_cy or not self.summary_en)):
            return "cy"
        if not (self.title_en and (self.summary_en or not self.summary_cy)):
            return "en"
        return None


class CourseAudience(models.Model):
    """One audience a course is for (a course has one or more)."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="audience_rows")
    audience = models.CharField(_("audience"), max_length=30, choices=Audience.choices)

    class Meta:
        verbose_name = _("audience of a course")
        verbose_name_plural = _("audiences of courses")
        constraints = [models.UniqueConstraint(fields=["course", "audience"], name="course_audience_once")]
        indexes = [models.Index(fields=["audience", "course"], name="course_audience_lookup")]

    def __str__(self):
        return f"{self.course_id}: {self.audience}"


class SessionState(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class SessionQuerySet(models.QuerySet):
    def upcoming(self, now: datetime.datetime):
        return self.filter(state=SessionState.SCHEDULED, starts_at__gt=now)

    def with_places(self):
        """Each session with `taken`: the places booked or held for someone offered one."""
        taken = (
            Booking.objects.filter(session=OuterRef("pk"), state__in=HOLDS_A_PLACE)
            .order_by()
            .values("session")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        )
        return self.annotate(taken=Coalesce(Subquery(taken, output_field=models.IntegerField()), 0))


class Session(models.Model):
    """One run of a course: when, where or online, in which language, how many places, and who trains."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    mode = models.CharField(
        _("online or in person"), max_length=20, choices=Mode.choices, default=Mode.ONLINE
    )
    place_en = models.CharField(_("place in English"), max_length=300, blank=True)
    place_cy = models.CharField(_("place in Welsh"), max_length=300, blank=True)
    # Shown only to people with a place, and in their calendar files.
    online_link = models.URLField(_("joining link"), blank=True)
    language = models.CharField(
        _("language of delivery"),
        max_length=10,
        choices=DeliveryLanguage.choices,
        default=DeliveryLanguage.ENGLISH,
    )
    capacity = models.PositiveIntegerField(_("places"))
    booking_closes_at = models.DateTimeField(_("booking closes"))
    offer_hours = models.PositiveSmallIntegerField(_("hours to accept a place offered"), default=OFFER_HOURS)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_sessions",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=SessionState.choices, default=SessionState.SCHEDULED
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason_en = models.CharField(_("why it was cancelled, in English"), max_length=500, blank=True)
    cancel_reason_cy = models.CharField(_("why it was cancelled, in Welsh"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    place = Bilingual("place")
    cancel_reason = Bilingual("cancel_reason")
    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=Q(booking_closes_at__lte=F("starts_at")), name="session_booking_closes_by_the_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="session_has_a_place"),
            models.CheckConstraint(condition=Q(offer_hours__gte=1), name="session_offers_last_an_hour"),
        ]
        indexes = [
            models.Index(fields=["course", "starts_at"], name="session_course_start"),
            models.Index(fields=["starts_at"], name="session_start"),
            models.Index(fields=["trainer", "starts_at"], name="session_trainer"),
        ]

    def __str__(self):
        return f"{self.course} ({timezone.localtime(self.starts_at, LONDON):%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("skills:session-detail", args=[self.pk])

    def clean(self):
        """The rules every session keeps, whoever writes it: each message names the field it is about."""
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end time must be after the start time")
        if self.starts_at and self.booking_closes_at and self.booking_closes_at > self.starts_at:
            errors["booking_closes_at"] = _("Booking must close on or before the day of the session")
        if self.mode == Mode.IN_PERSON and not (self.place_en.strip() or self.place_cy.strip()):
            errors["place_en"] = _("Enter where the session takes place, in English or in Welsh")
        if self.capacity is not None and self.capacity < 1:
            errors["capacity"] = _("A session needs at least 1 place")
        if self.course_id and self.course.is_external:
            errors["__all__"] = _("This course is run elsewhere, so it has no sessions in Porth")
        if errors:
            raise ValidationError(errors)

    @property
    def is_cancelled(self) -> bool:
        return self.state == SessionState.CANCELLED

    def has_started(self, now: datetime.datetime | None = None) -> bool:
        return self.starts_at <= (now or timezone.now())

    def booking_open(self, now: datetime.datetime | None = None) -> bool:
        return self.state == SessionState.SCHEDULED and (now or timezone.now()) < self.booking_closes_at

    def places_left(self, taken: int) -> int:
        return max(0, self.capacity - taken)


class BookingState(models.TextChoices):
    BOOKED = "booked", _("Booked")
    WAITING = "waiting", _("On the waiting list")
    OFFERED = "offered", _("Offered a place")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Offer ran out")


# A booked place and a place held for someone offered it both count against the capacity.
HOLDS_A_PLACE = (BookingState.BOOKED, BookingState.OFFERED)
# The states a person can leave by cancelling.
ACTIVE = (BookingState.BOOKED, BookingState.OFFERED, BookingState.WAITING)


class Attendance(models.TextChoices):
    UNMARKED = "unmarked", _("Not marked")
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")


class Booking(models.Model):
    """One person's place on a session, or their place on its waiting list. One row per session and person:
    booking again after cancelling brings the same row back, so the calendar entry (one UID per session and
    person) is updated rather than duplicated."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="bookings"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="training_bookings",
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="training_bookings",
    )
    audience = models.CharField(_("role"), max_length=30, choices=Audience.choices)
    needs = models.TextField(_("access or other needs"), max_length=1000, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=BookingState.choices)
    booked_at = models.DateTimeField(_("booked"), null=True, blank=True)
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    offered_at = models.DateTimeField(_("offered a place"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer open until"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.UNMARKED
    )
    attendance_marked_at = models.DateTimeField(_("attendance marked"), null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attendance marked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The iCalendar SEQUENCE of the last calendar file sent for this session and person; raised on each
    # change.
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        permissions = [("see_every_training_report", _("Can see training reports for every organisation"))]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="booking_once_per_session"),
            models.CheckConstraint(
                condition=~Q(state=BookingState.OFFERED) | Q(offer_expires_at__isnull=False),
                name="booking_offer_has_an_end",
            ),
        ]
        indexes = [
            models.Index(fields=["session", "state"], name="booking_session_state"),
            models.Index(fields=["person", "state"], name="booking_person_state"),
            models.Index(fields=["organisation", "state"], name="booking_organisation"),
            # The offers that run out: what the worker looks at every few seconds.
            models.Index(
                fields=["offer_expires_at"], condition=Q(state="offered"), name="booking_offer_expiry"
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.session} ({self.state})"

    def get_absolute_url(self):
        return reverse("skills:booking-detail", args=[self.pk])

    @property
    def holds_a_place(self) -> bool:
        return self.state in HOLDS_A_PLACE

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE

    @property
    def has_certificate(self) -> bool:
        return self.state == BookingState.BOOKED and self.attendance == Attendance.PRESENT

    @property
    def reference(self) -> str:
        return f"PORTH-T{self.session_id:05d}-{self.pk:06d}"

    def waiting_position(self) -> int | None:
        """1 for the first person on the waiting list; None when not waiting."""
        if self.state != BookingState.WAITING:
            return None
        ahead = Booking.objects.filter(session_id=self.session_id, state=BookingState.WAITING).filter(
            Q(waiting_since__lt=self.waiting_since) | Q(waiting_since=self.waiting_since, pk__lt=self.pk)
        )
        return ahead.count() + 1


class BookingEvent(models.Model):
    """Something that happened to a booking: kept for history, and the thing each e-mail is about."""

    class Kind(models.TextChoices):
        BOOKED = "booked", _("Place booked")
        WAITING = "waiting", _("Joined the waiting list")
        OFFERED = "offered", _("Offered a place")
        ACCEPTED = "accepted", _("Accepted the place offered")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("The offer ran out")
        SESSION_CHANGED = "session_changed", _("The session changed")
        SESSION_CANCELLED = "session_cancelled", _("The session was cancelled")
        ATTENDED = "attended", _("Marked present")

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what happened"), max_length=30, choices=Kind.choices)
    previous_state = models.CharField(
        _("state before"), max_length=20, choices=BookingState.choices, blank=True
    )
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("booking event")
        verbose_name_plural = _("booking events")

    def __str__(self):
        return f"{self.booking_id} {self.kind}"
