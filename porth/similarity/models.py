"""What people have said about pairs of projects that the similar-project index suggested."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from porth.portfolio.models import Project


class Judgement(models.Model):
    """A person's word on a suggested pair: the same project, related, or not related.

    It is shown to others, and a judged pair is never suggested again. The pair is stored lower id first.
    """

    class Verdict(models.TextChoices):
        SAME = "same", _("The same project")
        RELATED = "related", _("Related")
        UNRELATED = "unrelated", _("Not related")

    first = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices)
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("judgement on a pair of projects")
        verbose_name_plural = _("judgements on pairs of projects")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="judgement_once_per_pair"),
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="judgement_pair_in_order"),
        ]

    def __str__(self):
        return f"{self.first_id}–{self.second_id}: {self.verdict}"

    def other(self, project_id: int) -> int:
        return self.second_id if self.first_id == project_id else self.first_id
