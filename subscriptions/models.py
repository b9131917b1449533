"""Who asked for what: newsletter subscribers (double opt-in) and members' e-mail alerts."""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_nonce():
    return secrets.token_urlsafe(16)


class NewsletterSubscription(models.Model):
    """An address on a newsletter's list; it receives issues only once it has been confirmed.

    The confirmation link carries `nonce`, which is emptied on confirmation: the link works once.
    """

    newsletter = models.ForeignKey(
        "networks.NewsletterPage",
        verbose_name=_("newsletter"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    nonce = models.CharField(max_length=32, blank=True, default=new_nonce, editable=False)
    created_at = models.DateTimeField(_("subscribed at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last message sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["newsletter__title", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "email"], name="one_subscription_per_address"
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.newsletter.title})"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class MemberAlert(models.Model):
    """A member asked for an e-mail when this body publishes minutes or adds material."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="member_alerts",
    )
    body = models.ForeignKey(
        "networks.BodyPage",
        verbose_name=_("body"),
        on_delete=models.CASCADE,
        related_name="member_alerts",
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("member's e-mail alert")
        verbose_name_plural = _("members' e-mail alerts")
        ordering = ["body__title", "user__username"]
        constraints = [models.UniqueConstraint(fields=["user", "body"], name="one_alert_per_body")]

    def __str__(self):
        return f"{self.user} → {self.body.title}"


def _alerts_key(user_id):
    return f"subscriptions:alerts:{user_id}"


def alerted_body_ids(user):
    """The bodies a member has asked alerts from, kept in the shared cache: every network page
    a member opens shows its alert switch, and the switches change only when they flip one."""
    key = _alerts_key(user.pk)
    body_ids = cache.get(key)
    if body_ids is None:
        body_ids = frozenset(
            MemberAlert.objects.filter(user=user).values_list("body_id", flat=True)
        )
        cache.set(key, body_ids, 24 * 60 * 60)
    return body_ids


def forget_alerts(user_id):
    """Drop a member's kept switches now and again at commit, so that a page rendered while
    the change was not yet committed cannot keep the old state."""
    key = _alerts_key(user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))
