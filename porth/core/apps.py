from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "porth.core"
    verbose_name = "Porth core"
