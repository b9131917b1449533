"""What the members' pages remember: the previous visit and the secret of the private feeds."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_feed_token():
    return secrets.token_urlsafe(32)


class MemberVisit(models.Model):
    """When the member last opened their own networks' page ("what is new since then")."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="member_visit",
    )
    visited_at = models.DateTimeField(_("visited at"))

    class Meta:
        verbose_name = _("member's visit")
        verbose_name_plural = _("members' visits")

    def __str__(self):
        return f"{self.user} {self.visited_at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, user, now=None):
        """Store this visit; return the time of the previous one (None on the first visit)."""
        now = now or timezone.now()
        visit, created = cls.objects.get_or_create(user=user, defaults={"visited_at": now})
        if created:
            return None
        previous = visit.visited_at
        visit.visited_at = now
        visit.save(update_fields=["visited_at"])
        return previous


class FeedToken(models.Model):
    """The secret in a member's private feed addresses; the token alone authorises a feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="feed_token",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("feed token")
        verbose_name_plural = _("feed tokens")

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"

    @classmethod
    def for_user(cls, user):
        return cls.objects.get_or_create(user=user)[0]

    def renew(self):
        """A new secret: the old feed addresses stop working at once."""
        self.token = new_feed_token()
        self.created_at = timezone.now()
        self.save(update_fields=["token", "created_at"])
