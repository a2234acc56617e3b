from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SimilarityConfig(AppConfig):
    name = "porth.similarity"
    verbose_name = _("Similar projects")
