"""Newsletter subscriptions with double opt-in, and members' e-mail alerts.

The subscribe form answers the same whatever the address: it never tells whether the address
is already on the list. The links in messages are opened first with GET, which only shows a
button: mail scanners that follow links must not use up a confirmation or unsubscribe anyone.
"""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from access.readers import Reader
from access.visibility import visible_pages
from networks.addresses import absolute_url
from networks.lookups import existing_id_or_404
from networks.models import BodyPage, Membership, NewsletterPage
from networks.translations import one_per_translation

from . import tokens
from .forms import SubscribeForm
from .mail import build_message, localized_reverse, send_all
from .models import MemberAlert, NewsletterSubscription

# One message per address and newsletter in this time, however often the form is sent.
RESEND_INTERVAL = datetime.timedelta(minutes=10)


def source_page(page):
    """The page in the site's default language: one list per newsletter, one alert per body."""
    default = type(page).objects.filter(
        translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    )
    return default.first() or page


def newsletter_for(request, newsletter_id):
    pages = visible_pages(request, NewsletterPage.objects.all())
    return get_object_or_404(pages, pk=existing_id_or_404(newsletter_id))


def subscription_message(request, subscription, template, context):
    language = subscription.language
    unsubscribe = absolute_url(
        localized_reverse(
            language, "newsletter_unsubscribe", tokens.unsubscribe_token(subscription)
        )
    )
    with translation.override(language):
        newsletter = subscription.newsletter.localized  # in the subscriber's language, if live
    context = {
        **context,
        "newsletter": newsletter,
        "confirm_days": tokens.confirm_max_age().days,
    }
    return build_message(subscription.email, language, template, context, unsubscribe)


def send_confirmation(request, subscription):
    """A confirmation link to a new address, a reminder to one already on the list."""
    now = timezone.now()
    if subscription.last_sent_at and now - subscription.last_sent_at < RESEND_INTERVAL:
        return
    if subscription.is_confirmed:
        message = subscription_message(request, subscription, "already_subscribed", {})
    else:
        confirm = absolute_url(
            localized_reverse(
                subscription.language, "newsletter_confirm", tokens.confirm_token(subscription)
            )
        )
        message = subscription_message(request, subscription, "confirm", {"confirm_url": confirm})
    subscription.last_sent_at = now
    subscription.save(update_fields=["last_sent_at"])
    send_all([message])


@require_http_methods(["GET", "POST"])
def subscribe(request, newsletter_id):
    """GET shows the form on its own page; the newsletter's page has the same form."""
    newsletter = newsletter_for(request, newsletter_id)
    if request.method == "GET":
        form = SubscribeForm(initial={"language": translation.get_language()})
        return render(
            request, "subscriptions/subscribe.html", {"form": form, "newsletter": newsletter}
        )
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "subscriptions/subscribe.html",
            {"form": form, "newsletter": newsletter},
            status=400,
        )
    email = form.cleaned_data["email"].strip().lower()
    with transaction.atomic():
        subscription = NewsletterSubscription.objects.select_for_update().get_or_create(
            newsletter=source_page(newsletter),
            email=email,
            defaults={"language": form.cleaned_data["language"]},
        )[0]
        if not subscription.is_confirmed:
            subscription.language = form.cleaned_data["language"]
            subscription.save(update_fields=["language"])
    send_confirmation(request, subscription)
    messages.success(
        request,
        _(
            "Thank you. We sent a message to %(email)s. Open the link in it to confirm your "
            "subscription. If no message arrives, check the address and your spam folder."
        )
        % {"email": email},
    )
    return redirect(newsletter.get_url(request))


