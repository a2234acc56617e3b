"""Standards frameworks, such as the Digital Service Standards for Wales, and their standards.

A framework is versioned: when its standards are reworded, a new version is added and old self-reviews keep
pointing at the version they used.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from porth.core.language import Bilingual
from porth.directory.models import SourcedFact


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

    name = Bilingual("name")
    owner = Bilingual("owner")
    description = Bilingual("description")

    class Meta:
        ordering = ["slug", "version"]
        verbose_name = _("standards framework")
        verbose_name_plural = _("standards frameworks")
        constraints = [models.UniqueConstraint(fields=["slug", "version"], name="framework_version_unique")]

    def __str__(self):
        return f"{self.name_en} ({self.version})"


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

    title = Bilingual("title")
    summary = Bilingual("summary")

    class Meta:
        ordering = ["framework", "number"]
        verbose_name = _("standard")
        verbose_name_plural = _("standards")
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="standard_number_unique")]

    def __str__(self):
        return f"{self.number}. {self.title_en}"
