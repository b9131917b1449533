from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GenerationConfig(AppConfig):
    name = "generation"
    label = "generation"
    verbose_name = _("Content generation")

    def ready(self):
        from . import signals

        signals.connect()
