"""Routing rule sets: each version of the rules that decide which leadership team leads a piece of work.

A rule set is the engine's data (see engine.py). Versions are drafted, published from a date and replaced;
a published version never changes, so a decision that recorded its version can be re-run to the same answer.
"""

import datetime
from functools import lru_cache

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from porth.core.language import Bilingual

from . import engine


class Help(models.TextChoices):
    """The kinds of help a request can ask for (porth.core.vocabulary.HELP_CODES, in the same order)."""

    SERVICE_DESIGN = "service_design", _("Service design and user research")
    DATA = "data", _("Data")
    SKILLS = "skills", _("Digital skills and training")
    SPECIALISTS = "specialists", _("Specialist people")
    ASSURANCE = "assurance", _("Standards and assurance review")
    TECHNOLOGY = "technology", _("Technology and architecture")
    CONNECTIVITY = "connectivity", _("Connectivity")
    INCLUSION = "inclusion", _("Digital inclusion")


class WorkKind(models.TextChoices):
    """What kind of work it is (porth.core.vocabulary.WORK_KINDS, in the same order)."""

    OWN_SERVICE = "own_service", _("One organisation's own service or system")
    SHARED_SERVICE = "shared_service", _("A service built or bought once for several organisations")
    PUBLIC_SECTOR_CAPABILITY = (
        "public_sector_capability",
        _("Standards, patterns, shared components or research for the whole public sector"),
    )
    SKILLS = "skills", _("Digital skills of staff, leaders or elected members")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure: networks, connectivity, hosting or devices")
    DATA = "data", _("Data: sharing, platforms, open data or analysis")


class HelperRole(models.TextChoices):
    """How an organisation that only helps is involved (porth.core.vocabulary.HELPER_ROLES, in order), as
    the front door's question about each other organisation offers it."""

    DELIVER = "deliver", _("They deliver it (for example a supplier, or a squad)")
    CONVENE = "convene", _("They bring the organisations together")
    FUND = "fund", _("They fund it")
    ADVISE = "advise", _("They advise")


class RuleSetQuerySet(models.QuerySet):
    def in_force(self, day: datetime.date | None = None) -> "RuleSet | None":
        """The published rule set in force on a day: the latest effective date on or before it."""
        day = day or timezone.localdate()
        return (
            self.filter(status=RuleSet.Status.PUBLISHED)
            .filter(effective_from__lte=day)
            .filter(Q(retired_on__isnull=True) | Q(retired_on__gt=day))
            .order_by("-effective_from", "-version")
            .first()
        )


class RuleSet(models.Model):
    """One version of the routing rules, stored as the engine's data. Published versions never change."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", pgettext_lazy("a version of the rules", "Published")
        WITHDRAWN = "withdrawn", _("Withdrawn before it came into force")

    class State(models.TextChoices):
        """Where a version stands on a given day, from its status and dates (see `state_on`)."""

        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Comes into force later")
        IN_FORCE = "in_force", _("In force")
        REPLACED = "replaced", _("Replaced")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    version = models.PositiveIntegerField(_("version"), unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    data = models.JSONField(_("rules"))
    notes_en = models.TextField(_("what changed and why, in English"), blank=True, max_length=2000)
    notes_cy = models.TextField(_("what changed and why, in Welsh"), blank=True, max_length=2000)
    # The rule set shipped with Porth that this version is, if any (its file's version), so that loading the
    # shipped sets again adds nothing.
    shipped_as = models.CharField(max_length=10, blank=True, db_index=True)
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    # The day a later version replaced it (it was in force until the day before).
    retired_on = models.DateField(_("replaced on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    notes = Bilingual("notes")
    objects = RuleSetQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        verbose_name = _("routing rule set")
        verbose_name_plural = _("routing rule sets")

    def __str__(self):
        return f"Rule set {self.version} ({self.status})"

    def get_absolute_url(self):
        return reverse("routing:rule-set-detail", args=[self.version])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def state_on(self, day: datetime.date | None = None) -> str:
        day = day or timezone.localdate()
        if self.status != self.Status.PUBLISHED:
            return self.State.WITHDRAWN if self.status == self.Status.WITHDRAWN else self.State.DRAFT
        if self.effective_from > day:
            return self.State.SCHEDULED
        if self.retired_on is not None and self.retired_on <= day:
            return self.State.REPLACED
        return self.State.IN_FORCE

    @property
    def state(self) -> str:
        return self.state_on()

    @property
    def in_force_until(self) -> datetime.date | None:
        """The last day it is in force, when a later version is due to replace it."""
        return self.retired_on - datetime.timedelta(days=1) if self.retired_on else None

    def compiled(self) -> engine.RuleSet:
        if self.is_draft:
            return engine.compile_rule_set(self.data)
        return _compiled_published(self.pk, self.version)

    @property
    def rules(self) -> list[dict]:
        return self.data.get("rules", [])


@lru_cache(maxsize=32)
def _compiled_published(pk: int, version: int) -> engine.RuleSet:
    # Published rule sets are immutable, so each process compiles each version once.
    return engine.compile_rule_set(RuleSet.objects.get(pk=pk).data)
