from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top floor: site-wide setup that composes the other apps (see docs/architecture.md)."""

    name = "porth.site"
    label = "porth_site"
    verbose_name = _("Site setup")
