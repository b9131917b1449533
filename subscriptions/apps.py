from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    label = "subscriptions"
    verbose_name = _("Feeds, alerts and subscriptions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import alerts  # noqa: F401
