"""Included inside the site's i18n_patterns: Finnish paths, translated for Swedish."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

# URL paths: keep the slashes and the parts in <angle brackets> as they are.
urlpatterns = [
    path(_("syotteet/kokoukset.ics"), feeds.all_meetings_calendar, name="meetings_calendar"),
    path(
        _("syotteet/kokous/<int:meeting_id>/kokous.ics"),
        feeds.meeting_calendar,
        name="meeting_calendar",
    ),
    path(
        _("syotteet/<path:path>/kokoukset.ics"),
        feeds.body_calendar,
        name="body_meetings_calendar",
    ),
    path(_("syotteet/<path:path>/uutiset.xml"), feeds.body_news, name="body_news_feed"),
    path(
        _("uutiskirje/<int:newsletter_id>/tilaa/"),
        views.subscribe,
        name="newsletter_subscribe",
    ),
    path(_("uutiskirje/vahvista/<str:token>/"), views.confirm, name="newsletter_confirm"),
    path(_("uutiskirje/peru/<str:token>/"), views.unsubscribe, name="newsletter_unsubscribe"),
    path(_("omat-verkostot/ilmoitukset/"), views.member_alerts, name="member_alerts"),
    path(
        _("omat-verkostot/ilmoitukset/<int:body_id>/"),
        views.toggle_alert,
        name="member_alert_toggle",
    ),
    path(_("ilmoitukset/lopeta/<str:token>/"), views.alert_off, name="alert_off"),
]
