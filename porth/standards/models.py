"""Standards frameworks, such as the Digital Service Standards for Wales, and their standards.

A framework is versioned: when its standards are reworded, a new version is added and old self-reviews keep
pointing at the version they used.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from porth.core.language import Bilingual, localise
from porth.core.phases import Phase
from porth.directory.models import SourcedFact

# The phases a standard's prompts and a review speak of.
REVIEW_PHASES = (Phase.DISCOVERY, Phase.ALPHA, Phase.BETA, Phase.LIVE)


class FrameworkQuerySet(models.QuerySet):
    def current(self):
        """The newest version of each framework."""
        newest = {}
        for framework in self.order_by("slug", "published_on", "id"):
            newest[framework.slug] = framework
        return list(newest.values())


class Framework(SourcedFact):
    """One version of a standards framework."""

    slug = models.SlugField(_("slug"), max_length=80)
    version = models.CharField(_("version"), max_length=40)
    name_en = models.CharField(_("name in English"), max_length=200)
    name_cy = models.CharField(_("name in Welsh"), max_length=200, blank=True)
    owner_en = models.CharField(_("owner in English"), max_length=200, blank=True)
    owner_cy = models.CharField(_("owner in Welsh"), max_length=200, blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    description_cy = models.TextField(_("description in Welsh"), blank=True)
    published_on = models.DateField(_("published"), null=True, blank=True)

    name = Bilingual("name")
    owner = Bilingual("owner")
    description = Bilingual("description")
    objects = FrameworkQuerySet.as_manager()

    class Meta:
        ordering = ["slug", "version"]
        verbose_name = _("standards framework")
        verbose_name_plural = _("standards frameworks")
        constraints = [models.UniqueConstraint(fields=["slug", "version"], name="framework_version_unique")]

    def __str__(self):
        return f"{self.name_en} ({self.version})"

    def get_absolute_url(self):
        return reverse("standards:framework", args=[self.slug])


class StandardGroup(models.Model):
    """A heading that groups a framework's standards, such as "Meeting user needs"."""

    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="groups"
    )
    slug = models.SlugField(_("slug"), max_length=80)
    number = models.PositiveSmallIntegerField(_("number"))
    name_en = models.CharField(_("name in English"), max_length=200)
    name_cy = models.CharField(_("name in Welsh"), max_length=200, blank=True)

    name = Bilingual("name")

    class Meta:
        ordering = ["framework", "number"]
        verbose_name = _("group of standards")
        verbose_name_plural = _("groups of standards")
        constraints = [models.UniqueConstraint(fields=["framework", "slug"], name="standard_group_unique")]

    def __str__(self):
        return self.name_en


class Standard(SourcedFact):
    """One numbered standard within a framework version."""

    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="standards"
    )
    group = models.ForeignKey(
        StandardGroup, verbose_name=_("group"), on_delete=models.PROTECT, related_name="standards"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title_en = models.CharField(_("title in English"), max_length=300)
    title_cy = models.CharField(_("title in Welsh"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    summary_cy = models.TextField(_("summary in Welsh"), blank=True)
    guidance_en = models.TextField(_("guidance in English"), blank=True)
    guidance_cy = models.TextField(_("guidance in Welsh"), blank=True)
    # What good looks like in each phase: {"discovery": {"en": "...", "cy": "..."}, "alpha": ..., ...}
    prompts = models.JSONField(_("prompts for each phase"), default=dict, blank=True)
    # [{"title_en": "...", "title_cy": "...", "url": "https://..."}]
    links = models.JSONField(_("links"), default=list, blank=True)

    title = Bilingual("title")
    summary = Bilingual("summary")
    guidance = Bilingual("guidance")

    class Meta:
        ordering = ["framework", "number"]
        verbose_name = _("standard")
        verbose_name_plural = _("standards")
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="standard_number_unique")]

    def __str__(self):
        return f"{self.number}. {self.title_en}"

    def get_absolute_url(self):
        return reverse("standards:standard", args=[self.framework.slug, self.number])

    def prompt(self, phase: str):
        texts = self.prompts.get(phase) or {}
        return localise(texts.get("en"), texts.get("cy"))

    def phase_prompts(self) -> list[tuple[str, object]]:
        return [(phase, self.prompt(phase)) for phase in REVIEW_PHASES if self.prompts.get(phase)]


class Review(models.Model):
    """A project's supportive self-review against one version of a framework, in one phase.

    The project team rates itself standard by standard, saving as it goes; then it may ask its lead team for a
    peer review, in which a reviewer comments on each standard and agrees with the rating or changes it.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("In progress")
        SUBMITTED = "submitted", _("Waiting for peer review")
        REVIEWED = "reviewed", _("Peer reviewed")

    project = models.ForeignKey("portfolio.Project", on_delete=models.CASCADE, related_name="reviews")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="reviews")
    phase = models.CharField(_("phase"), max_length=20, choices=[(p.value, p.label) for p in REVIEW_PHASES])
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    submitted_at = models.DateTimeField(_("sent for peer review"), null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("peer reviewed"), null=True, blank=True)
    reviewer_summary = models.TextField(_("reviewer's overall comments"), blank=True, max_length=5000)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("self-review")
        verbose_name_plural = _("self-reviews")

    def __str__(self):
        return f"{self.project_id} {self.framework} {self.phase}"

    def get_absolute_url(self):
        return reverse("standards:review", args=[self.pk])


class Rating(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class Answer(models.Model):
    """The team's rating of one standard, its evidence, and the reviewer's word on it."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="answers")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="answers")
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices)
    not_applicable_reason = models.TextField(_("why it does not apply"), blank=True, max_length=2000)
    evidence = models.TextField(_("evidence"), blank=True, max_length=5000)
    evidence_links = models.JSONField(_("links to evidence"), default=list, blank=True)
    reviewer_rating = models.CharField(
        _("reviewer's rating"), max_length=20, choices=Rating.choices, blank=True
    )
    reviewer_comment = models.TextField(_("reviewer's comment"), blank=True, max_length=5000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["standard__number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "standard"], name="answer_once_per_standard")
        ]

    def __str__(self):
        return f"{self.review_id} {self.standard_id}: {self.rating}"

    @property
    def final_rating(self) -> str:
        return self.reviewer_rating or self.rating

    def get_final_rating_display(self):
        return Rating(self.final_rating).label


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())


