from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top floor: site-wide setup that composes the other apps (see docs/architecture.md)."""

    name = "porth.site"
    label = "porth_site"
    verbose_name = _("Site setup")

    def ready(self):
        # The audit log records every model (settings), but not simple_history's copies of them: each change
        # is already logged once, on the record itself.
        from auditlog.registry import auditlog
        from django.apps import apps

        for model in apps.get_models():
            if model.__name__.startswith("Historical") and auditlog.contains(model):
                auditlog.unregister(model)
