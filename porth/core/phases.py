"""The delivery phases used across Porth (the GOV.UK and Welsh service-standard phases)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    """The codes are porth.core.vocabulary.PHASES, in the same order."""

    PRE_DISCOVERY = "pre_discovery", _("Not started yet (pre-discovery)")
    DISCOVERY = "discovery", _("Discovery")
    ALPHA = "alpha", _("Alpha")
    BETA = "beta", _("Beta")
    LIVE = "live", _("Live")
    RETIRED = "retired", _("Retired")
    NOT_USING_PHASES = "not_using_phases", _("We are not using these phases")


# A request for help is about work that is still going on, so it cannot be in the retired phase.
REQUEST_PHASES = [(value, label) for value, label in Phase.choices if value != Phase.RETIRED]
