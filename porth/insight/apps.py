from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "porth.insight"
    verbose_name = "Insight and open data"

    def ready(self):
        from . import signals

        signals.connect()
