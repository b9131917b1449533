"""What body and newsletter pages show of feeds, alerts and subscriptions."""

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from generation.memo import remember
from networks.models import BodyPage, Membership
from subscriptions.feeds import body_path, public_pages
from subscriptions.forms import SubscribeForm
from subscriptions.models import alerted_body_ids
from subscriptions.tokens import confirm_max_age

register = template.Library()


def feed_urls(body, request):
    """The public feed addresses of a body, or None when a visitor may not see the body."""

    def build():
        path = body_path(body)
        if not path or not public_pages(BodyPage.objects.filter(pk=body.pk)).exists():
            return None
        return {
            "news": reverse("body_news_feed", args=[path]),
            "calendar": reverse("body_meetings_calendar", args=[path]),
            "all": reverse("meetings_calendar"),
        }

    return remember(request, ("feed urls", body.pk, get_language()), build)


@register.inclusion_tag("subscriptions/includes/body_feed_links.html", takes_context=True)
def body_feed_links(context, page):
    return {"page": page, "feeds": feed_urls(page, context.get("request"))}


@register.inclusion_tag("subscriptions/includes/body_feeds.html", takes_context=True)
def body_feeds(context, page):
    """The feed links: the same for every reader, so they belong in the page's shared part."""
    return {"feeds": feed_urls(page, context.get("request"))}


@register.inclusion_tag("subscriptions/includes/membership_status.html", takes_context=True)
def membership_status(context, page):
    """A current member reads "You are a member", with the alert switch and a way to leave;
    anyone else, where the body takes members, "Ask to join". Personal: outside any shared
    part of the page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    membership = alert_on = False
    if user is not None and user.is_authenticated:
        key = page.translation_key
        # Memberships and bodies are content (a change bumps the generation), so they are
        # remembered; the alert switch is the member's own and kept until it flips.
        body_ids = remember(
            request,
            ("body ids", key),
            lambda: list(BodyPage.objects.filter(translation_key=key).values_list("pk", flat=True)),
        )
        membership = remember(
            request,
            ("current member", user.pk, key, timezone.localdate()),
            lambda: (
                Membership.objects.current()
                .filter(person__user=user, body_id__in=body_ids)
                .exists()
            ),
        )
        alert_on = membership and not alerted_body_ids(user).isdisjoint(body_ids)
    return {
        "page": page,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "membership": membership,
        "alert_on": alert_on,
    }


@register.inclusion_tag("subscriptions/includes/subscribe_form.html", takes_context=True)
def subscribe_form(context, newsletter, form=None):
    request = context.get("request")
    if form is None:
        language = getattr(request, "LANGUAGE_CODE", None)
        form = SubscribeForm(initial={"language": language})
    return {
        "newsletter": newsletter,
        "form": form,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "confirm_days": confirm_max_age().days,
    }
