from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "porth.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import signals, sso  # noqa: F401  (connects the receivers)
