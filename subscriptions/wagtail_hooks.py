"""Editors see each newsletter's subscribers and the members' alerts, and export them as CSV."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from networks.models import NewsletterPage

from .models import MemberAlert, NewsletterSubscription


class SubscriptionFilterSet(WagtailFilterSet):
    newsletter = django_filters.ModelChoiceFilter(
        label=_("newsletter"),
        queryset=NewsletterPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE),
    )
    confirmed = django_filters.BooleanFilter(
        label=_("confirmed"), field_name="confirmed_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = NewsletterSubscription
        fields = ["newsletter", "confirmed", "language"]


class NewsletterSubscriptionViewSet(SnippetViewSet):
    """Filter by newsletter, then "Download CSV" gives that newsletter's list."""

    model = NewsletterSubscription
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    list_display = ["email", "newsletter", "language", "created_at", "confirmed_at"]
    list_export = ["email", "newsletter.title", "language", "created_at", "confirmed_at"]
    export_headings = {
        "email": _("e-mail"),
        "newsletter.title": _("newsletter"),
        "language": _("language"),
        "created_at": _("subscribed at"),
        "confirmed_at": _("confirmed at"),
    }
    export_filename = "newsletter-subscribers"
    filterset_class = SubscriptionFilterSet
    search_fields = ["email"]
    ordering = ["newsletter__title", "email"]


class MemberAlertViewSet(SnippetViewSet):
    model = MemberAlert
    icon = "mail"
    menu_label = _("Members' e-mail alerts")
    list_display = ["user", "body", "language", "created_at"]
    list_filter = ["body"]
    list_export = ["user.username", "user.email", "body.title", "language", "created_at"]
    export_filename = "member-alerts"
    ordering = ["body__title", "user__username"]


class SubscriptionsGroup(SnippetViewSetGroup):
    items = (NewsletterSubscriptionViewSet, MemberAlertViewSet)
    menu_icon = "mail"
    menu_label = _("Subscriptions")
    menu_name = "subscriptions"


register_snippet(SubscriptionsGroup)