class Action(models.Model):
    """Something the team will do to meet a standard better: what, who, and by when."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(_("what"), max_length=500)
    who = models.CharField(_("who"), max_length=200)
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self):
        return self.what

    @property
    def is_overdue(self) -> bool:
        return self.done_at is None and self.due_on < timezone.localdate()


class CaseStudyKind(models.TextChoices):
    CASE_STUDY = "case_study", _("Case study")
    PATTERN = "pattern", _("Reusable pattern")


class CaseStudyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class CaseStudy(SourcedFact):
    """Good practice worth copying: what one or more Welsh public bodies did (a case study), or a way of
    working that others can reuse (a pattern), with the standards it illustrates and whom to ask about it.

    The knowledge hub keeps these beside the standards so that a team reviewing itself against a standard can
    see how others met it, and so that projects that went well leave something behind for the next team.
    """

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=CaseStudyKind.choices, default=CaseStudyKind.CASE_STUDY
    )
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    summary_en = models.TextField(_("summary in English"), max_length=1000, blank=True)
    summary_cy = models.TextField(_("summary in Welsh"), max_length=1000, blank=True)
    body_en = models.TextField(_("the story in English"), max_length=20000, blank=True)
    body_cy = models.TextField(_("the story in Welsh"), max_length=20000, blank=True)
    organisations = models.ManyToManyField(
        "directory.Organisation", verbose_name=_("organisations"), blank=True, related_name="case_studies"
    )
    # A string reference: the portfolio sits on a lower floor, and projects never need to know of case studies
    # (the project page asks the knowledge hub through a template tag).
    projects = models.ManyToManyField(
        "portfolio.Project", verbose_name=_("projects"), blank=True, related_name="case_studies"
    )
    standards = models.ManyToManyField(
        Standard, verbose_name=_("standards"), blank=True, related_name="case_studies"
    )
    programme_items = models.ManyToManyField(
        "directory.ProgrammeItem", verbose_name=_("programme items"), blank=True, related_name="case_studies"
    )
    tags = models.JSONField(_("tags"), default=list, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    title = Bilingual("title")
    summary = Bilingual("summary")
    body = Bilingual("body")
    objects = CaseStudyQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "title_en", "id"]
        verbose_name = _("good-practice case study")
        verbose_name_plural = _("good-practice case studies")

    def __str__(self):
        return self.title_en or self.title_cy or self.slug

    def get_absolute_url(self):
        return reverse("standards:case-study", args=[self.slug])

    def clean(self):
        """The rules every case study keeps, whoever writes it: on the page, in the admin or from a file. Each
        language may come later, but the reader needs a title, a summary and the story in one of them."""
        errors = {}
        if not (self.title_en.strip() or self.title_cy.strip()):
            errors["title_en"] = _("Enter a title in English or in Welsh")
        if not (self.summary_en.strip() or self.summary_cy.strip()):
            errors["summary_en"] = _("Enter a summary in English or in Welsh")
        if not (self.body_en.strip() or self.body_cy.strip()):
            errors["body_en"] = _("Tell the story in English or in Welsh")
        if self.contact_email and not self.contact_name.strip():
            errors["contact_name"] = _(
                "Enter the name of the person to contact as well as their e-mail address"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def missing_language(self) -> str | None:
        """'cy' or 'en' when the title, summary or story is still to be written in that language."""
        for language in ("cy", "en"):
            if not all(getattr(self, f"{stem}_{language}").strip() for stem in ("title", "summary", "body")):
                return language
        return None
