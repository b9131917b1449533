"""Login forms that refuse after too many failures, for the site and for the Wagtail admin."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .throttle import LoginThrottle


class ThrottledLoginMixin:
    """Refuse without checking the password once the username or address is throttled."""

    throttled = False

    def clean(self):
        throttle = LoginThrottle(self.request, self.cleaned_data.get("username"))
        if throttle.is_blocked():
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
        try:
            cleaned_data = super().clean()
        except forms.ValidationError:
            if self.cleaned_data.get("password"):
                throttle.record_failure()
            raise
        if self.get_user() is not None:
            throttle.clear_username()
        return cleaned_data


class ThrottledAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    pass


class ThrottledAdminLoginForm(ThrottledLoginMixin, WagtailLoginForm):
    """WAGTAILADMIN_USER_LOGIN_FORM: the same limits on the Wagtail admin's login."""
