from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site: KT's seed texts as structured content and `load_demo`, which builds it.
    It uses the other apps and none of them uses it; it has no models, and a live site simply
    never runs `load_demo`."""

    name = "demo"
    label = "demo"
    verbose_name = _("Demo content")
