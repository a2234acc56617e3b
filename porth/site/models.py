"""What the site keeps about itself: the background worker's heartbeat, which the health check reads."""

from django.db import models
from django.utils import timezone


class Heartbeat(models.Model):
    """The last time a background worker said it was alive, and what it last did."""

    name = models.CharField(max_length=40, unique=True)
    beat_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return f"{self.name} at {self.beat_at:%Y-%m-%d %H:%M:%S}"