def confirm_page(request, status, **context):
    context = {"status": status, "confirm_days": tokens.confirm_max_age().days, **context}
    return render(request, "subscriptions/confirm.html", context)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows the button; POST confirms. A used, expired or tampered link changes nothing."""
    try:
        data = tokens.read_confirm_token(token)
    except signing.SignatureExpired:
        return expired(request, token)
    except signing.BadSignature:
        return confirm_page(request, "invalid")
    subscription = (
        NewsletterSubscription.objects.filter(pk=data.get("id"))
        .select_related("newsletter")
        .first()
    )
    if subscription is None or not subscription.nonce or subscription.nonce != data.get("nonce"):
        return confirm_page(request, "used")
    newsletter = subscription.newsletter.localized
    if request.method == "POST":
        # Matching the nonce in the update itself: of two clicks at once, only one confirms.
        confirmed = NewsletterSubscription.objects.filter(
            pk=subscription.pk, nonce=subscription.nonce
        ).update(confirmed_at=timezone.now(), nonce="")
        if not confirmed:
            return confirm_page(request, "used")
        return confirm_page(
            request,
            "confirmed",
            newsletter=newsletter,
            unsubscribe_url=localized_reverse(
                translation.get_language(),
                "newsletter_unsubscribe",
                tokens.unsubscribe_token(subscription),
            ),
        )
    return confirm_page(request, "ask", newsletter=newsletter, email=subscription.email)


def expired(request, token):
    """The link is genuine but old: say so, and offer the same subscription again."""
    data = tokens.read_expired_confirm_token(token) or {}
    subscription = (
        NewsletterSubscription.objects.filter(pk=data.get("id"))
        .select_related("newsletter")
        .first()
    )
    context = {}
    if subscription is not None:
        context["newsletter"] = subscription.newsletter.localized
        context["form"] = SubscribeForm(
            initial={"email": subscription.email, "language": subscription.language}
        )
    return confirm_page(request, "expired", **context)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """No login: the signed link is the proof. POST without a CSRF token is the one-click
    unsubscribe that mail programs send (RFC 8058)."""
    try:
        data = tokens.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "subscriptions/unsubscribe.html", {"status": "invalid"})
    newsletter = NewsletterPage.objects.filter(pk=data.get("newsletter")).first()
    if newsletter is None:
        raise Http404
    context = {
        "newsletter": newsletter.localized,
        "email": data.get("email"),
    }
    if request.method == "POST":
        NewsletterSubscription.objects.filter(
            newsletter=newsletter, email=data.get("email")
        ).delete()
        return render(request, "subscriptions/unsubscribe.html", {"status": "done", **context})
    return render(request, "subscriptions/unsubscribe.html", {"status": "ask", **context})


# Members' alerts ------------------------------------------------------------------------------


def current_bodies(user):
    """The bodies the member belongs to now and may see, in the active language."""
    keys = set(
        Membership.objects.current()
        .filter(person__user=user)
        .values_list("body__translation_key", flat=True)
    )
    bodies = visible_pages(Reader.member(user), BodyPage.objects.filter(translation_key__in=keys))
    bodies = one_per_translation(bodies.select_related("locale"), translation.get_language())
    return sorted(bodies, key=lambda body: body.title.casefold())


@login_required
@require_http_methods(["GET"])
def member_alerts(request):
    """The member's networks, each with its alert on or off; the "manage" link of the messages."""
    bodies = current_bodies(request.user)
    on = set(
        MemberAlert.objects.filter(user=request.user).values_list(
            "body__translation_key", flat=True
        )
    )
    for body in bodies:
        body.alert_on = body.translation_key in on
    return render(request, "subscriptions/member_alerts.html", {"bodies": bodies})


@login_required
@require_POST
def toggle_alert(request, body_id):
    body = next((b for b in current_bodies(request.user) if b.pk == body_id), None)
    if body is None:
        raise Http404
    alerts = MemberAlert.objects.filter(
        user=request.user, body__translation_key=body.translation_key
    )
    if request.POST.get("alert") == "on":
        if not alerts.exists():
            MemberAlert.objects.create(
                user=request.user, body=source_page(body), language=translation.get_language()
            )
        messages.success(
            request,
            _("You will get an e-mail when %(body)s publishes minutes or adds material.")
            % {"body": body.title},
        )
    else:
        alerts.delete()
        messages.success(
            request, _("You will no longer get e-mail alerts from %(body)s.") % {"body": body.title}
        )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = reverse("member_alerts")
    return redirect(next_url)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def alert_off(request, token):
    """Stop one network's alerts from the link in a message, without logging in."""
    try:
        data = tokens.read_alert_off_token(token)
    except signing.BadSignature:
        return render(request, "subscriptions/alert_off.html", {"status": "invalid"})
    body = BodyPage.objects.filter(translation_key=data.get("body")).first()
    if body is None:
        raise Http404
    context = {"body": body.localized}
    if request.method == "POST":
        MemberAlert.objects.filter(
            user_id=data.get("user"), body__translation_key=body.translation_key
        ).delete()
        return render(request, "subscriptions/alert_off.html", {"status": "done", **context})
    return render(request, "subscriptions/alert_off.html", {"status": "ask", **context})
