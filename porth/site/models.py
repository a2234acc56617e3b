"""What the site keeps about itself: the background worker's heartbeat, which the health check reads, and the
feedback people send from the alpha banner."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """The last time a background worker said it was alive, and what it last did."""

    name = models.CharField(max_length=40, unique=True)
    beat_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return f"{self.name} at {self.beat_at:%Y-%m-%d %H:%M:%S}"


class Feedback(models.Model):
    """What someone told us through "Tell us what you think" in the alpha banner. Read by site administrators
    in the admin; kept so the service can be improved from what its users say, in either language."""

    class Satisfaction(models.TextChoices):
        VERY_SATISFIED = "very_satisfied", _("Very satisfied")
        SATISFIED = "satisfied", _("Satisfied")
        NEUTRAL = "neutral", _("Neither satisfied nor dissatisfied")
        DISSATISFIED = "dissatisfied", _("Dissatisfied")
        VERY_DISSATISFIED = "very_dissatisfied", _("Very dissatisfied")

    satisfaction = models.CharField(_("how satisfied"), max_length=20, choices=Satisfaction.choices)
    message = models.TextField(_("how we could improve Porth"), max_length=1200)
    email = models.EmailField(_("email address for a reply"), blank=True)
    page = models.CharField(_("page it was sent from"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=2)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed in as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_satisfaction_display()}"
