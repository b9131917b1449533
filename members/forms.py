"""Login forms that refuse after too many failures, for the site and for the Wagtail admin."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .throttle import LoginThrottle


class ThrottledLoginMixin:
    """Refuse without checking the password once the username or address is throttled; every
    attempt is counted before its password is checked (`members.throttle`)."""

    throttled = False

    def clean(self):
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not (username and password):
            return super().clean()
        throttle = LoginThrottle(self.request, username)
        if not throttle.take_attempt():
            self.throttled = True
            minutes = throttle.minutes_left()
            raise forms.ValidationError(
                ngettext(
                    "Too many failed login attempts. Try again in %(minutes)d minute.",
                    "Too many failed login attempts. Try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                code="throttled",
            )
        cleaned_data = super().clean()  # a failure keeps the count its attempt took
        if self.get_user() is not None:
            throttle.succeeded()
        return cleaned_data


class ThrottledAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    pass


class ThrottledAdminLoginForm(ThrottledLoginMixin, WagtailLoginForm):
    """WAGTAILADMIN_USER_LOGIN_FORM: the same limits on the Wagtail admin's login."""
