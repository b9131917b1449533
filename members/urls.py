"""Included inside the site's i18n_patterns: Finnish paths, translated for Swedish."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

# URL paths: keep the slashes and the parts in <angle brackets> as they are.
urlpatterns = [
    path(_("kirjaudu/"), views.LoginView.as_view(), name="login"),
    path(_("kirjaudu-ulos/"), views.LogoutView.as_view(), name="logout"),
    path(_("salasana/unohtunut/"), views.PasswordResetView.as_view(), name="password_reset"),
    path(
        _("salasana/unohtunut/lahetetty/"),
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        _("salasana/uusi/<uidb64>/<token>/"),
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        _("salasana/uusi/valmis/"),
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(_("salasana/vaihda/"), views.PasswordChangeView.as_view(), name="password_change"),
    path(
        _("salasana/vaihda/valmis/"),
        views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(_("omat-verkostot/"), views.member_home, name="members_home"),
    path(
        _("omat-verkostot/uusi-syoteosoite/"),
        views.renew_feed_token,
        name="members_renew_feed_token",
    ),
    path(_("omat-verkostot/eroa/<int:body_id>/"), views.leave_body, name="members_leave"),
    path(_("syote/<str:token>/kokoukset.ics"), views.meetings_ics, name="members_meetings_ics"),
    path(_("syote/<str:token>/uutiset.xml"), views.news_rss, name="members_news_rss"),
]
