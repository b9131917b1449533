"""Login with limits, password reset and change, the member's own page and private feeds."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from access.visibility import visible_pages
from networks.addresses import absolute_url
from networks.lookups import existing_id_or_404, text_or_404
from networks.models import BodyPage, Membership

from .feeds import meetings_calendar, news_feed
from .forms import ThrottledAuthenticationForm
from .member_networks import MemberNetworks
from .models import FeedToken, MemberVisit
from .throttle import LoginThrottle


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm
    template_name = "members/login.html"

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.throttled:
            response.status_code = 429
        return response


class LogoutView(auth_views.LogoutView):
    def get_default_redirect_url(self):
        """The home page in the language the member was using (`/` or `/sv/`)."""
        return reverse("wagtail_serve", args=[""])


def reset_link_hours():
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "members/password_reset_form.html"
    email_template_name = "members/email/password_reset.txt"
    subject_template_name = "members/email/password_reset_subject.txt"

    @property
    def extra_email_context(self):
        return {"link_hours": reset_link_hours()}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "members/password_reset_done.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(link_hours=reset_link_hours(), **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "members/password_reset_confirm.html"

    @property
    def reset_url_token(self):
        # Translators: the last part of the address of the page where a new password is set.
        return _("aseta-salasana")

    def form_valid(self, form):
        # The owner of the address proved who they are: lift the limit on logging in.
        LoginThrottle(None, self.user.get_username()).clear_username()
        return super().form_valid(form)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "members/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "members/password_change_form.html"


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "members/password_change_done.html"


@require_safe
@login_required
def member_home(request):
    """The member's current networks: meetings, minutes and what changed since the last visit."""
    networks = MemberNetworks(request.user)
    previous_visit = MemberVisit.record(request.user)
    networks.materials_changed_since(previous_visit)
    token = FeedToken.for_user(request.user)
    calendar_url = absolute_url(reverse("members_meetings_ics", args=[token.token]))
    return render(
        request,
        "members/home.html",
        {
            "networks": networks,
            "sections": list(networks.sections.values()),
            "memberships": networks.memberships,
            "signed_up_meetings": networks.signed_up_meetings(),
            "previous_visit": previous_visit,
            "calendar_url": calendar_url,
            # Calendar programs subscribe (and keep the calendar up to date) from webcal://.
            "webcal_url": "webcal://" + calendar_url.split("://", 1)[1],
            "news_url": absolute_url(reverse("members_news_rss", args=[token.token])),
            "token_created_at": token.created_at,
        },
    )


@require_POST
@login_required
def renew_feed_token(request):
    FeedToken.for_user(request.user).renew()
    messages.success(
        request, _("Your feed addresses have been renewed. The old addresses no longer work.")
    )
    return redirect("members_home")


def feed_user(token):
    """The token alone authorises a feed, for as long as it is the member's current one."""
    feed_token = FeedToken.objects.select_related("user").filter(token=text_or_404(token)).first()
    if feed_token is None or not feed_token.user.is_active:
        raise Http404
    return feed_token.user


def private(response):
    patch_cache_control(response, private=True, no_cache=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
def meetings_ics(request, token):
    networks = MemberNetworks(feed_user(token))
    return private(
        HttpResponse(
            meetings_calendar(networks, request), content_type="text/calendar; charset=utf-8"
        )
    )


@require_safe
def news_rss(request, token):
    networks = MemberNetworks(feed_user(token))
    return private(
        HttpResponse(
            news_feed(networks, request, absolute_url(request.get_full_path())),
            content_type="application/rss+xml; charset=utf-8",
        )
    )


@require_http_methods(["GET", "POST"])
@login_required
def leave_body(request, body_id):
    """Leave a body: the member's current terms end yesterday, so their access to its
    members-only material ends at once (`networks.signals` takes the group away). Asked on a
    page of its own first: a member cannot undo it, only the contact person can."""
    body = get_object_or_404(
        visible_pages(request, BodyPage.objects.all()), pk=existing_id_or_404(body_id)
    )
    terms = Membership.objects.current().filter(
        person__user=request.user, body__translation_key=body.translation_key
    )
    if not terms.exists():
        messages.info(request, _("You are not a member of %(body)s.") % {"body": body.title})
        return redirect(body.url)
    if request.method == "POST":
        yesterday = timezone.localdate() - datetime.timedelta(days=1)
        for term in terms:
            term.end_date = yesterday
            term.save()
        messages.success(request, _("You have left %(body)s.") % {"body": body.title})
        return redirect("members_home")
    return render(request, "members/leave.html", {"body": body})
