from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TextConfig(AppConfig):
    name = "text"
    label = "text"
    verbose_name = _("Text analysis and extraction")

    def ready(self):
        from .slugs import connect

        connect()
