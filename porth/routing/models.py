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

from . import engine


class RuleSetQuerySet(models.QuerySet):
    def in_force(self, day: datetime.date | None = None) -> "RuleSet | None":
        """The published rule set in force on a day: the latest effective date on or before it."""
        day = day or timezone.localdate()
        return (
            self.exclude(status=RuleSet.Status.DRAFT)
            .filter(effective_from__lte=day)
            .filter(Q(retired_on__isnull=True) | Q(retired_on__gt=day))
            .order_by("-effective_from", "-version")
            .first()
        )


class RuleSet(models.Model):
    """One version of the routing rules, stored as the engine's data. Published versions never change."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    version = models.PositiveIntegerField(_("version"), unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    data = models.JSONField(_("rules"))
    notes = models.TextField(_("what changed and why"), blank=True)
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    retired_on = models.DateField(_("retired on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

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
