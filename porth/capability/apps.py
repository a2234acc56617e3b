from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapabilityConfig(AppConfig):
    name = "porth.capability"
    verbose_name = _("Specialist pool and squads")
